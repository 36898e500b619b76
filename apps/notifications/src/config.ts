import { z } from 'zod';
import { baseConfigSchema, serviceCredentialsEnv } from '@hub/nest-commons';
import { piiConfigShape } from '@hub/pii';
import { STAFF_DIGEST_ROLES } from './messages/domain/rules/staff-digest.rule.js';

/**
 * ADR 0108: where each officer role's daily digest goes — a role mailbox (never a person's address: the
 * digest is to whoever holds the role that day), in a language. A role left out gets no digest (the
 * switch); an unknown role, a bad address or language stops the app naming it.
 */
const StaffDigestMailboxesSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not JSON: {"<role>": {"email": "…", "language": "kk|ru|en"}, …}' });
      return z.NEVER;
    }
  })
  .pipe(z.partialRecord(z.enum(STAFF_DIGEST_ROLES), z.strictObject({ email: z.email(), language: z.enum(['kk', 'ru', 'en']) })));

/**
 * Notifications's configuration: the platform's base variables (nest-commons) plus its own (prefix
 * `NOTIFICATIONS_`). The delivery settings are technical (how hard to try an SMTP server), not the
 * Fund's thresholds: the statutory deadlines stay with the contexts that own them (ADR 0091).
 */
export const notificationsConfigSchema = baseConfigSchema
  .extend({
    /** Port under `tools/hub up` (package.json `hub.port`); a deployment sets PORT. */
    PORT: z.coerce.number().int().min(1).max(65535).default(3108),
    /** The SMTP server mails go to (development: tools/dev-smtp on 1025). `smtp://` or `smtps://`, credentials in the URL. */
    NOTIFICATIONS_SMTP_URL: z.string().url().default('smtp://127.0.0.1:1025'),
    NOTIFICATIONS_MAIL_FROM: z.string().min(3).default('Astana Hub <no-reply@astanahub.kz>'),
    /** How long one SMTP conversation may take before it counts as a failed attempt. */
    NOTIFICATIONS_SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    /** The portal the messages link to (no personal data in a message: the details are behind the link, F-35/F-42). */
    NOTIFICATIONS_PORTAL_URL: z.string().url().default('http://127.0.0.1:3000'),
    /** The Fund's services mailbox: notices to the Fund (an act disputed, F-55; ADR 0105) go there by e-mail. */
    NOTIFICATIONS_FUND_SERVICES_EMAIL: z.string().email().default('services@astanahub.kz'),
    /** The language of the notices to the Fund's staff. */
    NOTIFICATIONS_FUND_LANGUAGE: z.enum(['kk', 'ru', 'en']).default('ru'),
    /** Attempts before a mail is dead-lettered with the last reason (ADR 0091). */
    NOTIFICATIONS_DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
    /** First retry after this long, doubling each attempt up to the maximum (ADR 0091). */
    NOTIFICATIONS_DELIVERY_BACKOFF_BASE_MS: z.coerce.number().int().min(1).default(30_000),
    NOTIFICATIONS_DELIVERY_BACKOFF_MAX_MS: z.coerce.number().int().min(1).default(3_600_000),
    /** How often the delivery worker looks for due mails. */
    NOTIFICATIONS_DELIVERY_POLL_MS: z.coerce.number().int().min(10).default(1_000),
    /**
     * ADR 0108: the officer roles' digest mailboxes (JSON). The development defaults are the Fund's role
     * mailboxes at its own domain; a deployment sets its own. `{}` switches the digest off.
     */
    NOTIFICATIONS_STAFF_DIGESTS: StaffDigestMailboxesSchema.prefault(
      JSON.stringify({
        'fund-officer': { email: 'fund-officers@astanahub.kz', language: 'ru' },
        'training-officer': { email: 'training-officers@astanahub.kz', language: 'ru' },
        'housing-manager': { email: 'housing@astanahub.kz', language: 'ru' },
        'cluster-organiser': { email: 'clusters@astanahub.kz', language: 'ru' },
      }),
    ),
    /**
     * ADR 0106 §5: the admin gateway's API (e.g. `http://127.0.0.1:3100/api`); the digest reads its
     * `GET /deadlines` board as the client `hub-notifications` (HUB_SERVICE_*). Without it the digest
     * timer fails loudly naming the settings.
     */
    NOTIFICATIONS_DEADLINES_URL: z.url().optional(),
    /** How many times the digest tries the board before it writes the digests naming every context unavailable (ADR 0108). */
    NOTIFICATIONS_DIGEST_BOARD_TRIES: z.coerce.number().int().min(1).max(20).default(5),
    ...serviceCredentialsEnv,
    /**
     * ADR 0114: the @hub/pii key ring a person's e-mail (learnt from the IdP's `email` claim) is sealed
     * with (F-42). Optional: without it no person's e-mail is stored and person notices stay in the portal.
     */
    HUB_PII_KEYS: piiConfigShape.HUB_PII_KEYS.optional(),
    HUB_PII_ACTIVE_KEY: piiConfigShape.HUB_PII_ACTIVE_KEY.optional(),
    HUB_PII_INDEX_KEY: piiConfigShape.HUB_PII_INDEX_KEY,
  })
  .superRefine((c, ctx) => {
    if (c.HUB_PII_KEYS === undefined) {
      if (c.HUB_PII_ACTIVE_KEY !== undefined)
        ctx.addIssue({ code: 'custom', path: ['HUB_PII_KEYS'], message: 'HUB_PII_ACTIVE_KEY is set without the key ring' });
      return;
    }
    if (c.HUB_PII_ACTIVE_KEY === undefined || !c.HUB_PII_KEYS.has(c.HUB_PII_ACTIVE_KEY))
      ctx.addIssue({ code: 'custom', path: ['HUB_PII_ACTIVE_KEY'], message: 'must name a key of HUB_PII_KEYS' });
    if (c.HUB_PII_INDEX_KEY !== undefined && !c.HUB_PII_KEYS.has(c.HUB_PII_INDEX_KEY))
      ctx.addIssue({ code: 'custom', path: ['HUB_PII_INDEX_KEY'], message: 'must name a key of HUB_PII_KEYS' });
  });
export type NotificationsConfig = z.infer<typeof notificationsConfigSchema>;
