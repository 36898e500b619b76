import { defineEntity } from '@mikro-orm/core';
import type { SelectedActivityType } from '../domain/activity-type-catalogue.js';
import {
  Application,
  type CommissionVote,
  type NotificationProof,
  type PlaceOfBusiness,
  type RefusalGround,
  type Remark,
  type StatusChange,
} from '../domain/application.aggregate.js';
import type { BusinessPlanDraft } from '../domain/business-plan.js';
import { Deadline } from '../domain/deadline.aggregate.js';
import type { EligibilityDeclaration, TaxCertificate } from '../domain/eligibility/eligibility-rule.js';
import type { EligibilityEvaluation } from '../domain/eligibility/eligibility-rule-set.js';
import { IssuedCertificate, type StoredSignature } from '../domain/issued-certificate.js';
import { Participant, type ParticipantExtension } from '../domain/participant.aggregate.js';
import type { DescribedActivityType } from '../domain/registration.events.js';
import { TranslationTask } from '../domain/translation-task.aggregate.js';

/**
 * Registration's tables, mapping the domain classes (ADR 0035 §1): civil dates (Asia/Almaty) are
 * `date` columns read as 'YYYY-MM-DD' strings, instants `timestamptz`, collections of value
 * objects `jsonb`; every mutable aggregate has an optimistic-lock `version`, so two people acting
 * on one record at once cannot overwrite each other (the unit of work answers 409).
 */
const p = defineEntity.properties;

