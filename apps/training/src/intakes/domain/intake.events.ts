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

export type TrainingEvent = IntakeAnnounced | ProviderApplicationFiled | CompletenessReviewBecameOverdue;

const NAMES: ReadonlySet<string> = new Set<TrainingEvent['name']>(['IntakeAnnounced', 'ProviderApplicationFiled', 'CompletenessReviewBecameOverdue']);

export const isTrainingEvent = (e: DomainEvent): e is TrainingEvent => NAMES.has(e.name);
