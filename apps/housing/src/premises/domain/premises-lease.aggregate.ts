import { type IsoDate, addCalendarDays } from '@hub/calendar';
import { AggregateRoot, IllegalStateError, ValidationError } from '@hub/kernel';
import type { DomainEvent } from '@hub/kernel';
import type { Act } from '../../acceleration/domain/allocation.aggregate.js';
import type { PremisesKind } from '../../inventory/domain/housing-unit.aggregate.js';
import type { Mutable } from '../../shared/domain/mutable.js';
import { type ParticipantTerm, assertParticipantOn } from './rules/f57-premises-for-participants.rule.js';
import { assertTemporaryPeriod, lastDayOfUse } from './rules/f58-temporary-use.rule.js';

export type LeaseStatus = 'requested' | 'allocated' | 'handover-due' | 'released' | 'cancelled';
export type ReleaseReason = 'request' | 'participation-terminated' | 'term-ended';
interface LeaseFacts extends DomainEvent {
  readonly bin: string;
  readonly participantId: string;
  readonly premisesKind: PremisesKind;
}
interface PremisesRequested extends LeaseFacts {
  readonly name: 'PremisesRequested' | 'PremisesRequestCancelled';
}
interface PremisesAllocated extends LeaseFacts {
  readonly name: 'PremisesAllocated';
  readonly unitId: string;
  readonly startsOn: IsoDate;
  readonly endsOn: IsoDate;
}
interface PremisesReleaseStarted extends LeaseFacts {
  readonly name: 'PremisesReleaseStarted';
  readonly unitId: string;
  readonly lastDayOfUse: IsoDate;
  readonly reason: ReleaseReason;
  /** ADR 0053: the day the act handing the premises back is due (for the company's notice). */
  readonly handBackBy: IsoDate | null;
}
interface PremisesHandBackOverdue extends LeaseFacts {
  readonly name: 'PremisesHandBackOverdue';
  readonly unitId: string;
  readonly lastDayOfUse: IsoDate;
  readonly handBackBy: IsoDate;
}
interface PremisesHandedBack extends LeaseFacts {
  readonly name: 'PremisesHandedBack';
  readonly unitId: string;
  readonly lastDayOfUse: IsoDate;
  readonly signedOn: IsoDate;
  readonly inventoryMissing: number;
  readonly damagesTiyn: number;
  readonly documentIds: readonly string[];
}
/** What a premises lease records (F-57, F-58); published by housing.integration-events.ts (ADR 0053). */
export type PremisesLeaseEvent = PremisesRequested | PremisesAllocated | PremisesReleaseStarted | PremisesHandBackOverdue | PremisesHandedBack;
/** The hand-back due day for a last day of use (ADR 0053: F-58, working days; computed by the application from the parameters in force). */
export type HandBackDue = (lastDayOfUse: IsoDate) => IsoDate;
const PREMISES_EVENT_NAMES: ReadonlySet<string> = new Set([
  'PremisesRequested',
  'PremisesRequestCancelled',
  'PremisesAllocated',
  'PremisesReleaseStarted',
  'PremisesHandBackOverdue',
  'PremisesHandedBack',
]);
export const isPremisesLeaseEvent = (e: DomainEvent): e is PremisesLeaseEvent => PREMISES_EVENT_NAMES.has(e.name);

/**
 * A participant's temporary use of premises (F-57, F-58): requested by the company, allocated by the
 * housing manager (an exclusion constraint over (unit, daterange) keeps premises from being let
 * twice), released on request or when the participation terminates, handed back under an act.
 */
export class PremisesLease extends AggregateRoot<PremisesLeaseEvent> {
  readonly id!: string;
  readonly participantId!: string;
  readonly bin!: string;
  readonly premisesKind!: PremisesKind;
  readonly unitId!: string | null;
  readonly status!: LeaseStatus;
  readonly startsOn!: IsoDate;
  /** The last day of use (inclusive). */
  readonly endsOn!: IsoDate;
  readonly releaseReason!: ReleaseReason | null;
  /** ADR 0053: the day by which the act handing the premises back is due (after the last day of use), while allocated or handover-due. */
  readonly handBackBy!: IsoDate | null;
  /** The hand-back day ended without the act (the durable timer said so): on the deadlines board as overdue. */
  readonly handBackOverdue!: boolean;
  readonly handoverAct!: Act | null;
  readonly requestedAt!: Date;
  readonly version!: number;
  readonly updatedAt!: Date;

  private get m(): Mutable<PremisesLease> {
    return this;
  }

  private get facts() {
    return { aggregateId: this.id, bin: this.bin, participantId: this.participantId, premisesKind: this.premisesKind };
  }

  static request(input: {
    id: string;
    participantId: string;
    bin: string;
    participant: ParticipantTerm | null;
    premisesKind: PremisesKind;
    from: IsoDate;
    until: IsoDate | null;
    at: Date;
  }): PremisesLease {
    assertParticipantOn(input.participant, input.from);
    const endsOn = lastDayOfUse(input.participant!, input.until);
    assertTemporaryPeriod(input.from, endsOn);
    const l = new PremisesLease();
    Object.assign(l, {
      id: input.id,
      participantId: input.participantId,
      bin: input.bin,
      premisesKind: input.premisesKind,
      unitId: null,
      status: 'requested',
      startsOn: input.from,
      endsOn,
      releaseReason: null,
      handBackBy: null,
      handBackOverdue: false,
      handoverAct: null,
      requestedAt: input.at,
      updatedAt: input.at,
    });
    l.record({ name: 'PremisesRequested', occurredAt: input.at, ...l.facts });
    return l;
  }

