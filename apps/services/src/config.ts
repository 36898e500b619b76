import { z } from 'zod';
import { baseConfigSchema, serviceCredentialsEnv } from '@hub/nest-commons';
import { checkPiiConfig, piiConfigShape } from '@hub/pii';

/** Services and pricing's configuration: the platform's base variables (nest-commons) plus its own (prefix `SERVICES_`). */
export const servicesConfigSchema = baseConfigSchema
  .extend({
    /** Port under `tools/hub up` (package.json `hub.port`); a deployment sets PORT. */
    PORT: z.coerce.number().int().min(1).max(65535).default(3103),
    /** F-42 personal data: the IINs of cohort members (@hub/pii, ADR 0022, ADR 0065, ADR 0068). */
    ...piiConfigShape,
    /**
     * The documents context's API as services reaches it (through the admin gateway, e.g.
     * `http://127.0.0.1:3100/api/documents`): invoice PDFs are archived there (F-55, ADR 0067, 0109) with
     * services' own client credentials (HUB_SERVICE_*, client `hub-services`). Without it, archiving waits and alerts.
     */
    SERVICES_DOCUMENTS_URL: z.url().optional(),
    ...serviceCredentialsEnv,
  })
  .superRefine(checkPiiConfig);
export type ServicesConfig = z.infer<typeof servicesConfigSchema>;
