import { z } from 'zod';
import { baseConfigSchema } from '@hub/nest-commons';
import { checkPiiConfig, piiConfigShape } from '@hub/pii';

/** ICT training's configuration: the platform's base variables (nest-commons) plus its own (prefix `TRAINING_`). */
export const trainingConfigSchema = baseConfigSchema
  .extend({
    /** Port under `tools/hub up` (package.json `hub.port`); a deployment sets PORT. */
    PORT: z.coerce.number().int().min(1).max(65535).default(3105),
    /**
     * F-68 external registers (ADR 0071): `development` = the development adapter (no real data,
     * marked so in every outcome's source); `none` (default) = no register connected, the officer's
     * recorded check with evidence is required for grounds (1), (4), (5).
     */
    TRAINING_REGISTERS: z.enum(['development', 'none']).default('none'),
    /** F-76: trainees' IIN and name are encrypted with this key ring (ADR 0022, as housing). */
    /** F-42 personal data (@hub/pii, ADR 0022, ADR 0065). */
    ...piiConfigShape,
  })
  .superRefine(checkPiiConfig);
export type TrainingConfig = z.infer<typeof trainingConfigSchema>;
