import type { IsoDate } from '@hub/calendar';
import { AggregateRoot, RuleViolationError, ValidationError } from '@hub/kernel';
import type { ProgrammeDirection } from '../../catalogue/domain/service.aggregate.js';
import type { CohortEvent } from './cohort.events.js';
import type { Town } from './cohort.types.js';

/** F-44: the programmes that run in cohorts — acceleration and technology business incubation. */
export const COHORT_DIRECTIONS: readonly ProgrammeDirection[] = ['acceleration', 'business-incubation'];

/** A cohort of an acceleration (or business-incubation) service (F-44): where it runs, when, and how many people it takes. */
export class Cohort extends AggregateRoot<CohortEvent> {
  readonly id!: string;
  readonly serviceId!: string;
  readonly title!: string;
  readonly town!: Town;
  readonly startsOn!: IsoDate;
  readonly endsOn!: IsoDate;
  readonly capacity!: number;
  readonly version!: number;
  readonly createdAt!: Date;

  static open(input: {
    id: string;
    serviceId: string;
    serviceDirection: ProgrammeDirection;
    /** F-55: the earliest intake opening of the service's published calls (null: none published). */
    firstIntakeOpensOn: IsoDate | null;
    title: string;
    town: Town;
    startsOn: IsoDate;
    endsOn: IsoDate;
    capacity: number;
    at: Date;
  }): Cohort {
    if (!COHORT_DIRECTIONS.includes(input.serviceDirection))
      throw new RuleViolationError('F-44', `cohorts belong to acceleration or business-incubation services; this one is ${input.serviceDirection}`, {
        field: 'serviceId',
      });
    // F-44 with F-55: a cohort's people are recipients contracted under a published call, and nobody is
    // contracted before a call's intake opens (its conditions published a month before) — so a cohort
    // starts on or after the first intake of its service's calls, and needs one.
    if (input.firstIntakeOpensOn === null)
      throw new RuleViolationError('F-55', 'no call of this service is published: nobody can be contracted for a cohort yet', { field: 'serviceId' });
    if (input.startsOn < input.firstIntakeOpensOn)
      throw new RuleViolationError('F-55', `the first intake of this service's calls opens on ${input.firstIntakeOpensOn}; a cohort starts on or after it`, {
        field: 'startsOn',
      });
    if (input.endsOn < input.startsOn) throw ValidationError.field('endsOn', 'a cohort ends on or after the day it starts');
    if (!Number.isInteger(input.capacity) || input.capacity < 1) throw ValidationError.field('capacity', 'at least one seat');
    const title = input.title.trim();
    if (title.length < 3) throw ValidationError.field('title', 'name the cohort');
    const { serviceDirection: _d, firstIntakeOpensOn: _f, at, ...fields } = input;
    const c = new Cohort();
    Object.assign(c, { ...fields, title, createdAt: at });
    c.record({ name: 'CohortOpened', aggregateId: input.id, occurredAt: at, serviceId: input.serviceId });
    return c;
  }
}
