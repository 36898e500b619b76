import { defineEntity } from '@mikro-orm/core';
import { Intake } from '../domain/intake.aggregate.js';
import {
  type DecisionNoticeProof,
  ProviderApplication,
  type ProviderApplicationStatus,
  type Remarks,
  type TrainingContract,
} from '../domain/provider-application.aggregate.js';
import { CompletenessReview, type CompletenessResult } from '../domain/completeness-review.js';
import { Notice, type NoticeKind } from '../domain/notice.js';
import type { StoredGroundOutcome } from '../domain/rules/refusal-grounds/ground-outcome.js';
import type { CourseSyllabus, TypedAttachment, VersionedDocument } from '../domain/intake.types.js';

const p = defineEntity.properties;

/** The intake's table (ADR 0035 §1): civil dates are `date` columns, the Fund's documents jsonb (versioned data, F-77). */
export const IntakeSchema = defineEntity({
  class: Intake,
  className: 'Intake',
  tableName: 'training_intake',
  properties: {
    id: p.uuid().primary(),
    title: p.string().length(500),
    opensOn: p.date(),
    closesOn: p.date(),
    selectionCriteria: p.json<VersionedDocument>(),
    intakeOrder: p.json<VersionedDocument>(),
    announcedBy: p.string().length(200),
    announcedAt: p.datetime().columnType('timestamptz'),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});

/** The provider application's table; the syllabi and attachments are jsonb (one aggregate, written whole). */
export const ProviderApplicationSchema = defineEntity({
  class: ProviderApplication,
  className: 'ProviderApplication',
  tableName: 'training_provider_application',
  properties: {
    id: p.uuid().primary(),
    intakeId: p.uuid(),
    bin: p.string().length(12),
    language: p.string().length(2).$type<'kk' | 'ru' | 'en'>(),
    courses: p.json<CourseSyllabus[]>(),
    attachments: p.json<TypedAttachment[]>(),
    declarationOfAccuracy: p.boolean(),
    status: p.string().length(20).$type<ProviderApplicationStatus>(),
    filedBy: p.string().length(200),
    filedAt: p.datetime().columnType('timestamptz'),
    filedOn: p.date(),
    reviewDueOn: p.date(),
    remarks: p.json<Remarks>().nullable(),
    refusalReasons: p.json<string[]>(),
    presentationAt: p.datetime().columnType('timestamptz').nullable(),
    presentationMinutes: p.integer().nullable(),
    decidedOn: p.date().nullable(),
    quotas: p.integer().nullable(),
    noticeDueOn: p.date().nullable(),
    noticeSentOn: p.date().nullable(),
    noticeProof: p.json<DecisionNoticeProof>().nullable(),
    contractDueOn: p.date().nullable(),
    contract: p.json<TrainingContract>().nullable(),
    missedDeadlines: p.json<string[]>(),
    traineeCount: p.integer(),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});

/** F-68: one completeness review; every ground's outcome with its source and date (jsonb, written once). */
export const CompletenessReviewSchema = defineEntity({
  class: CompletenessReview,
  className: 'CompletenessReview',
  tableName: 'training_completeness_review',
  properties: {
    id: p.uuid().primary(),
    applicationId: p.uuid(),
    result: p.string().length(20).$type<CompletenessResult>(),
    outcomes: p.json<StoredGroundOutcome[]>(),
    reviewedBy: p.string().length(200),
    reviewedOn: p.date(),
    reviewedAt: p.datetime().columnType('timestamptz'),
  },
});

/** F-71, F-74: notices to applicants (lapse, decision). */
export const NoticeSchema = defineEntity({
  class: Notice,
  className: 'Notice',
  tableName: 'training_notice',
  properties: {
    id: p.uuid().primary(),
    applicationId: p.uuid(),
    bin: p.string().length(12),
    kind: p.string().length(20).$type<NoticeKind>(),
    ruleId: p.string().length(20),
    text: p.text(),
    sentOn: p.date(),
    sentAt: p.datetime().columnType('timestamptz'),
    sentBy: p.string().length(200),
  },
});
