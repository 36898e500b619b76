/** Port: the context's own settings the use cases need. */
export abstract class RegistrationSettings {
  /** Base URL of the public registry, for the QR code on certificates. */
  abstract readonly publicBaseUrl: string;
}