export const ApplicationSchema = defineEntity({
  class: Application,
  className: 'RegistrationApplication',
  tableName: 'registration_application',
  properties: {
    id: p.uuid().primary(),
    kind: p.string().length(30),
    bin: p.string().length(12).index('registration_application_bin_idx'),
    companyName: p.string().length(500),
    address: p.string().length(1000),
    language: p.string().length(2),
    status: p.string().length(30).index('registration_application_status_idx'),
    activityTypes: p.json<SelectedActivityType[]>().columnType('jsonb'),
    businessPlan: p.json<BusinessPlanDraft>().columnType('jsonb').nullable(),
    taxCertificate: p.json<TaxCertificate>().columnType('jsonb').nullable(),
    placeOfBusiness: p.json<PlaceOfBusiness>().columnType('jsonb').nullable(),
    eligibility: p.json<EligibilityDeclaration>().columnType('jsonb').nullable(),
    eligibilityEvaluation: p.json<EligibilityEvaluation>().columnType('jsonb').nullable(),
    participantId: p.uuid().nullable(),
    filedAt: p.datetime().columnType('timestamptz').nullable(),
    filedOn: p.date().nullable(),
    lastSubmittedAt: p.datetime().columnType('timestamptz').nullable(),
    remarks: p.json<Remark[]>().columnType('jsonb'),
    sentToCommissionAt: p.datetime().columnType('timestamptz').nullable(),
    votes: p.json<CommissionVote[]>().columnType('jsonb'),
    decision: p.string().length(10).nullable(),
    decisionGrounds: p.json<{ ground: RefusalGround; reason: string }[]>().columnType('jsonb').nullable(),
    protocolNumber: p.string().length(20).nullable(),
    decidedOn: p.date().nullable(),
    decisionRecordedBy: p.string().length(200).nullable(),
    notifiedAt: p.datetime().columnType('timestamptz').nullable(),
    notificationProof: p.json<NotificationProof>().columnType('jsonb').nullable(),
    contractNumber: p.string().length(100).nullable(),
    contractSignedOn: p.date().nullable(),
    termStart: p.date().nullable(),
    termEnd: p.date().nullable(),
    certificateNumber: p.string().length(20).nullable(),
    certificateIssuedOn: p.date().nullable(),
    listedOn: p.date().nullable(),
    createdBy: p.string().length(200),
    history: p.json<StatusChange[]>().columnType('jsonb'),
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

/** A participant (from contract signing, F-18) and, once listed, a public registry entry (F-19). Never holds the business plan (F-35). */
export const ParticipantSchema = defineEntity({
  class: Participant,
  className: 'RegistrationParticipant',
  tableName: 'registration_participant',
  properties: {
    id: p.uuid().primary(),
    // F-25 → F-8: a company may register again once its participation ended — one row per participation, not per BIN.
    bin: p.string().length(12).index('registration_participant_bin_idx'),
    companyName: p.string().length(500),
    address: p.string().length(1000),
    activityTypes: p.json<DescribedActivityType[]>().columnType('jsonb'),
    registrationApplicationId: p.uuid(),
    contractNumber: p.string().length(100),
    contractSignedOn: p.date(),
    termStart: p.date(),
    termEnd: p.date(),
    certificateNumber: p.string().length(20).unique('registration_participant_certificate_unique'),
    certificateIssuedOn: p.date().nullable(),
    listedOn: p.date().nullable(),
    validTo: p.date(),
    extensions: p.json<ParticipantExtension[]>().columnType('jsonb'),
    endedOn: p.date().nullable(),
    endKind: p.string().length(10).nullable(),
    endGround: p.string().length(40).nullable(),
    endGroundNumber: p.integer().nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
  // ADR 0048: the public registry's keyset order and its activity-type filter.
  indexes: [
    {
      name: 'registration_participant_registry_idx',
      expression: `create index "registration_participant_registry_idx" on "registration_participant" ("company_name", "bin", "id") where "listed_on" is not null`,
    },
    {
      name: 'registration_participant_activity_types_idx',
      expression: `create index "registration_participant_activity_types_idx" on "registration_participant" using gin ("activity_types" jsonb_path_ops)`,
    },
  ],
});

/** The issued certificate of Annex 2: the PDF as issued, and its signature (F-18). */
export const IssuedCertificateSchema = defineEntity({
  class: IssuedCertificate,
  className: 'RegistrationCertificate',
  tableName: 'registration_certificate',
  properties: {
    number: p.string().length(20).primary(),
    participantId: p.uuid(),
    bin: p.string().length(12),
    issuedOn: p.date(),
    validFrom: p.date(),
    validTo: p.date(),
    pdf: p.blob(),
    sha256: p.string().length(64),
    signature: p.json<StoredSignature>().columnType('jsonb'),
    createdAt: p.datetime().columnType('timestamptz'),
  },
});

/** The Fund's statutory deadlines (F-12 … F-20): the durable timer fires at the due moment; this row is what queues and the deadline board read. */
export const DeadlineSchema = defineEntity({
  class: Deadline,
  className: 'RegistrationDeadline',
  tableName: 'registration_deadline',
  properties: {
    id: p.uuid().primary(),
    applicationId: p.uuid().index('registration_deadline_application_idx'),
    bin: p.string().length(12),
    kind: p.string().length(40),
    ruleId: p.string().length(20),
    startedOn: p.date(),
    dueDate: p.date(),
    dueAt: p.datetime().columnType('timestamptz'),
    status: p.string().length(10),
    closedAt: p.datetime().columnType('timestamptz').nullable(),
    missedAt: p.datetime().columnType('timestamptz').nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
  },
  indexes: [
    // ADR 0047: keyset pages of the open deadlines, all of them and one company's.
    {
      name: 'registration_deadline_open_due_id_idx',
      expression: `create index "registration_deadline_open_due_id_idx" on "registration_deadline" ("due_at", "id") where "status" = 'open'`,
    },
    {
      name: 'registration_deadline_open_bin_due_idx',
      expression: `create index "registration_deadline_open_bin_due_idx" on "registration_deadline" ("bin", "due_at", "id") where "status" = 'open'`,
    },
  ],
});

/** F-10: an English application gets a Kazakh or Russian translation, tracked as a task of the Fund. */
export const TranslationTaskSchema = defineEntity({
  class: TranslationTask,
  className: 'RegistrationTranslationTask',
  tableName: 'registration_translation_task',
  properties: {
    id: p.uuid().primary(),
    applicationId: p.uuid().index('registration_translation_task_application_idx'),
    bin: p.string().length(12),
    sourceLanguage: p.string().length(2),
    targetLanguage: p.string().length(2),
    status: p.string().length(10),
    documentRef: p.string().length(200).nullable(),
    documentId: p.uuid().nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
    completedAt: p.datetime().columnType('timestamptz').nullable(),
    completedBy: p.string().length(200).nullable(),
  },
});
