import type { IsoDate } from '@hub/calendar';
import type { DomainEvent } from '@hub/kernel';
import type { ExpulsionGround, Town } from './cohort.types.js';

interface OfPerson extends DomainEvent {
  readonly cohortId: string;
  readonly serviceId: string;
  readonly recipientKind: 'legal-entity' | 'individual';
  readonly recipientId: string;
  /** F-42, ADR 0123: the person's blind index (the pseudonymous reference the cohort events carry) — never the IIN. */
  readonly personIinIndex: string;
}
export interface CohortOpened extends DomainEvent {
  readonly name: 'CohortOpened';
  readonly serviceId: string;
}
export interface PersonEnrolled extends OfPerson {
  readonly name: 'PersonEnrolled';
  readonly contractId: string;
  readonly town: Town;
  readonly cohortStartsOn: IsoDate;
  readonly cohortEndsOn: IsoDate;
  readonly enrolledOn: IsoDate;
}
export interface PersonExpelled extends OfPerson {
  readonly name: 'PersonExpelled';
  readonly ground: ExpulsionGround;
  readonly expelledOn: IsoDate;
}
export interface PersonCompleted extends OfPerson {
  readonly name: 'PersonCompleted';
  readonly completedOn: IsoDate;
}
export type CohortEvent = CohortOpened | PersonEnrolled | PersonExpelled | PersonCompleted;

const NAMES: ReadonlySet<string> = new Set(['CohortOpened', 'PersonEnrolled', 'PersonExpelled', 'PersonCompleted']);
export const isCohortEvent = (e: DomainEvent): e is CohortEvent => NAMES.has(e.name);
