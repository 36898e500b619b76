import { z } from 'zod';
import { baseConfigSchema } from '@hub/nest-commons';

/** Territorial clusters's configuration: the platform's base variables (nest-commons) plus its own (prefix `CLUSTERS_`). */
export const clustersConfigSchema = baseConfigSchema.extend({
  /** Port under `tools/hub up` (package.json `hub.port`); a deployment sets PORT. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3106),
  /** The selection programme's rule sets (ADR 0080); default: the app's data/cluster-selection-rules.json. */
  CLUSTERS_RULE_SETS_FILE: z.string().min(1).optional(),
});
export type ClustersConfig = z.infer<typeof clustersConfigSchema>;
