import type { IsoDate } from '@hub/calendar';
import { AggregateRoot, IllegalStateError, RuleViolationError, ValidationError } from '@hub/kernel';
import type { Mutable } from '../../shared/domain/mutable.js';
import type { Cohort } from './cohort.aggregate.js';
import type { CohortEvent } from './cohort.events.js';
import type { EnrolmentStatus, ExpulsionGround } from './cohort.types.js';

/** The contracted application a person is enrolled under (F-44, F-55). */
export interface ContractedApplication {
  readonly id: string;
  readonly serviceId: string;
  readonly status: string;
  readonly recipientKind: 'legal-entity' | 'individual';
  readonly recipientId: string;
  readonly contractId: string | null;
}

/** F-42 (ADR 0068): a person's IIN as services keeps it — encrypted with the row's id bound in, and its blind index. */
export interface ProtectedIin {
  /** HMAC of the IIN under the index key: one enrolment per person and cohort is a unique index on it. */
  readonly index: string;
  readonly cipher: string;
}

/**
 * A person's place in an acceleration cohort (F-44): enrolled under a signed service contract (F-55),
 * then expelled (with a ground and reasons) or completed. Each step is a published fact housing
 * builds on (F-59 … F-61). One enrolment per person and cohort (a unique index on the IIN's blind
 * index). The IIN is never stored in clear (F-42, ADR 0068): the caller reveals it for the events.
 */
export class CohortEnrolment extends AggregateRoot<CohortEvent> {
  readonly id!: string;
  readonly cohortId!: string;
  readonly serviceId!: string;
  readonly applicationId!: string;
  readonly contractId!: string;
  readonly recipientKind!: 'legal-entity' | 'individual';
  readonly recipientId!: string;
  readonly personIinIndex!: string;
  readonly personIinCipher!: string;
  readonly status!: EnrolmentStatus;
  readonly enrolledOn!: IsoDate;
  readonly endedOn!: IsoDate | null;
  readonly expulsionGround!: ExpulsionGround | null;
  readonly expulsionReasons!: string | null;
  readonly version!: number;
  readonly updatedAt!: Date;

  private get m(): Mutable<CohortEnrolment> {
    return this;
  }

  /** F-44, F-55: a person enrolled under a contracted application of the cohort's service, before the cohort ends (the seat was checked by the caller). */
  static enrol(input: {
    id: string;
    cohort: Cohort;
    application: ContractedApplication;
    /** The person's recipient pseudonym when services knows one (ADR 0069); compared with an individual's contract. */
    personPseudonym?: string | null;
    protectedIin: ProtectedIin;
    today: IsoDate;
    at: Date;
  }): CohortEnrolment {
    const { cohort, application: a } = input;
    if (a.status !== 'contracted' || !a.contractId)
      throw new RuleViolationError('F-55', 'a person is enrolled under a signed service contract; this application has none', { field: 'applicationId' });
    if (a.serviceId !== cohort.serviceId)
      throw new RuleViolationError('F-44', 'the application is for another service than the cohort’s', { field: 'applicationId' });
    if (a.recipientKind === 'individual' && a.recipientId !== input.personPseudonym)
      throw ValidationError.field('personIin', 'an individual’s contract enrols that individual only (F-43)');
    if (input.today > cohort.endsOn) throw new RuleViolationError('F-44', `the cohort ended on ${cohort.endsOn}`, { field: 'cohortId' });
    const e = new CohortEnrolment();
    Object.assign(e, {
      id: input.id,
      cohortId: cohort.id,
      serviceId: cohort.serviceId,
      applicationId: a.id,
      contractId: a.contractId,
      recipientKind: a.recipientKind,
      recipientId: a.recipientId,
      personIinIndex: input.protectedIin.index,
      personIinCipher: input.protectedIin.cipher,
      status: 'enrolled',
      enrolledOn: input.today,
      endedOn: null,
      expulsionGround: null,
      expulsionReasons: null,
      updatedAt: input.at,
    });
    e.record({
      name: 'PersonEnrolled',
      aggregateId: e.id,
      occurredAt: input.at,
      ...e.person(),
      contractId: a.contractId,
      town: cohort.town,
      cohortStartsOn: cohort.startsOn,
      cohortEndsOn: cohort.endsOn,
      enrolledOn: input.today,
    });
    return e;
  }

  /** The person leaves the cohort before its end: expelled on a ground, with reasons that stay in services (F-35). */
  expel(ground: ExpulsionGround, reasons: string, today: IsoDate, at: Date): void {
    this.assertEnrolled('expel');
    if (reasons.trim().length < 3) throw ValidationError.field('reasons', 'give the reasons for the expulsion');
    this.m.status = 'expelled';
    this.m.endedOn = today;
    this.m.expulsionGround = ground;
    this.m.expulsionReasons = reasons.trim();
    this.m.updatedAt = at;
    this.record({ name: 'PersonExpelled', aggregateId: this.id, occurredAt: at, ...this.person(), ground, expelledOn: today });
  }

  /** The programme ended for the person (F-44): on or after the cohort's start. */
  complete(cohort: Cohort, today: IsoDate, at: Date): void {
    this.assertEnrolled('complete');
    if (today < cohort.startsOn)
      throw new RuleViolationError('F-44', `the cohort starts on ${cohort.startsOn}; nobody completes it before`, { field: 'cohortId' });
    this.m.status = 'completed';
    this.m.endedOn = today;
    this.m.updatedAt = at;
    this.record({ name: 'PersonCompleted', aggregateId: this.id, occurredAt: at, ...this.person(), completedOn: today });
  }

  private assertEnrolled(action: string): void {
    if (this.status !== 'enrolled') throw new IllegalStateError('cohort enrolment', this.status, action, 'only an enrolled person leaves a cohort');
  }

  /** The event's person: the blind index already stored (F-42, ADR 0123: no IIN is decrypted to be published). */
  private person() {
    return {
      cohortId: this.cohortId,
      serviceId: this.serviceId,
      recipientKind: this.recipientKind,
      recipientId: this.recipientId,
      personIinIndex: this.personIinIndex,
    };
  }
}
