/** DI tokens of the registration module's data sources. */
export const ACTIVITY_TYPE_CATALOGUE = Symbol('ACTIVITY_TYPE_CATALOGUE');
export const REFERENCE_DATA = Symbol('REFERENCE_DATA');
export const WORKING_DAY_CALENDAR = Symbol('WORKING_DAY_CALENDAR');
export const REGISTRATION_SETTINGS = Symbol('REGISTRATION_SETTINGS');

export interface RegistrationSettings {
  /** Base URL of the public registry, for the QR code on certificates. */
  readonly publicBaseUrl: string;
}
