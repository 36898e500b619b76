import type { IsoDate } from '@hub/calendar';
import { AggregateRoot } from '@hub/kernel';
import type { Mutable } from '../../shared/domain/mutable.js';
import type { EnrolmentEvent } from './acceleration.events.js';
import type { EnrolmentFacts } from './rules/f59-eligibility.rule.js';

export type EnrolmentStatus = EnrolmentFacts['status'];

/**
 * Housing's copy of a person's enrolment in an acceleration cohort (services' cohort events, through
 * the inbox). The IIN is kept only as a keyed blind index (F-42): enough to match the person who
 * asks for housing, nothing to read back.
 */
export class Enrolment extends AggregateRoot<EnrolmentEvent> implements EnrolmentFacts {
  readonly enrolmentId!: string;
  readonly cohortId!: string;
  /** The IIN's keyed blind index; null once deleted at the end of the F-42 retention (ADR 0124). */
  readonly iinIndex!: string | null;
  readonly townKatoCode!: string;
  readonly townName!: string;
  readonly cohortStartsOn!: IsoDate;
  readonly cohortEndsOn!: IsoDate;
  readonly enrolledOn!: IsoDate;
  readonly status!: EnrolmentStatus;
  readonly leftOn!: IsoDate | null;
  readonly version!: number;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;

  private get m(): Mutable<Enrolment> {
    return this;
  }

  static record(input: {
    enrolmentId: string;
    cohortId: string;
    iinIndex: string;
    townKatoCode: string;
    townName: string;
    cohortStartsOn: IsoDate;
    cohortEndsOn: IsoDate;
    enrolledOn: IsoDate;
    at: Date;
  }): Enrolment {
    const e = new Enrolment();
    Object.assign(e, { ...input, status: 'enrolled', leftOn: null, createdAt: input.at, updatedAt: input.at });
    delete (e as { at?: Date }).at;
    e.record({ name: 'EnrolmentRecorded', aggregateId: input.enrolmentId, occurredAt: input.at, status: 'enrolled' });
    return e;
  }

  /** Expelled or completed: no longer in acceleration from `on`. Returns false when it had already ended (a redelivery). */
  end(status: 'expelled' | 'completed', on: IsoDate, at: Date): boolean {
    if (this.status !== 'enrolled') return false;
    this.m.status = status;
    this.m.leftOn = on;
    this.m.updatedAt = at;
    this.record({ name: 'EnrolmentEnded', aggregateId: this.enrolmentId, occurredAt: at, status });
    return true;
  }

  /** F-42 (ADR 0124): the retention ended — the IIN's blind index goes (nobody can be matched to this enrolment any more). */
  purgePersonalData(at: Date): void {
    if (this.iinIndex === null) return;
    this.m.iinIndex = null;
    this.m.updatedAt = at;
  }
}
