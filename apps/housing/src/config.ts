import { z } from 'zod';
import { baseConfigSchema } from '@hub/nest-commons';
import { checkPiiConfig, piiConfigShape } from '@hub/pii';

/** Housing and premises's configuration: the platform's base variables (nest-commons) plus its own. */
export const housingConfigSchema = baseConfigSchema
  .extend({
    /** Port under `tools/hub up` (package.json `hub.port`); a deployment sets PORT. */
    PORT: z.coerce.number().int().min(1).max(65535).default(3104),
    /** F-42 personal data (@hub/pii, ADR 0022, ADR 0065). */
    ...piiConfigShape,
    /** ADR 0110: the Fund's own BIN, owner of the dwelling acts' scans in documents (same value as documents'); unset → an act cannot name a scan. */
    HUB_FUND_BIN: z
      .string()
      .regex(/^\d{12}$/, 'the Fund’s BIN is exactly 12 digits')
      .optional(),
  })
  .superRefine(checkPiiConfig);
export type HousingConfig = z.infer<typeof housingConfigSchema>;
