import { z } from 'zod';
import { baseConfigSchema } from '@hub/nest-commons';

/** Territorial clusters's configuration: the platform's base variables (nest-commons) plus its own (prefix `CLUSTERS_`). */
export const clustersConfigSchema = baseConfigSchema.extend({
  /** Port under `tools/hub up` (package.json `hub.port`); a deployment sets PORT. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3106),
});
export type ClustersConfig = z.infer<typeof clustersConfigSchema>;
