import { z } from 'zod';
import { BinSchema } from '../common.js';
import { defineIntegrationEvent } from '../event-definition.js';
import { TOPICS } from '../topics.js';

/**
 * Notifications's published language (issue #16, ADR 0090–0093). Every event is keyed by the
 * company's BIN, so that one company's events keep their order. Payloads carry ids and business
 * facts only — never the message body, never personal data (F-35, F-42). A change that removes or
 * retypes a field is a new version (`…V2`), published beside the old one until its consumers have
 * moved.
 */
const topic = TOPICS.notifications.name;

/** The channel a notice reached its recipient through. */
export const NoticeChannelSchema = z.enum(['email', 'portal']);

export const NoticeDeliveredV1 = defineIntegrationEvent({
  type: 'notifications.notice-delivered',
  version: 1,
  topic,
  description:
    'A statutory notice reached its recipient (e-mail: the SMTP server accepted it; portal: the recipient read it) — the proof of delivery the owning context records against its deadline (F-14 remarks, F-17 decision: 5 WD). Published once per message.',
  payload: z.object({
    /** Notifications's message id. */
    messageId: z.uuid(),
    /** The event the notice was made from (e.g. registration.decision-made): the owner finds its deadline by it. */
    sourceEventId: z.uuid(),
    sourceEventType: z.string(),
    /** The owner's aggregate the notice is about (registration: the application id). */
    subjectId: z.uuid(),
    bin: BinSchema,
    /** The rule whose notice this is (F-14, F-17 …). */
    ruleId: z.string(),
    channel: NoticeChannelSchema,
    deliveredAt: z.iso.datetime({ offset: true }),
    /** SHA-256 (hex) of the language, subject and body as sent: what was delivered, without repeating it. */
    contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});

/** Every event of notifications, for a consumer's EventRegistry. */
export const notificationsEvents = [NoticeDeliveredV1] as const;
