import { defineEntity } from '@mikro-orm/core';
import { Message } from '../domain/message.aggregate.js';
import { RecipientPreference } from '../domain/recipient-preference.aggregate.js';
import { PersonContact } from '../domain/person-contact.aggregate.js';
import { ApplicationContact } from '../domain/application-contact.js';

const p = defineEntity.properties;

/** The messages (ADR 0091): one row per (source event, role, company, channel) — the unique key is the second guard after the inbox. */
export const MessageSchema = defineEntity({
  class: Message,
  className: 'Message',
  tableName: 'notifications_message',
  properties: {
    id: p.uuid().primary(),
    sourceEventId: p.uuid(),
    sourceEventType: p.string().length(200),
    template: p.string().length(200),
    ruleId: p.string().length(20).nullable(),
    statutory: p.boolean(),
    subjectId: p.uuid(),
    /** The company (BIN), or null for a message to a person (ADR 0107). */
    bin: p.string().length(12).nullable(),
    /** A person's portal subject (F-52 to an individual, ADR 0107); never an IIN (F-42). */
    recipientSubject: p.string().length(200).nullable(),
    recipientRole: p.string().length(40),
    channel: p.string().length(10),
    address: p.string().length(320).nullable(),
    addressCipher: p.text().nullable(),
    addressMasked: p.string().length(330).nullable(),
    language: p.string().length(2),
    subject: p.string().length(500),
    body: p.text(),
    contentHash: p.string().length(64),
    dueOn: p.date().nullable(),
    status: p.string().length(20),
    attempts: p.integer(),
    nextAttemptAt: p.datetime().columnType('timestamptz').nullable(),
    lastError: p.text().nullable(),
    transportId: p.string().length(500).nullable(),
    deliveredAt: p.datetime().columnType('timestamptz').nullable(),
    readAt: p.datetime().columnType('timestamptz').nullable(),
    resendCount: p.integer(),
    resentAt: p.datetime().columnType('timestamptz').nullable(),
    resentBy: p.string().length(200).nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});

/** A company's notice preferences (ADR 0090). */
export const RecipientPreferenceSchema = defineEntity({
  class: RecipientPreference,
  className: 'RecipientPreference',
  tableName: 'notifications_recipient_preference',
  properties: {
    bin: p.string().length(12).primary(),
    language: p.string().length(2).nullable(),
    email: p.string().length(320).nullable(),
    emailCipher: p.text().nullable(),
    emailReminders: p.boolean(),
    version: p.integer().version(),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});

/** A person's contact learnt from the IdP's claims and their own choices (ADR 0114); the e-mail only as @hub/pii ciphertext (F-42). */
export const PersonContactSchema = defineEntity({
  class: PersonContact,
  className: 'PersonContact',
  tableName: 'notifications_person_contact',
  properties: {
    subject: p.string().length(200).primary(),
    emailCipher: p.text().nullable(),
    claimedLanguage: p.string().length(2).nullable(),
    chosenLanguage: p.string().length(2).nullable(),
    emailReminders: p.boolean(),
    commissionDigest: p.boolean(),
    companies: p.json<string[]>(),
    roles: p.json<string[]>(),
    learntAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
    version: p.integer().version(),
  },
});

/** Registration's application contact (ADR 0121): the language (F-10) and the filer's portal subject as @hub/pii ciphertext (F-42). */
export const ApplicationContactSchema = defineEntity({
  class: ApplicationContact,
  className: 'ApplicationContact',
  tableName: 'notifications_application_contact',
  properties: {
    applicationId: p.uuid().primary(),
    bin: p.string().length(12),
    language: p.string().length(2),
    filedByCipher: p.text().nullable(),
    updatedAt: p.datetime().columnType('timestamptz'),
    version: p.integer().version(),
  },
});
