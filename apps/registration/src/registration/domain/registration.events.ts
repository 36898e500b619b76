import type { DomainEvent } from '@hub/kernel';
import type { ApplicationKind } from './application-status.js';
import type { DeadlineKind } from './deadline-kind.js';

/**
 * The domain events registration's aggregates record (past tense, ADR 0035 §2). Which of them are
 * published, in which version and with which key, is decided in one place:
 * `application/registration.integration-events.ts`. Those it ignores stay internal.
 */
export type RefusalGroundCode = 'business-plan-not-per-annex-1' | 'activity-not-in-priority-list';

/** An activity type as the published language carries it: code, name and works by name. */
export interface DescribedActivityType {
  readonly code: string;
  readonly name: string;
  readonly works: string[];
}

interface Base<N extends string> extends DomainEvent {
  readonly name: N;
}

// ---- Application ------------------------------------------------------------------------------
export interface ApplicationSubmitted extends Base<'ApplicationSubmitted' | 'ApplicationResubmitted'> {
  readonly bin: string;
  readonly companyName: string;
  readonly kind: ApplicationKind;
  readonly language: 'kk' | 'ru' | 'en';
  /** When the review (F-12) or, for an activity change, the decision (F-20) is due. */
  readonly reviewDueDate: string;
  /** F-12/F-14/F-16: rule IDs of the automated checks that failed (the filing is recorded anyway). */
  readonly failedChecks: readonly string[];
  /** Issue #10: the documents the application refers to (documents attaches them). */
  readonly documentIds: readonly string[];
  /** Issue #16, ADR 0121: the portal subject of the person who filed (the application's contact). */
  readonly filedBy: string;
}
export interface RemarksIssued extends Base<'RemarksIssued'> {
  readonly bin: string;
  readonly remarks: readonly { readonly field: string; readonly message: string }[];
}
export interface SentToCommission extends Base<'SentToCommission'> {
  readonly bin: string;
  readonly decisionDueDate: string;
}
export interface DecisionRecorded extends Base<'DecisionRecorded'> {
  readonly bin: string;
  readonly kind: ApplicationKind;
  readonly decision: 'register' | 'refuse';
  readonly grounds: readonly RefusalGroundCode[];
  readonly protocolNumber: string;
  readonly decidedOn: string;
  readonly notificationDueDate: string;
}
/** Issue #16, ADR 0138 §2 (F-15): a member of the Commission voted — who, never how; a later vote replaces it, recorded each time. */
export interface CommissionVoteCast extends Base<'CommissionVoteCast'> {
  readonly bin: string;
  /** The member's portal subject. */
  readonly member: string;
}
/** Internal: the participant's own events carry what is published. */
export interface ApplicationStepDone extends Base<'ApplicantNotified' | 'ContractSigned' | 'ApplicationCertificateIssued' | 'ApplicationListed'> {
  readonly bin: string;
}
export type ApplicationEvent = ApplicationSubmitted | RemarksIssued | SentToCommission | CommissionVoteCast | DecisionRecorded | ApplicationStepDone;

// ---- Participant ------------------------------------------------------------------------------
export interface ParticipantRegistered extends Base<'ParticipantRegistered'> {
  readonly participantId: string;
  readonly applicationId: string;
  readonly bin: string;
  readonly companyName: string;
  readonly address: string;
  readonly activityTypes: readonly DescribedActivityType[];
  readonly contractNumber: string;
  readonly contractSignedOn: string;
  readonly termStart: string;
  readonly termEnd: string;
  readonly certificateNumber: string;
  readonly certificateDueDate: string;
}
export interface ParticipantCertificateIssued extends Base<'ParticipantCertificateIssued'> {
  readonly bin: string;
  readonly certificateNumber: string;
  readonly issuedOn: string;
  readonly validFrom: string;
  readonly validTo: string;
}
export interface ParticipantListed extends Base<'ParticipantListed'> {
  readonly bin: string;
  readonly listedOn: string;
}
export interface ActivityTypesChanged extends Base<'ActivityTypesChanged'> {
  readonly bin: string;
  readonly applicationId: string;
  readonly activityTypes: readonly DescribedActivityType[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly effectiveFrom: string;
}
export interface ParticipantAddressChanged extends Base<'ParticipantAddressChanged'> {
  readonly bin: string;
  readonly address: string;
  readonly reportedOn: string;
}
/** Internal: registration's record of participation's facts (the registry follows them; not re-published). */
export interface ParticipantExtended extends Base<'ParticipantExtended'> {
  readonly bin: string;
  readonly extensionId: string;
  readonly certificateNumber: string;
  readonly issuedOn: string;
  readonly validFrom: string;
  readonly validTo: string;
}
export interface ParticipantEnded extends Base<'ParticipantEnded'> {
  readonly bin: string;
  readonly kind: 'planned' | 'early';
  readonly ground: string;
  readonly groundNumber: number | null;
  readonly endedOn: string;
}
export type ParticipantEvent =
  | ParticipantRegistered
  | ParticipantCertificateIssued
  | ParticipantListed
  | ActivityTypesChanged
  | ParticipantAddressChanged
  | ParticipantExtended
  | ParticipantEnded;

// ---- Deadline ---------------------------------------------------------------------------------
export interface DeadlineMissed extends Base<'DeadlineMissed'> {
  readonly applicationId: string;
  readonly bin: string;
  readonly kind: DeadlineKind;
  readonly ruleId: string;
  readonly dueDate: string;
}
export type DeadlineEvent = DeadlineMissed;

// ---- Translation task ---------------------------------------------------------------------------
/** F-10: the Fund's Kazakh or Russian translation of an English application was recorded, as a document. */
export interface TranslationRecorded extends Base<'TranslationRecorded'> {
  readonly applicationId: string;
  readonly bin: string;
  readonly targetLanguage: 'kk' | 'ru';
  readonly documentId: string;
}
export type TranslationTaskEvent = TranslationRecorded;

export type RegistrationDomainEvent = ApplicationEvent | ParticipantEvent | DeadlineEvent | TranslationTaskEvent;
