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
}
export interface ApplicationChanged extends DomainEvent {
  readonly name: 'ApplicationChanged';
  readonly roundId: string;
  readonly bin: string;
  readonly revision: number;
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

export type SelectionEvent =
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
]);
export const isSelectionEvent = (e: DomainEvent): e is SelectionEvent => NAMES.has(e.name);
