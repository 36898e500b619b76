import { z } from 'zod';
import { BinSchema, IsoDateSchema } from '../common.js';
import { defineIntegrationEvent } from '../event-definition.js';
import { TOPICS } from '../topics.js';

/**
 * Notifications' published language (issue #16, ADR 0090). Keyed by the company's BIN. Payloads
 * carry ids and facts only — never the message text or an e-mail address (F-35, F-42).
 */
const topic = TOPICS.notifications.name;

export const NoticeDeliveredV1 = defineIntegrationEvent({
  type: 'notifications.notice-delivered',
  version: 1,
  topic,
  description:
    'Proof of delivery of a notice made from sourceEventId: the SMTP server accepted the e-mail, or — for a company without an e-mail address — the notice is in its portal inbox. A statutory notice (ruleId: F-14, F-17 …) delivered by dueOn meets the rule’s notice deadline; the source context may close it.',
  payload: z.object({
    noticeId: z.uuid(),
    bin: BinSchema,
    sourceEventId: z.uuid(),
    sourceEventType: z.string(),
    ruleId: z.string(),
    channel: z.enum(['email', 'portal']),
    deliveredAt: z.iso.datetime({ offset: true }),
    dueOn: IsoDateSchema.nullable(),
  }),
});

/** Every event of notifications, for a consumer's EventRegistry. */
export const notificationsEvents = [NoticeDeliveredV1] as const;
