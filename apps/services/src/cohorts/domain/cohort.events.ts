import type { IsoDate } from '@hub/calendar';
import type { DomainEvent } from '@hub/kernel';
import type { RecipientKind } from '../../applications/domain/service-application.types.js';

/** A programme town as a KATO code (9 digits) with its name (F-59: housing compares it with the dwelling's town). */
export interface Town {
  readonly katoCode: string;
  readonly name: string;
}

interface OfEnrolment extends DomainEvent {
  readonly cohortId: string;
  readonly serviceId: string;
  readonly recipientKind: RecipientKind;
  readonly recipientId: string;
  /** F-42: restricted personal data; it leaves services only in the three cohort events (ADR 0064). */
  readonly personIin: string;
}
export interface CohortOpened extends DomainEvent {
  readonly name: 'CohortOpened';
  readonly serviceId: string;
  readonly capacity: number;
}
export interface EnrolmentMade extends OfEnrolment {
  readonly name: 'EnrolmentMade';
  readonly contractId: string;
  readonly town: Town;
  readonly cohortStartsOn: IsoDate;
  readonly cohortEndsOn: IsoDate;
  readonly enrolledOn: IsoDate;
}
export interface ExpulsionMade extends OfEnrolment {
  readonly name: 'ExpulsionMade';
  readonly ground: 'programme-conditions-breached' | 'contract-terminated' | 'own-request' | 'other';
  readonly expelledOn: IsoDate;
}
export interface CompletionMade extends OfEnrolment {
  readonly name: 'CompletionMade';
  readonly completedOn: IsoDate;
}
export type CohortEvent = CohortOpened | EnrolmentMade | ExpulsionMade | CompletionMade;

const NAMES: ReadonlySet<string> = new Set<CohortEvent['name']>(['CohortOpened', 'EnrolmentMade', 'ExpulsionMade', 'CompletionMade']);
export const isCohortEvent = (e: DomainEvent): e is CohortEvent => NAMES.has(e.name);
