import { z } from 'zod';
import { baseConfigSchema } from '@hub/nest-commons';

/** ICT training's configuration: the platform's base variables (nest-commons) plus its own (prefix `TRAINING_`). */
export const trainingConfigSchema = baseConfigSchema.extend({
  /** Port under `tools/hub up` (package.json `hub.port`); a deployment sets PORT. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3105),
});
export type TrainingConfig = z.infer<typeof trainingConfigSchema>;
