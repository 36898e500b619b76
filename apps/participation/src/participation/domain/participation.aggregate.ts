import { GROUND_NUMBER, type ActivityType, type EarlyTerminationGround, type TerminationGround } from '@hub/contracts';
import { AggregateRoot, IllegalStateError, StateMachine } from '@hub/kernel';
import { compareIsoDates, type IsoDate } from '../../shared/domain/calendar.js';
import type { Deadlines } from '../../shared/domain/deadlines.js';
import type { Mutable } from '../../shared/domain/mutable.js';
import type { ParticipationEvent } from './participation.events.js';
import { assertMinimumTerm } from './rules/minimum-term.rule.js';

export type ParticipationStatus = 'active' | 'terminated' | 'ended';
export type TerminationDecider = 'fund' | 'commission' | 'participant';

const lifecycle = new StateMachine<ParticipationStatus, 'extend' | 'terminate' | 'end'>('participation', {
  extend: { from: ['active'], to: 'active' },
  terminate: { from: ['active'], to: 'terminated' },
  end: { from: ['active'], to: 'ended' },
});

/**
 * A company's participation from registration to its end (F-24 … F-30). Its methods check the
 * rules and record past-tense events; the context's IntegrationEventMapper publishes them (ADR 0035).
 */
export class Participation extends AggregateRoot<ParticipationEvent> {
  readonly id!: string;
  readonly participantId!: string;
  readonly bin!: string;
  readonly companyName!: string;
  readonly address!: string;
  readonly activityTypes!: readonly ActivityType[];
  readonly certificateNumber!: string;
  readonly termStart!: IsoDate;
  readonly termEnd!: IsoDate;
  readonly status!: ParticipationStatus;
  readonly endedOn!: IsoDate | null;
  readonly terminationGround!: TerminationGround | null;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;
  readonly version!: number;

  private get self(): Mutable<Participation> {
    return this;
  }

  /** F-24: starts a participation for the term the Fund set, which must be at least the minimum. */
  static start(
    props: {
      id: string;
      participantId: string;
      bin: string;
      companyName: string;
      address: string;
      activityTypes: readonly ActivityType[];
      certificateNumber: string;
      termStart: IsoDate;
      termEnd: IsoDate;
    },
    deadlines: Deadlines,
    now: Date,
  ): Participation {
    assertMinimumTerm(props.termStart, props.termEnd, deadlines);
    const p = new Participation();
    Object.assign(p, props, {
      activityTypes: [...props.activityTypes],
      status: 'active',
      endedOn: null,
      terminationGround: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    p.record({
      name: 'ParticipationStarted',
      aggregateId: p.id,
      occurredAt: now,
      participantId: p.participantId,
      bin: p.bin,
      companyName: p.companyName,
      activityTypes: p.activityTypes,
      certificateNumber: p.certificateNumber,
      termStart: p.termStart,
      termEnd: p.termEnd,
      extensionDeadline: deadlines.extensionDeadlineIfKnown(p.termEnd),
    });
    return p;
  }

  isActive(): boolean {
    return this.status === 'active';
  }

  /** The last day the participation runs (or ran): its end if it ended, else the planned term end. */
  get lastDay(): IsoDate {
    return this.endedOn ?? this.termEnd;
  }

  /** F-20: the activity types follow registration. */
  changeActivityTypes(types: readonly ActivityType[], now: Date): void {
    this.self.activityTypes = [...types];
    this.self.updatedAt = now;
    this.record({
      name: 'ActivityTypesReplaced',
      aggregateId: this.id,
      occurredAt: now,
      participantId: this.participantId,
      bin: this.bin,
      activityTypes: this.activityTypes,
    });
  }

  /** F-25: an approved extension moves the planned end (the extension's certificate is recorded with it). */
  extendTo(extension: { id: string; newTermEnd: IsoDate; certificateNumber: string; issuedOn: IsoDate }, now: Date): void {
    this.self.status = lifecycle.next(this.status, 'extend');
    if (compareIsoDates(extension.newTermEnd, this.termEnd) <= 0) {
      throw new IllegalStateError('participation', this.status, 'extend', `the new end ${extension.newTermEnd} must be after the current end ${this.termEnd}`);
    }
    const previousTermEnd = this.termEnd;
    this.self.termEnd = extension.newTermEnd;
    this.self.updatedAt = now;
    this.record({
      name: 'ParticipationExtended',
      aggregateId: this.id,
      occurredAt: now,
      participantId: this.participantId,
      bin: this.bin,
      extensionId: extension.id,
      previousTermEnd,
      newTermEnd: extension.newTermEnd,
      certificateNumber: extension.certificateNumber,
      issuedOn: extension.issuedOn,
    });
  }

  /**
   * F-26, F-27: the certificate's period passed — the participation ends as planned on termEnd. `alsoRuleIds`
   * names what else decided it (F-25: an in-time extension held the end and was then refused, ADR 0050).
   */
  endAsPlanned(now: Date, alsoRuleIds: readonly string[] = []): void {
    this.self.status = lifecycle.next(this.status, 'end');
    this.self.endedOn = this.termEnd;
    this.self.terminationGround = 'term-expired';
    this.self.updatedAt = now;
    this.record({
      name: 'ParticipationTerminated',
      aggregateId: this.id,
      occurredAt: now,
      participantId: this.participantId,
      bin: this.bin,
      kind: 'planned',
      ground: 'term-expired',
      decidedBy: 'term',
      decisionReference: null,
      endedOn: this.termEnd,
      ruleIds: ['F-26', 'F-27', ...alsoRuleIds],
    });
  }

  /** F-26, F-28: early termination on one of the seven grounds, effective on `endedOn` (F-29 withdrawal, F-30 Commission). */
  terminateEarly(ground: EarlyTerminationGround, endedOn: IsoDate, decidedBy: TerminationDecider, decisionReference: string | null, now: Date): void {
    this.self.status = lifecycle.next(this.status, 'terminate');
    this.self.endedOn = endedOn;
    this.self.terminationGround = ground;
    this.self.updatedAt = now;
    const ruleIds = [
      'F-26',
      `F-28(${GROUND_NUMBER[ground]})`,
      ...(decidedBy === 'commission' ? ['F-30'] : []),
      ...(ground === 'voluntary-withdrawal' ? ['F-29'] : []),
    ];
    this.record({
      name: 'ParticipationTerminated',
      aggregateId: this.id,
      occurredAt: now,
      participantId: this.participantId,
      bin: this.bin,
      kind: 'early',
      ground,
      decidedBy,
      decisionReference,
      endedOn,
      ruleIds,
    });
  }
}
