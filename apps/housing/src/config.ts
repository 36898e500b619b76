import { z } from 'zod';
import { baseConfigSchema } from '@hub/nest-commons';

/** Housing and premises's configuration: the platform's base variables (nest-commons) plus its own (prefix `HOUSING_`). */
export const housingConfigSchema = baseConfigSchema.extend({
  /** Port under `tools/hub up` (package.json `hub.port`); a deployment sets PORT. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3104),
});
export type HousingConfig = z.infer<typeof housingConfigSchema>;
