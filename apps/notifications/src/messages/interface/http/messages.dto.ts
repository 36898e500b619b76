import { z } from 'zod';
import { BinSchema, IsoDateSchema } from '@hub/contracts';
import { LANGUAGES } from '../../domain/language.js';
import type { Message } from '../../domain/message.aggregate.js';
import { maskAddress } from '../../domain/message.aggregate.js';

export const MessageIdParams = z.object({ id: z.uuid() });
export const BinParams = z.object({ bin: BinSchema });

export const PortalMessageSchema = z.object({
  id: z.uuid(),
  bin: BinSchema.nullable().describe('The company the message is to; null for a message to the person signed in (ADR 0107)'),
  template: z.string(),
  ruleId: z.string().nullable().describe('The rule whose notice this is (F-14, F-17 …)'),
  statutory: z.boolean(),
  language: z.enum(LANGUAGES),
  subject: z.string(),
  body: z.string(),
  dueOn: IsoDateSchema.nullable(),
  status: z.enum(['unread', 'read']),
  createdAt: z.iso.datetime({ offset: true }),
  readAt: z.iso.datetime({ offset: true }).nullable(),
});

export const InboxSchema = z.object({
  unread: z.number().int().min(0).describe("How many of the caller's companies' messages are unread (the bell)"),
  messages: z.array(PortalMessageSchema).describe('Newest first, at most 100'),
});

export const PreferencesBody = z.object({
  language: z.enum(LANGUAGES).nullable().describe('The language of the notices; null: Kazakh, then Russian (ADR 0090)'),
  email: z.email().max(320).nullable().describe('Where e-mail notices go; null: portal only'),
  emailReminders: z
    .boolean()
    .default(true)
    .describe('Reminders (fees due, overdue fees and reports) also by e-mail; statutory notices always go by e-mail when there is an address (ADR 0093)'),
});
export const PreferencesSchema = PreferencesBody.extend({ bin: BinSchema });

export const portalMessageView = (m: Message): z.infer<typeof PortalMessageSchema> => ({
  id: m.id,
  bin: m.bin,
  template: m.template,
  ruleId: m.ruleId,
  statutory: m.statutory,
  language: m.language,
  subject: m.subject,
  body: m.body,
  dueOn: m.dueOn,
  status: m.status === 'read' ? 'read' : 'unread',
  createdAt: m.createdAt.toISOString(),
  readAt: m.readAt?.toISOString() ?? null,
});

export const MessageLogQuery = z.object({
  bin: BinSchema.optional().describe("The company's messages"),
  subjectId: z.uuid().optional().describe("The messages about one of the owner's aggregates (registration: the application)"),
});

/** A log entry for staff: no body and only a masked address (F-42) — what, to whom, when, how, with which outcome. */
export const MessageLogEntrySchema = z.object({
  id: z.uuid(),
  bin: BinSchema.nullable().describe('null: a message to a person (ADR 0107), shown as the role "person"'),
  sourceEventType: z.string(),
  subjectId: z.uuid(),
  template: z.string(),
  ruleId: z.string().nullable(),
  statutory: z.boolean(),
  channel: z.enum(['email', 'portal']),
  recipient: z.string().describe('The recipient role, and for an e-mail the masked address'),
  language: z.enum(LANGUAGES),
  subject: z.string(),
  status: z.enum(['pending', 'sent', 'dead', 'unread', 'read']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  dueOn: IsoDateSchema.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  deliveredAt: z.iso.datetime({ offset: true }).nullable(),
  contentHash: z.string(),
});

/** `director@alatau.kz` → `d***@alatau.kz`. */
export { maskAddress };

export const messageLogView = (m: Message): z.infer<typeof MessageLogEntrySchema> => ({
  id: m.id,
  bin: m.bin,
  sourceEventType: m.sourceEventType,
  subjectId: m.subjectId,
  template: m.template,
  ruleId: m.ruleId,
  statutory: m.statutory,
  channel: m.channel,
  recipient:
    m.channel === 'email' && (m.addressMasked ?? m.address)
      ? `${m.recipientRole} <${m.addressMasked ?? maskAddress(m.address!)}>`
      : m.bin === null
        ? `${m.recipientRole} (person)`
        : m.recipientRole,
  language: m.language,
  subject: m.subject,
  status: m.status,
  attempts: m.attempts,
  lastError: m.lastError,
  dueOn: m.dueOn,
  createdAt: m.createdAt.toISOString(),
  deliveredAt: m.deliveredAt?.toISOString() ?? null,
  contentHash: m.contentHash,
});

export const DeadLetterQuery = z.object({
  bin: BinSchema.optional().describe("One company's dead letters; all when absent"),
});

/** A dead letter for staff (ADR 0104): the log entry, when it was given up and whether it was resent; no body, the address masked (F-42). */
export const DeadLetterSchema = MessageLogEntrySchema.extend({
  deadSince: z.iso.datetime({ offset: true }).describe('When the last attempt failed (or the message was resent)'),
  resendCount: z.number().int(),
  resentAt: z.iso.datetime({ offset: true }).nullable(),
  resentBy: z.string().nullable(),
});

export const deadLetterView = (m: Message): z.infer<typeof DeadLetterSchema> => ({
  ...messageLogView(m),
  deadSince: m.updatedAt.toISOString(),
  resendCount: m.resendCount,
  resentAt: m.resentAt?.toISOString() ?? null,
  resentBy: m.resentBy,
});

/**
 * ADR 0114 §3: a person's notice settings. `kinds.statutory.email` must stay true (422 naming it otherwise).
 * ADR 0138 §3: `commissionDigest` — a Commission member's "awaiting your vote" digest by e-mail (a reminder, on by
 * default, ADR 0093); optional (absent: unchanged); only a Commission member may send it (422 naming it otherwise).
 */
const LanguageOrNone = z.enum(['kk', 'ru', 'en']).nullable();
export const PersonSettingsBody = z.strictObject({
  language: LanguageOrNone,
  kinds: z.strictObject({
    statutory: z.strictObject({ email: z.boolean() }),
    reminders: z.strictObject({ email: z.boolean() }),
  }),
  commissionDigest: z.boolean().optional(),
});
export const PersonSettingsSchema = z.object({
  language: LanguageOrNone,
  effectiveLanguage: LanguageOrNone,
  emailKnown: z.boolean(),
  kinds: z.object({ statutory: z.object({ email: z.literal(true) }), reminders: z.object({ email: z.boolean() }) }),
  commissionDigest: z.boolean().nullable().describe('ADR 0138: the "awaiting your vote" digest by e-mail; null when the caller sits on no Commission'),
});
