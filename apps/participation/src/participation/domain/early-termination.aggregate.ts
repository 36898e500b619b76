import { GROUND_NUMBER, type EarlyTerminationGround } from '@hub/contracts';
import { AggregateRoot, IllegalStateError, StateMachine, type DomainEvent } from '@hub/kernel';
import type { IsoDate } from '../../shared/domain/calendar.js';
import type { Mutable } from '../../shared/domain/mutable.js';
import type { Participation } from './participation.aggregate.js';
import { goesToCommission } from './rules/commission-grounds.rule.js';
import { assertCommissionDecisionDate } from './rules/commission-decision-date.rule.js';
import { assertTerminationBasis, type TerminationBasis } from './rules/early-termination-basis.rule.js';
import { assertMayOpenOnGround, type TerminationInitiator } from './rules/early-termination-initiator.rule.js';
import { assertWithdrawalNotice } from './rules/withdrawal-notice.rule.js';

export type EarlyTerminationStatus = 'pending-commission' | 'scheduled' | 'terminated' | 'rejected-by-commission' | 'cancelled';

interface CaseFacts extends DomainEvent {
  readonly participationId: string;
  readonly bin: string;
  readonly ground: EarlyTerminationGround;
}

/** F-28 … F-30: a case was opened (its status says where it goes), decided by the Commission, completed or cancelled. */
export type EarlyTerminationEvent =
  | (CaseFacts & {
      readonly name: 'EarlyTerminationOpened';
      readonly status: EarlyTerminationStatus;
      readonly openedOn: IsoDate;
      readonly effectiveDate: IsoDate | null;
    })
  | (CaseFacts & {
      readonly name: 'EarlyTerminationDecidedByCommission';
      readonly decision: 'terminate' | 'continue';
      readonly protocolNumber: string;
      readonly decidedOn: IsoDate;
    })
  | (CaseFacts & { readonly name: 'EarlyTerminationCompleted'; readonly effectiveDate: IsoDate })
  | (CaseFacts & { readonly name: 'EarlyTerminationCancelled' });

const flow = new StateMachine<EarlyTerminationStatus, 'commission-terminates' | 'commission-continues' | 'complete' | 'cancel'>('early-termination', {
  'commission-terminates': { from: ['pending-commission'], to: 'terminated' },
  'commission-continues': { from: ['pending-commission'], to: 'rejected-by-commission' },
  complete: { from: ['scheduled'], to: 'terminated' },
  cancel: { from: ['scheduled', 'pending-commission'], to: 'cancelled' },
});

/**
 * An early-termination case (F-28 … F-30). Grounds (1), (2), (7) wait for the Commission (F-30);
 * a withdrawal (3) is scheduled for the date the participant gave (F-29); the other grounds
 * terminate at once on the Fund's decision — the case then ends the participation itself.
 */
export class EarlyTermination extends AggregateRoot<EarlyTerminationEvent> {
  readonly id!: string;
  readonly participationId!: string;
  readonly bin!: string;
  readonly ground!: EarlyTerminationGround;
  readonly reason!: string;
  readonly basisId!: string | null;
  readonly status!: EarlyTerminationStatus;
  readonly openedOn!: IsoDate;
  readonly openedBy!: string;
  readonly effectiveDate!: IsoDate | null;
  readonly protocolNumber!: string | null;
  readonly createdAt!: Date;
  /** Optimistic lock: a concurrent second change of the same record fails instead of overwriting. */
  readonly version!: number;

  private get self(): Mutable<EarlyTermination> {
    return this;
  }

  get groundNumber(): number {
    return GROUND_NUMBER[this.ground];
  }

