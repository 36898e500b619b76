import type { ActivityType, TerminationGround } from '@hub/contracts';
import { IllegalStateError, StateMachine } from '@hub/kernel';
import { compareIsoDates, type IsoDate } from '../../shared/domain/calendar.js';
import type { Deadlines } from '../../shared/domain/deadlines.js';
import { assertMinimumTerm } from './rules/minimum-term.rule.js';

export type ParticipationStatus = 'active' | 'terminated' | 'ended';

const lifecycle = new StateMachine<ParticipationStatus, 'extend' | 'terminate' | 'end'>('participation', {
  extend: { from: ['active'], to: 'active' },
  terminate: { from: ['active'], to: 'terminated' },
  end: { from: ['active'], to: 'ended' },
});

/**
 * A company's participation from registration to its end (F-24 … F-30). Domain methods return
 * the past-tense facts they produce; the application layer maps them to integration events in the
 * same transaction (ADR 0020 explains why they are returned rather than recorded).
 */
export class Participation {
  id!: string;
  participantId!: string;
  bin!: string;
  companyName!: string;
  address!: string;
  activityTypes!: ActivityType[];
  certificateNumber!: string;
  termStart!: IsoDate;
  termEnd!: IsoDate;
  status!: ParticipationStatus;
  endedOn!: IsoDate | null;
  terminationGround!: TerminationGround | null;
  createdAt!: Date;
  updatedAt!: Date;
  version!: number;

  /** F-24: starts a participation for the term the Fund set, which must be at least the minimum. */
  static start(
    props: { id: string; participantId: string; bin: string; companyName: string; address: string; activityTypes: ActivityType[]; certificateNumber: string; termStart: IsoDate; termEnd: IsoDate },
    deadlines: Deadlines,
    now: Date,
  ): Participation {
    assertMinimumTerm(props.termStart, props.termEnd, deadlines);
    const p = new Participation();
    Object.assign(p, props, { status: 'active', endedOn: null, terminationGround: null, createdAt: now, updatedAt: now, version: 1 });
    return p;
  }

  isActive(): boolean {
    return this.status === 'active';
  }

  changeActivityTypes(types: ActivityType[], now: Date): void {
    this.activityTypes = types;
    this.updatedAt = now;
  }

  /** F-25: an approved extension moves the planned end. */
  extendTo(newTermEnd: IsoDate, now: Date): { previousTermEnd: IsoDate } {
    this.status = lifecycle.next(this.status, 'extend');
    if (compareIsoDates(newTermEnd, this.termEnd) <= 0) {
      throw new IllegalStateError('participation', this.status, 'extend', `the new end ${newTermEnd} must be after the current end ${this.termEnd}`);
    }
    const previousTermEnd = this.termEnd;
    this.termEnd = newTermEnd;
    this.updatedAt = now;
    return { previousTermEnd };
  }

  /** F-27: the certificate's period passed — the participation ends as planned on termEnd. */
  endAsPlanned(now: Date): void {
    this.status = lifecycle.next(this.status, 'end');
    this.endedOn = this.termEnd;
    this.terminationGround = 'term-expired';
    this.updatedAt = now;
  }

  /** F-28: early termination on one of the seven grounds, effective on `endedOn`. */
  terminateEarly(ground: Exclude<TerminationGround, 'term-expired'>, endedOn: IsoDate, now: Date): void {
    this.status = lifecycle.next(this.status, 'terminate');
    this.endedOn = endedOn;
    this.terminationGround = ground;
    this.updatedAt = now;
  }
}