  /** The premises are let; the hand-back is due after the last day of use (ADR 0053), moved earlier if the use ends earlier. */
  allocate(unit: { id: string; kind: string; premisesKind: string | null }, due: HandBackDue, at: Date): void {
    if (this.status !== 'requested') throw new IllegalStateError('premises lease', this.status, 'allocate');
    if (unit.kind !== 'premises' || unit.premisesKind !== this.premisesKind)
      throw ValidationError.field('unitId', `the unit is not ${this.premisesKind} premises`);
    this.m.unitId = unit.id;
    this.m.status = 'allocated';
    this.m.handBackBy = due(this.endsOn);
    this.m.updatedAt = at;
    this.record({ name: 'PremisesAllocated', occurredAt: at, ...this.facts, unitId: unit.id, startsOn: this.startsOn, endsOn: this.endsOn });
  }

  /**
   * Ends the use: the last day becomes the day before `from` (when earlier than planned); premises in
   * use are handed back under an act, a request not yet allocated is cancelled.
   */
  release(from: IsoDate, reason: ReleaseReason, due: HandBackDue, at: Date): void {
    if (this.status === 'requested') {
      this.m.status = 'cancelled';
      this.m.releaseReason = reason;
      this.m.updatedAt = at;
      this.record({ name: 'PremisesRequestCancelled', occurredAt: at, ...this.facts });
      return;
    }
    if (this.status !== 'allocated') return; // already releasing or released: idempotent
    const last = addCalendarDays(from, -1);
    if (last < this.endsOn) this.m.endsOn = last < this.startsOn ? this.startsOn : last;
    this.m.status = 'handover-due';
    this.m.releaseReason = reason;
    this.m.handBackBy = due(this.endsOn);
    this.m.updatedAt = at;
    this.record({
      name: 'PremisesReleaseStarted',
      occurredAt: at,
      ...this.facts,
      unitId: this.unitId!,
      lastDayOfUse: this.endsOn,
      reason,
      handBackBy: this.handBackBy,
    });
  }

  /**
   * ADR 0053: the hand-back day ended without the act — overdue (escalated to the housing manager on
   * the deadlines board). A lease still `allocated` here reached the end of its term unreleased: its
   * use ended with the term (`term-ended`). Returns whether anything changed (the timer may be stale).
   */
  markHandBackOverdue(today: IsoDate, at: Date): boolean {
    // The timer fires at the last instant of the due day (Almaty): earlier is a stale timer.
    if (this.handBackOverdue || this.handBackBy === null || today < this.handBackBy) return false;
    if (this.status === 'allocated') {
      this.m.status = 'handover-due';
      this.m.releaseReason = 'term-ended';
      this.record({
        name: 'PremisesReleaseStarted',
        occurredAt: at,
        ...this.facts,
        unitId: this.unitId!,
        lastDayOfUse: this.endsOn,
        reason: 'term-ended',
        handBackBy: this.handBackBy,
      });
    }
    if (this.status !== 'handover-due') return false;
    this.m.handBackOverdue = true;
    this.m.updatedAt = at;
    this.record({
      name: 'PremisesHandBackOverdue',
      occurredAt: at,
      ...this.facts,
      unitId: this.unitId!,
      lastDayOfUse: this.endsOn,
      handBackBy: this.handBackBy,
    });
    return true;
  }

  handBack(act: Omit<Act, 'kind'>, at: Date): void {
    if (this.status !== 'handover-due' && this.status !== 'allocated') throw new IllegalStateError('premises lease', this.status, 'hand back');
    if (act.condition.trim().length < 3) throw ValidationError.field('condition', 'describe the condition of the premises');
    if (this.status === 'allocated') {
      this.m.releaseReason = 'request';
      const last = addCalendarDays(act.signedOn, -1);
      if (last < this.endsOn) this.m.endsOn = last < this.startsOn ? this.startsOn : last;
    }
    if (act.damages.some((d) => !Number.isSafeInteger(d.amountTiyn) || d.amountTiyn < 0))
      throw ValidationError.field('damages', 'amounts are non-negative integer tiyn');
    if (act.signedOn < this.startsOn) throw ValidationError.field('signedOn', `the act cannot be before the use started (${this.startsOn})`);
    this.m.handoverAct = { ...act, kind: 'acceptance-transfer' };
    this.m.handBackBy = null;
    this.m.status = 'released';
    this.m.updatedAt = at;
    this.record({
      name: 'PremisesHandedBack',
      occurredAt: at,
      ...this.facts,
      unitId: this.unitId!,
      lastDayOfUse: this.endsOn,
      signedOn: act.signedOn,
      inventoryMissing: act.inventory.reduce((s, i) => s + Math.max(0, i.expected - i.found), 0),
      damagesTiyn: act.damages.reduce((s, d) => s + d.amountTiyn, 0),
      documentIds: act.documentId ? [act.documentId] : [],
    });
  }
}
