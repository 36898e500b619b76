import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { ApplicationSnapshot } from '../domain/application.aggregate.js';

/**
 * Registration's tables. The application aggregate is stored as one row: the columns the queues
 * and filters need, plus its full snapshot as jsonb (ADR 0010); `version` is an optimistic lock,
 * so two officers acting on one application at once cannot overwrite each other.
 * Civil dates are kept as 'YYYY-MM-DD' text (Asia/Almaty), never as timestamps.
 */
const p = defineEntity.properties;

export const ApplicationRowSchema = defineEntity({
  name: 'RegistrationApplication',
  tableName: 'registration_application',
  properties: {
    id: p.uuid().primary(),
    kind: p.string().length(30),
    bin: p.string().length(12).index('registration_application_bin_idx'),
    companyName: p.string().length(500),
    status: p.string().length(30).index('registration_application_status_idx'),
    language: p.string().length(2),
    filedAt: p.datetime().columnType('timestamptz').nullable(),
    data: p.json<ApplicationSnapshot>().columnType('jsonb'),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
  indexes: [
    {
      // One open application per company and kind, guaranteed by the database even under concurrent requests (ADR 0010).
      name: 'registration_application_one_open_unique',
      expression: `create unique index "registration_application_one_open_unique" on "registration_application" ("bin", "kind") where "status" in ('draft', 'submitted', 'remarks-issued', 'resubmitted', 'with-commission')`,
    },
  ],
});
export type ApplicationRow = InferEntity<typeof ApplicationRowSchema>;

export interface StoredActivityType {
  code: string;
  name: string;
  works: string[];
}

/** A participant (from contract signing, F-18) and, once listed, a public registry entry (F-19). Never holds the business plan (F-35). */
export const ParticipantRowSchema = defineEntity({
  name: 'RegistrationParticipant',
  tableName: 'registration_participant',
  properties: {
    id: p.uuid().primary(),
    bin: p.string().length(12).unique('registration_participant_bin_unique'),
    companyName: p.string().length(500),
    address: p.string().length(1000),
    activityTypes: p.json<StoredActivityType[]>().columnType('jsonb'),
    registrationApplicationId: p.uuid(),
    contractNumber: p.string().length(100),
    contractSignedOn: p.string().length(10),
    termStart: p.string().length(10),
    termEnd: p.string().length(10),
    certificateNumber: p.string().length(20).unique('registration_participant_certificate_unique'),
    certificateIssuedOn: p.string().length(10).nullable(),
    listedOn: p.string().length(10).nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});
export type ParticipantRow = InferEntity<typeof ParticipantRowSchema>;

/** The issued certificate of Annex 2: the PDF as issued, and its signature (F-18). */
export const CertificateRowSchema = defineEntity({
  name: 'RegistrationCertificate',
  tableName: 'registration_certificate',
  properties: {
    number: p.string().length(20).primary(),
    participantId: p.uuid(),
    bin: p.string().length(12),
    issuedOn: p.string().length(10),
    validFrom: p.string().length(10),
    validTo: p.string().length(10),
    pdf: p.blob(),
    sha256: p.string().length(64),
    signature: p.json<Record<string, unknown>>().columnType('jsonb'),
    createdAt: p.datetime().columnType('timestamptz'),
  },
});
export type CertificateRow = InferEntity<typeof CertificateRowSchema>;

/** The Fund's statutory deadlines (F-12 … F-20): the durable timer fires at the due moment; this row is what queues and the deadline board read. */
export const DeadlineRowSchema = defineEntity({
  name: 'RegistrationDeadline',
  tableName: 'registration_deadline',
  properties: {
    id: p.uuid().primary(),
    applicationId: p.uuid().index('registration_deadline_application_idx'),
    bin: p.string().length(12),
    kind: p.string().length(40),
    ruleId: p.string().length(20),
    startedOn: p.string().length(10),
    dueDate: p.string().length(10),
    dueAt: p.datetime().columnType('timestamptz'),
    status: p.string().length(10),
    closedAt: p.datetime().columnType('timestamptz').nullable(),
    missedAt: p.datetime().columnType('timestamptz').nullable(),
    createdAt: p.datetime().columnType('timestamptz'),
  },
  indexes: [{ name: 'registration_deadline_open_due_idx', expression: `create index "registration_deadline_open_due_idx" on "registration_deadline" ("due_at") where "status" = 'open'` }],
});
export type DeadlineRow = InferEntity<typeof DeadlineRowSchema>;

/** F-10: an English application gets a Kazakh or Russian translation, tracked as a task of the Fund. */
export const TranslationTaskRowSchema = defineEntity({
  name: 'RegistrationTranslationTask',
  tableName: 'registration_translation_task',
  properties: {
    id: p.uuid().primary(),
    applicationId: p.uuid().index('registration_translation_task_application_idx'),
    bin: p.string().length(12),
    sourceLanguage: p.string().length(2),
    targetLanguage: p.string().length(2),
    status: p.string().length(10),
    documentRef: p.string().length(200).nullable(),
    createdAt: p.datetime().columnType('timestamptz'),
    completedAt: p.datetime().columnType('timestamptz').nullable(),
    completedBy: p.string().length(200).nullable(),
  },
});
export type TranslationTaskRow = InferEntity<typeof TranslationTaskRowSchema>;
