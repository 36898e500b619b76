import { z } from 'zod';
import { baseConfigSchema, serviceCredentialsEnv } from '@hub/nest-commons';

/** Registration's configuration: the platform's base variables (nest-commons) plus its own. */
export const registrationConfigSchema = baseConfigSchema.extend({
  /** Base URL of the public registry; the certificate's QR code opens `<base>/registry/certificates/<number>`. */
  REGISTRATION_PUBLIC_BASE_URL: z.url().default('http://127.0.0.1:3101'),
  /** PKCS#8 PEM Ed25519 key of the LOCAL certificate signer (not the national PKI); without it a key is generated at start-up. */
  REGISTRATION_SIGNING_KEY_FILE: z.string().min(1).optional(),
  /** The list of priority ICT activity types (F-7(7)); default: the shipped PLACEHOLDER list. */
  REGISTRATION_ACTIVITY_TYPES_FILE: z.string().min(1).optional(),
  /**
   * The documents context's API as registration reaches it (through the admin gateway, e.g.
   * `http://127.0.0.1:3100/api/documents`): issued certificates are archived there (F-18, ADR 0106),
   * with registration's own client credentials (HUB_SERVICE_*). Without it, archiving waits and alerts.
   */
  REGISTRATION_DOCUMENTS_URL: z.url().optional(),
  ...serviceCredentialsEnv,
});
export type RegistrationConfig = z.infer<typeof registrationConfigSchema>;
