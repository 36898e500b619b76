import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { TOPICS } from '@hub/contracts';
import { baseConfigSchema, serviceCredentialsEnv } from '@hub/nest-commons';
import { checkPiiConfig, piiConfigShape } from '@hub/pii';

/** The fee tariff shipped with the app (F-22, F-23): data with effective dates. */
export const SHIPPED_TARIFF_FILE = fileURLToPath(new URL('../data/fee-tariff.json', import.meta.url));

/** F-25 (ADR 0050): the Fund's bounds on an extension's length, effective-dated data shipped with the app. */
export const SHIPPED_EXTENSION_TERM_FILE = fileURLToPath(new URL('../data/extension-term.json', import.meta.url));

/** Participation's configuration: the platform's base variables (nest-commons) plus its own. */
export const participationConfigSchema = baseConfigSchema
  .extend({
    /** F-42 personal data (@hub/pii, ADR 0022, ADR 0065). */
    ...piiConfigShape,
    HUB_FEE_TARIFF_FILE: z.string().min(1).default(SHIPPED_TARIFF_FILE),
    HUB_EXTENSION_TERM_FILE: z.string().min(1).default(SHIPPED_EXTENSION_TERM_FILE),
    /** The topic registration publishes on (overridable for isolated tests). */
    HUB_REGISTRATION_TOPIC: z.string().min(1).default(TOPICS.registration.name),
    /** Consumer group and inbox name of the registration-events consumer. */
    HUB_REGISTRATION_CONSUMER: z.string().min(1).default('participation.registration-events'),
    /**
     * The documents context's API as participation reaches it (through the admin gateway, e.g.
     * `http://127.0.0.1:3100/api/documents`): each generated edition of the F-41 analytics is archived
     * there as an issued document (ADR 0132), with participation's own client credentials (HUB_SERVICE_*,
     * client `hub-participation`, ADR 0106). Without it, archiving waits and alerts.
     */
    PARTICIPATION_DOCUMENTS_URL: z.url().optional(),
    ...serviceCredentialsEnv,
  })
  .superRefine(checkPiiConfig);

export type ParticipationConfig = z.infer<typeof participationConfigSchema>;
