import { z } from 'zod';
import { baseConfigSchema } from '@hub/nest-commons';

/** The F-42 key ring, as participation and housing read it: `HUB_PII_KEYS="k1:<base64 of 32 bytes>,k2:…"`. */
export const piiKeyRingSchema = z
  .string()
  .min(1)
  .transform((s, ctx) => {
    const ring = new Map<string, Buffer>();
    for (const part of s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)) {
      const [id, b64] = part.split(':');
      const key = b64 ? Buffer.from(b64, 'base64') : Buffer.alloc(0);
      if (!id || !/^[A-Za-z0-9_-]{1,50}$/.test(id) || key.length !== 32) {
        // Never echo key material: name the position only.
        ctx.addIssue({ code: 'custom', message: `entry ${ring.size + 1} must be <id>:<base64 of exactly 32 bytes> (id: letters, digits, _ or -)` });
        return z.NEVER;
      }
      ring.set(id, key);
    }
    return ring;
  })
  .describe('HUB_PII_KEYS="k1:<base64 32 bytes>,k2:…": the AES-256-GCM key ring for trainees’ personal data (F-42, F-76)');

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
    HUB_PII_KEYS: piiKeyRingSchema,
    /** The key new personal data is encrypted with; it must be in HUB_PII_KEYS. */
    HUB_PII_ACTIVE_KEY: z.string().min(1),
  })
  .superRefine((c, ctx) => {
    if (!c.HUB_PII_KEYS.has(c.HUB_PII_ACTIVE_KEY)) ctx.addIssue({ code: 'custom', path: ['HUB_PII_ACTIVE_KEY'], message: 'must name a key of HUB_PII_KEYS' });
  });
export type TrainingConfig = z.infer<typeof trainingConfigSchema>;
