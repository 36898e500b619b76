import { z } from 'zod';
import { baseConfigSchema } from '@hub/nest-commons';
import { checkPiiConfig, piiConfigShape } from '@hub/pii';

/** Services and pricing's configuration: the platform's base variables (nest-commons) plus its own (prefix `SERVICES_`). */
export const servicesConfigSchema = baseConfigSchema
  .extend({
    /** Port under `tools/hub up` (package.json `hub.port`); a deployment sets PORT. */
    PORT: z.coerce.number().int().min(1).max(65535).default(3103),
    /** F-42 personal data: the IINs of cohort members (@hub/pii, ADR 0022, ADR 0065, ADR 0068). */
    ...piiConfigShape,
  })
  .superRefine(checkPiiConfig);
export type ServicesConfig = z.infer<typeof servicesConfigSchema>;
