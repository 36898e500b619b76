import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { TOPICS } from '@hub/contracts';
import { baseConfigSchema } from '@hub/nest-commons';

/** The fee tariff shipped with the app (F-22, F-23): data with effective dates. */
export const SHIPPED_TARIFF_FILE = fileURLToPath(new URL('../data/fee-tariff.json', import.meta.url));

/** F-25 (ADR 0050): the Fund's bounds on an extension's length, effective-dated data shipped with the app. */
export const SHIPPED_EXTENSION_TERM_FILE = fileURLToPath(new URL('../data/extension-term.json', import.meta.url));

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
  .describe('HUB_PII_KEYS="k1:<base64 32 bytes>,k2:…": the AES-256-GCM key ring for F-42 personal data');

/** Participation's configuration: the platform's base variables (nest-commons) plus its own. */
export const participationConfigSchema = baseConfigSchema
  .extend({
    HUB_PII_KEYS: piiKeyRingSchema,
    /** The key new personal data is encrypted with; it must be in HUB_PII_KEYS. */
    HUB_PII_ACTIVE_KEY: z.string().min(1),
    HUB_FEE_TARIFF_FILE: z.string().min(1).default(SHIPPED_TARIFF_FILE),
    HUB_EXTENSION_TERM_FILE: z.string().min(1).default(SHIPPED_EXTENSION_TERM_FILE),
    /** The topic registration publishes on (overridable for isolated tests). */
    HUB_REGISTRATION_TOPIC: z.string().min(1).default(TOPICS.registration.name),
    /** Consumer group and inbox name of the registration-events consumer. */
    HUB_REGISTRATION_CONSUMER: z.string().min(1).default('participation.registration-events'),
  })
  .superRefine((c, ctx) => {
    if (!c.HUB_PII_KEYS.has(c.HUB_PII_ACTIVE_KEY)) ctx.addIssue({ code: 'custom', path: ['HUB_PII_ACTIVE_KEY'], message: 'must name a key of HUB_PII_KEYS' });
  });

export type ParticipationConfig = z.infer<typeof participationConfigSchema>;
