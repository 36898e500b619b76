import { z } from 'zod';
import { AesGcmPiiCipher } from './aes-gcm-pii-cipher.js';

/** `HUB_PII_KEYS="k1:<base64 of 32 bytes>,k2:…"`: the AES-256-GCM key ring. Key material is never echoed in an error. */
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
      if (!id || !/^[A-Za-z0-9_-]{1,50}$/.test(id) || key.length !== 32 || ring.has(id)) {
        // Never echo key material: name the position only.
        ctx.addIssue({
          code: 'custom',
          message: `entry ${ring.size + 1} must be <id>:<base64 of exactly 32 bytes> with an id used once (letters, digits, _ or -)`,
        });
        return z.NEVER;
      }
      ring.set(id, key);
    }
    if (ring.size === 0) {
      ctx.addIssue({ code: 'custom', message: 'must hold at least one key' });
      return z.NEVER;
    }
    return ring;
  })
  .describe('HUB_PII_KEYS="k1:<base64 32 bytes>,k2:…": the AES-256-GCM key ring for personal data (F-42)');

/** The variables a context holding personal data adds to its configuration schema (`.extend(piiConfigShape)`). */
export const piiConfigShape = {
  HUB_PII_KEYS: piiKeyRingSchema,
  /** The key new personal data is encrypted with; it must be in HUB_PII_KEYS. */
  HUB_PII_ACTIVE_KEY: z.string().min(1).describe('the id of the HUB_PII_KEYS key new personal data is encrypted with'),
  /** The key blind indexes are computed with (ADR 0065); the ring's first key when absent. Never rotated in place. */
  HUB_PII_INDEX_KEY: z.string().min(1).optional().describe('the id of the HUB_PII_KEYS key blind indexes are computed with (default: the first key)'),
};

export interface PiiConfig {
  readonly HUB_PII_KEYS: ReadonlyMap<string, Buffer>;
  readonly HUB_PII_ACTIVE_KEY: string;
  readonly HUB_PII_INDEX_KEY?: string | undefined;
}

/** The cross-field checks of `piiConfigShape`, for the context's `.superRefine`. */
export function checkPiiConfig(c: PiiConfig, ctx: z.RefinementCtx): void {
  if (!c.HUB_PII_KEYS.has(c.HUB_PII_ACTIVE_KEY)) ctx.addIssue({ code: 'custom', path: ['HUB_PII_ACTIVE_KEY'], message: 'must name a key of HUB_PII_KEYS' });
  if (c.HUB_PII_INDEX_KEY !== undefined && !c.HUB_PII_KEYS.has(c.HUB_PII_INDEX_KEY))
    ctx.addIssue({ code: 'custom', path: ['HUB_PII_INDEX_KEY'], message: 'must name a key of HUB_PII_KEYS' });
}

/** The cipher a context's configuration describes. */
export function piiCipherFrom(c: PiiConfig): AesGcmPiiCipher {
  return new AesGcmPiiCipher(c.HUB_PII_KEYS, c.HUB_PII_ACTIVE_KEY, c.HUB_PII_INDEX_KEY);
}
