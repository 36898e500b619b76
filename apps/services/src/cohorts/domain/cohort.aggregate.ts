import { type IsoDate, compareIsoDates } from '@hub/calendar';
import { AggregateRoot, IllegalStateError, RuleViolationError, ValidationError } from '@hub/kernel';
import type { RecipientKind } from '../../applications/domain/service-application.types.js';
import type { Mutable } from '../../shared/domain/mutable.js';
import type { CohortEvent, Town } from './cohort.events.js';
import { assertPlaceLeft } from './rules/cohort-capacity.rule.js';
import { assertEnrolmentUnderContract } from './rules/enrolment-under-contract.rule.js';

export type EnrolmentStatus = 'enrolled' | 'expelled' | 'completed';
export type ExpulsionGround = 'programme-conditions-breached' | 'contract-terminated' | 'own-request' | 'other';

/**
 * An acceleration cohort (F-44): one intake of an acceleration programme in a town, with its dates
 * and a number of places. People are enrolled under signed service contracts (F-55); housing builds
 * its eligibility on the enrolment events (F-59 … F-62).
 */
export class Cohort extends AggregateRoot<CohortEvent> {
  readonly id!: string;
  readonly serviceId!: string;
  readonly title!: string;
  readonly town!: Town;
  readonly startsOn!: IsoDate;
  readonly endsOn!: IsoDate;
  readonly capacity!: number;
  readonly enrolledCount!: number;
  readonly version!: number;
  readonly createdAt!: Date;

  private get m(): Mutable<Cohort> {
    return this;
  }

  static open(input: {
    id: string;
    serviceId: string;
    serviceDirection: string;
    title: string;
    town: Town;
    startsOn: IsoDate;
    endsOn: IsoDate;
    capacity: number;
    at: Date;
  }): Cohort {
    if (input.serviceDirection !== 'acceleration') {
      throw new RuleViolationError('F-44', 'cohorts are formed for acceleration programmes', { direction: input.serviceDirection });
    }
    if (compareIsoDates(input.endsOn, input.startsOn) < 0) throw ValidationError.field('endsOn', 'a cohort cannot end before it starts');
    if (!Number.isInteger(input.capacity) || input.capacity < 1) throw ValidationError.field('capacity', 'a whole number of places, at least 1');
    const { serviceDirection: _d, at, ...fields } = input;
    const c = new Cohort();
    Object.assign(c, { ...fields, enrolledCount: 0, createdAt: at });
    c.record({ name: 'CohortOpened', aggregateId: input.id, occurredAt: at, serviceId: input.serviceId, capacity: input.capacity });
    return c;
  }

  /** F-44, F-55: enrol the person of a contracted application; takes a place. */
  enrol(input: {
    enrolmentId: string;
    application: {
      readonly id: string;
      readonly status: string;
      readonly serviceId: string;
      readonly recipientKind: RecipientKind;
      readonly recipientId: string;
      readonly contractId: string | null;
      readonly contractSignedOn: IsoDate | null;
    };
    personIin: string;
    enrolledOn: IsoDate;
    at: Date;
  }): Enrolment {
    const contractId = assertEnrolmentUnderContract(input.application, this, input.enrolledOn);
    assertPlaceLeft(this.enrolledCount, this.capacity);
    this.m.enrolledCount = this.enrolledCount + 1;
    return Enrolment.make({
      id: input.enrolmentId,
      cohort: this,
      applicationId: input.application.id,
      contractId,
      recipientKind: input.application.recipientKind,
      recipientId: input.application.recipientId,
      personIin: input.personIin,
      enrolledOn: input.enrolledOn,
      at: input.at,
    });
  }

  /** A person left early: the place is free again (ADR 0064). */
  releasePlace(): void {
    this.m.enrolledCount = Math.max(0, this.enrolledCount - 1);
  }
}

/** One person's place in a cohort, from enrolment to completion or expulsion. */
export class Enrolment extends AggregateRoot<CohortEvent> {
  readonly id!: string;
  readonly cohortId!: string;
  readonly serviceId!: string;
  readonly applicationId!: string;
  readonly contractId!: string;
  readonly recipientKind!: RecipientKind;
  readonly recipientId!: string;
  /** F-42: restricted personal data (the person's IIN); views mask it. */
  readonly personIin!: string;
  readonly status!: EnrolmentStatus;
  readonly enrolledOn!: IsoDate;
  readonly leftOn!: IsoDate | null;
  readonly expulsionGround!: ExpulsionGround | null;
  readonly expulsionReasons!: string | null;
  readonly version!: number;
  readonly updatedAt!: Date;

  private get m(): Mutable<Enrolment> {
    return this;
  }

  static make(input: {
    id: string;
    cohort: Cohort;
    applicationId: string;
    contractId: string;
    recipientKind: RecipientKind;
    recipientId: string;
    personIin: string;
    enrolledOn: IsoDate;
    at: Date;
  }): Enrolment {
    const e = new Enrolment();
    Object.assign(e, {
      id: input.id,
      cohortId: input.cohort.id,
      serviceId: input.cohort.serviceId,
      applicationId: input.applicationId,
      contractId: input.contractId,
      recipientKind: input.recipientKind,
      recipientId: input.recipientId,
      personIin: input.personIin,
      status: 'enrolled',
      enrolledOn: input.enrolledOn,
      leftOn: null,
      expulsionGround: null,
      expulsionReasons: null,
      updatedAt: input.at,
    });
    e.record({
      name: 'EnrolmentMade',
      aggregateId: input.id,
      occurredAt: input.at,
      ...e.person(),
      contractId: input.contractId,
      town: input.cohort.town,
      cohortStartsOn: input.cohort.startsOn,
      cohortEndsOn: input.cohort.endsOn,
      enrolledOn: input.enrolledOn,
    });
    return e;
  }

  /** The person is expelled or leaves before the cohort's end (housing starts its 2-WD vacate deadline, F-61). */
  expel(ground: ExpulsionGround, reasons: string, on: IsoDate, at: Date): void {
    if (this.status !== 'enrolled') throw new IllegalStateError('enrolment', this.status, 'expel', 'only an enrolled person can be expelled');
    if (compareIsoDates(on, this.enrolledOn) < 0) throw ValidationError.field('expelledOn', `not before the enrolment on ${this.enrolledOn}`);
    if (reasons.trim().length === 0) throw ValidationError.field('reasons', 'the reasons are required');
    this.m.status = 'expelled';
    this.m.leftOn = on;
    this.m.expulsionGround = ground;
    this.m.expulsionReasons = reasons.trim();
    this.m.updatedAt = at;
    this.record({ name: 'ExpulsionMade', aggregateId: this.id, occurredAt: at, ...this.person(), ground, expelledOn: on });
  }

  /** The programme ended for the person (F-60: housing ends the housing contract). Idempotent for the cohort-end timer. */
  complete(on: IsoDate, at: Date): boolean {
    if (this.status !== 'enrolled') return false;
    this.m.status = 'completed';
    this.m.leftOn = on;
    this.m.updatedAt = at;
    this.record({ name: 'CompletionMade', aggregateId: this.id, occurredAt: at, ...this.person(), completedOn: on });
    return true;
  }

  private person() {
    return { cohortId: this.cohortId, serviceId: this.serviceId, recipientKind: this.recipientKind, recipientId: this.recipientId, personIin: this.personIin };
  }
}