  /**
   * F-28 … F-30: opens a case. Checks, in this order: who may open on this ground (F-28, F-29), that
   * the participation is active and has no other open case, the withdrawal notice and date (F-29,
   * F-27), and the record the ground rests on (F-28). A ground the Fund decides alone terminates the
   * participation at once (`endedOn` today).
   */
  static open(
    props: {
      id: string;
      participation: Participation;
      openCase: EarlyTermination | null;
      initiator: TerminationInitiator;
      openedBy: string;
      ground: EarlyTerminationGround;
      reason: string;
      basisId: string | null;
      basis: TerminationBasis | null;
      today: IsoDate;
      withdrawalDate: IsoDate | null;
      earliestWithdrawalDate: IsoDate;
    },
    now: Date,
  ): EarlyTermination {
    const { participation: p, ground } = props;
    assertMayOpenOnGround(props.initiator, ground);
    if (!p.isActive()) throw new IllegalStateError('participation', p.status, 'terminate');
    if (props.openCase)
      throw new IllegalStateError('early-termination', props.openCase.status, 'open another early termination', `case ${props.openCase.id} is still open`);
    const withdrawalDate =
      ground === 'voluntary-withdrawal' ? assertWithdrawalNotice(props.today, props.withdrawalDate, props.earliestWithdrawalDate, p.termEnd) : null;
    assertTerminationBasis(ground, props.basis);
    const status: EarlyTerminationStatus = goesToCommission(ground) ? 'pending-commission' : ground === 'voluntary-withdrawal' ? 'scheduled' : 'terminated';
    const c = new EarlyTermination();
    Object.assign(c, {
      id: props.id,
      participationId: p.id,
      bin: p.bin,
      ground,
      reason: props.reason,
      basisId: props.basisId,
      status,
      openedOn: props.today,
      openedBy: props.openedBy,
      effectiveDate: status === 'scheduled' ? withdrawalDate : status === 'terminated' ? props.today : null,
      protocolNumber: null,
      createdAt: now,
    });
    c.record({ ...c.facts(now), name: 'EarlyTerminationOpened', status, openedOn: c.openedOn, effectiveDate: c.effectiveDate });
    if (status === 'terminated') p.terminateEarly(ground, props.today, 'fund', `early-termination:${c.id}`, now);
    return c;
  }

  /** F-30: the Commission decides, dated between the referral and today; "terminate" ends the participation on the decision date. */
  decide(participation: Participation, decision: 'terminate' | 'continue', protocolNumber: string, decidedOn: IsoDate, today: IsoDate, now: Date): void {
    assertCommissionDecisionDate(decidedOn, this.openedOn, today);
    this.self.status = flow.next(this.status, decision === 'terminate' ? 'commission-terminates' : 'commission-continues');
    this.self.protocolNumber = protocolNumber;
    this.self.effectiveDate = decision === 'terminate' ? decidedOn : null;
    this.record({ ...this.facts(now), name: 'EarlyTerminationDecidedByCommission', decision, protocolNumber, decidedOn });
    if (decision === 'terminate') participation.terminateEarly(this.ground, decidedOn, 'commission', protocolNumber, now);
  }

  /**
   * F-28(3), F-29: the withdrawal date arrived — the participation ends on it; if it ended otherwise
   * meanwhile, the case is cancelled. Returns whether the participation was terminated by it.
   */
  takeEffect(participation: Participation, now: Date): boolean {
    if (!participation.isActive()) {
      this.self.status = flow.next(this.status, 'cancel');
      this.record({ ...this.facts(now), name: 'EarlyTerminationCancelled' });
      return false;
    }
    this.self.status = flow.next(this.status, 'complete');
    const effective = this.effectiveDate!;
    this.record({ ...this.facts(now), name: 'EarlyTerminationCompleted', effectiveDate: effective });
    participation.terminateEarly(this.ground, effective, 'participant', `early-termination:${this.id}`, now);
    return true;
  }

  private facts(now: Date): CaseFacts {
    return { name: '', aggregateId: this.id, occurredAt: now, participationId: this.participationId, bin: this.bin, ground: this.ground };
  }
}
