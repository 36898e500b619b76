import { z } from 'zod';
import { BinSchema, LanguageSchema } from '@hub/contracts';

export const IdParams = z.object({ id: z.uuid() });
export const BinParams = z.object({ bin: BinSchema });
export const InboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const SettingsBody = z.object({
  email: z.email().max(320).nullable().describe('where notices are e-mailed; null: the portal inbox only'),
  language: LanguageSchema.describe('the language of notices (default: the application’s, F-10)'),
  remindersEnabled: z.boolean().describe('reminders can be switched off; statutory notices cannot'),
});
export const NoticeViewSchema = z.object({
  id: z.uuid(),
  bin: z.string(),
  ruleId: z.string(),
  kind: z.enum(['statutory', 'reminder']),
  language: LanguageSchema,
  subject: z.string(),
  body: z.string(),
  dueOn: z.string().nullable(),
  email: z.object({ status: z.enum(['pending', 'delivered', 'not-sent']) }),
  deliveredAt: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export const InboxSchema = z.object({ items: z.array(NoticeViewSchema), total: z.int(), unread: z.int() });
export const SettingsViewSchema = z.object({ bin: z.string(), email: z.string().nullable(), language: LanguageSchema, remindersEnabled: z.boolean() });
