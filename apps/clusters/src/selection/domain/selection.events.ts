import type { IsoDate } from '@hub/calendar';
import type { DomainEvent } from '@hub/kernel';

/** What happened in a selection (past tense). The integration-event mapper decides what is published. */
export interface RoundAnnounced extends DomainEvent {
  readonly name: 'RoundAnnounced';
  readonly ruleSetId: string;
  readonly title: string;
  readonly announcedOn: IsoDate;
  readonly applicationDeadline: Date;
}
export interface ApplicationFiled extends DomainEvent {
  readonly name: 'ApplicationFiled';
  readonly roundId: string;
  readonly bin: string;
  readonly filedOn: IsoDate;
  readonly complianceDueOn: IsoDate;
  /** Issue #10: the members' consents given by id (documents attaches them). */
  readonly documentIds: readonly string[];
}
export interface ApplicationChanged extends DomainEvent {
  readonly name: 'ApplicationChanged';
  readonly roundId: string;
  readonly bin: string;
  readonly revision: number;
  /** C-7 with ADR 0049: the consents named by the revision, by document id (published; documents attaches them). */
  readonly documentIds: readonly string[];
}
export interface ApplicationWithdrawn extends DomainEvent {
  readonly name: 'ApplicationWithdrawn';
  readonly roundId: string;
  readonly bin: string;
}
export interface ApplicationReturned extends DomainEvent {
  readonly name: 'ApplicationReturned';
  readonly roundId: string;
  readonly bin: string;
  readonly deficiencies: readonly { readonly field: string; readonly reason: string }[];
}
export interface ApplicationFoundCompliant extends DomainEvent {
  readonly name: 'ApplicationFoundCompliant';
  readonly roundId: string;
  readonly bin: string;
}
export interface ComplianceCheckOverdue extends DomainEvent {
  readonly name: 'ComplianceCheckOverdue';
  readonly roundId: string;
  readonly bin: string;
  readonly complianceDueOn: IsoDate;
}

export interface Winner {
  readonly applicationId: string;
  readonly bin: string;
  readonly clusterName: string;
}
export interface WinnersDecided extends DomainEvent {
  readonly name: 'WinnersDecided';
  readonly protocolNumber: string;
  readonly decidedOn: IsoDate;
  readonly winners: readonly Winner[];
  readonly publicationDueOn: IsoDate;
}
export interface ResultsPublished extends DomainEvent {
  readonly name: 'ResultsPublished';
  readonly ruleSetId: string;
  readonly protocolNumber: string;
  readonly winners: readonly Winner[];
}
export interface PublicationOverdue extends DomainEvent {
  readonly name: 'PublicationOverdue';
  readonly publicationDueOn: IsoDate;
}

/** C-13: the organiser sent a compliant application to the national institute. */
export interface ApplicationSentToInstitute extends DomainEvent {
  readonly name: 'ApplicationSentToInstitute';
  readonly roundId: string;
  readonly bin: string;
  readonly documentRef: string;
  /** ADR 0113: the organiser's covering letter in documents, when named by id. */
  readonly documentId: string | null;
  readonly opinionsDueOn: IsoDate;
}
/** C-14, C-15: the institute's recommendatory opinion on one application. */
export interface OpinionGiven extends DomainEvent {
  readonly name: 'OpinionGiven';
  readonly roundId: string;
  readonly bin: string;
  readonly recommendation: 'recommended' | 'not-recommended';
  readonly findings: readonly { readonly code: string; readonly finding: 'meets' | 'partially-meets' | 'does-not-meet' }[];
}
/** C-14, C-16: the institute compared the round's applications; its analysis is complete. */
export interface ComparativeAssessmentGiven extends DomainEvent {
  readonly name: 'ComparativeAssessmentGiven';
  readonly ranking: readonly { readonly applicationId: string; readonly rank: number }[];
  readonly opinionsDueOn: IsoDate;
}
/** C-17 (recipient organiser) and C-18 (recipient commission): a recorded hand-over of the opinions. */
export interface OpinionsForwarded extends DomainEvent {
  readonly name: 'OpinionsForwarded';
  readonly ruleId: 'C-17' | 'C-18';
  readonly recipient: 'organiser' | 'commission';
  readonly documentRef: string;
  /** ADR 0113: the covering letter in documents, when named by id. */
  readonly documentId: string | null;
  readonly applicationIds: readonly string[];
  readonly dueOn: IsoDate;
  /** C-18's due date once the organiser has them (C-17 only). */
  readonly nextDueOn: IsoDate | null;
}
/** A step of the expert stage (C-13, C-16, C-17, C-18) was not done by the end of its last day. */
export interface ExpertStageOverdue extends DomainEvent {
  readonly name: 'ExpertStageOverdue';
  readonly ruleId: 'C-13' | 'C-16' | 'C-17' | 'C-18';
  readonly step: 'institute-transfer' | 'expert-opinions' | 'opinions-to-organiser' | 'opinions-to-commission';
  readonly roundId: string;
  readonly applicationId: string | null;
  readonly dueOn: IsoDate;
}

/**
 * ADR 0113, 0122: a step recorded an office's document by id (C-2, C-13, C-17, C-18, C-19/C-20); published
 * so that documents attaches it to `usedFor` and refuses its reuse itself, not only clusters' copy.
 */
export interface OfficeDocumentUsed extends DomainEvent {
  readonly name: 'OfficeDocumentUsed';
  readonly documentId: string;
  readonly office: string;
  readonly kind: string;
  readonly ruleId: string;
  readonly usedFor: string;
}

export type SelectionEvent =
  | OfficeDocumentUsed
  | ApplicationSentToInstitute
  | OpinionGiven
  | ComparativeAssessmentGiven
  | OpinionsForwarded
  | ExpertStageOverdue
  | WinnersDecided
  | ResultsPublished
  | PublicationOverdue
  | RoundAnnounced
  | ApplicationFiled
  | ApplicationChanged
  | ApplicationWithdrawn
  | ApplicationReturned
  | ApplicationFoundCompliant
  | ComplianceCheckOverdue;

const NAMES: ReadonlySet<string> = new Set<SelectionEvent['name']>([
  'RoundAnnounced',
  'ApplicationFiled',
  'ApplicationChanged',
  'ApplicationWithdrawn',
  'ApplicationReturned',
  'ApplicationFoundCompliant',
  'ComplianceCheckOverdue',
  'WinnersDecided',
  'ResultsPublished',
  'PublicationOverdue',
  'ApplicationSentToInstitute',
  'OpinionGiven',
  'ComparativeAssessmentGiven',
  'OpinionsForwarded',
  'ExpertStageOverdue',
  'OfficeDocumentUsed',
]);
export const isSelectionEvent = (e: DomainEvent): e is SelectionEvent => NAMES.has(e.name);
