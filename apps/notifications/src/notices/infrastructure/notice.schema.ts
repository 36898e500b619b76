import { defineEntity } from '@mikro-orm/core';
import { type DeliveryStatus, Notice, type NoticeKind, type NoticeLanguage, RecipientSettings } from '../domain/notice.aggregate.js';

const p = defineEntity.properties;

/** notifications_notice: every message, stored before it is sent (issue #16). */
export const NoticeSchema = defineEntity({
  class: Notice,
  className: 'Notice',
  tableName: 'notifications_notice',
  properties: {
    id: p.uuid().primary(),
    bin: p.string().length(12),
    sourceEventId: p.uuid(),
    sourceEventType: p.string().length(200),
    ruleId: p.string().length(20),
    kind: p.string().length(20).$type<NoticeKind>(),
    language: p.string().length(2).$type<NoticeLanguage>(),
    subject: p.string().length(500),
    body: p.text(),
    dueOn: p.date().nullable(),
    emailTo: p.string().length(320).nullable(),
    emailStatus: p.string().length(20).$type<DeliveryStatus>(),
    emailMessageId: p.string().length(500).nullable(),
    deliveredAt: p.datetime().columnType('timestamptz').nullable(),
    readAt: p.datetime().columnType('timestamptz').nullable(),
    createdAt: p.datetime().columnType('timestamptz'),
    version: p.integer().version(),
  },
});

/** notifications_recipient: a company's e-mail address and language for notices. */
export const RecipientSettingsSchema = defineEntity({
  class: RecipientSettings,
  className: 'RecipientSettings',
  tableName: 'notifications_recipient',
  properties: {
    bin: p.string().length(12).primary(),
    email: p.string().length(320).nullable(),
    language: p.string().length(2).$type<NoticeLanguage>(),
    languageSource: p.string().length(20).$type<'application' | 'chosen'>(),
    remindersEnabled: p.boolean(),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});
