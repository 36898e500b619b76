import { z } from 'zod';
import { BinSchema, IsoDateSchema } from '@hub/contracts';
import { LANGUAGES } from '../../domain/language.js';
import type { Message } from '../../domain/message.aggregate.js';

export const MessageIdParams = z.object({ id: z.uuid() });
export const BinParams = z.object({ bin: BinSchema });

export const PortalMessageSchema = z.object({
  id: z.uuid(),
  bin: BinSchema,
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
