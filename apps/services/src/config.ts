import { z } from 'zod';
import { baseConfigSchema } from '@hub/nest-commons';

/** Services and pricing's configuration: the platform's base variables (nest-commons) plus its own (prefix `SERVICES_`). */
export const servicesConfigSchema = baseConfigSchema.extend({
  /** Port under `tools/hub up` (package.json `hub.port`); a deployment sets PORT. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3103),
});
export type ServicesConfig = z.infer<typeof servicesConfigSchema>;
