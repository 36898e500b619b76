import type { IsoDate } from '@hub/calendar';
import type { DomainEvent } from '@hub/kernel';
import type { CourseSyllabus, TypedAttachment, VersionedDocument } from './intake.types.js';

/** What happened to an intake or a provider application (past tense). The integration-event mapper decides what is published. */
export interface IntakeAnnounced extends DomainEvent {
  readonly name: 'IntakeAnnounced';
  readonly title: string;
  readonly opensOn: IsoDate;
  readonly closesOn: IsoDate;
  readonly selectionCriteria: VersionedDocument;
  readonly intakeOrder: VersionedDocument;
}

export interface ProviderApplicationFiled extends DomainEvent {
  readonly name: 'ProviderApplicationFiled';
  readonly intakeId: string;
  readonly bin: string;
  readonly language: 'kk' | 'ru' | 'en';
  readonly courses: readonly CourseSyllabus[];
  readonly attachments: readonly TypedAttachment[];
  readonly filedOn: IsoDate;
  readonly reviewDueOn: IsoDate;
}

export interface CompletenessReviewBecameOverdue extends DomainEvent {
  readonly name: 'CompletenessReviewBecameOverdue';
  readonly bin: string;
  readonly reviewDueOn: IsoDate;
}

export interface CompletenessReviewed extends DomainEvent {
  readonly name: 'CompletenessReviewed';
  readonly bin: string;
  readonly result: 'complete' | 'refused';
  readonly reviewId: string;
}
export interface RemarksIssued extends DomainEvent {
  readonly name: 'RemarksIssued';
  readonly bin: string;
  readonly intakeId: string;
  readonly items: readonly string[];
  readonly issuedOn: IsoDate;
  readonly fixDueOn: IsoDate;
}
export interface RemarksFixed extends DomainEvent {
  readonly name: 'RemarksFixed';
  readonly bin: string;
  readonly intakeId: string;
  readonly courses: readonly CourseSyllabus[];
  readonly attachments: readonly TypedAttachment[];
  readonly fixedOn: IsoDate;
}
export interface ProviderApplicationLapsed extends DomainEvent {
  readonly name: 'ProviderApplicationLapsed';
  readonly bin: string;
  readonly fixDueOn: IsoDate | null;
}

export interface CommissionDecided extends DomainEvent {
  readonly name: 'CommissionDecided';
  readonly intakeId: string;
  readonly bin: string;
  readonly outcome: 'admitted' | 'rejected';
  readonly quotas: number | null;
  readonly reasons: readonly string[];
  readonly decidedOn: IsoDate;
  readonly noticeDueOn: IsoDate;
  readonly contractDueOn: IsoDate | null;
}
export interface TrainingContractSigned extends DomainEvent {
  readonly name: 'TrainingContractSigned';
  readonly intakeId: string;
  readonly bin: string;
  readonly contractNumber: string;
  readonly signedOn: IsoDate;
  readonly quotas: number;
}
export interface TraineeListChanged extends DomainEvent {
  readonly name: 'TraineeListChanged';
  readonly intakeId: string;
  readonly bin: string;
  readonly traineeCount: number;
  readonly quotas: number;
}

export type TrainingEvent =
  | IntakeAnnounced
  | ProviderApplicationFiled
  | CompletenessReviewBecameOverdue
  | CompletenessReviewed
  | RemarksIssued
  | RemarksFixed
  | ProviderApplicationLapsed
  | CommissionDecided
  | TrainingContractSigned
  | TraineeListChanged;

const NAMES: ReadonlySet<string> = new Set<TrainingEvent['name']>([
  'IntakeAnnounced',
  'ProviderApplicationFiled',
  'CompletenessReviewBecameOverdue',
  'CompletenessReviewed',
  'RemarksIssued',
  'RemarksFixed',
  'ProviderApplicationLapsed',
  'CommissionDecided',
  'TrainingContractSigned',
  'TraineeListChanged',
]);

export const isTrainingEvent = (e: DomainEvent): e is TrainingEvent => NAMES.has(e.name);
