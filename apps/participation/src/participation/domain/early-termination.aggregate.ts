import { GROUND_NUMBER, type EarlyTerminationGround } from '@hub/contracts';
import { StateMachine } from '@hub/kernel';
import type { IsoDate } from '../../shared/domain/calendar.js';
import { goesToCommission } from './rules/commission-grounds.rule.js';

export type EarlyTerminationStatus = 'pending-commission' | 'scheduled' | 'terminated' | 'rejected-by-commission' | 'cancelled';

const flow = new StateMachine<EarlyTerminationStatus, 'commission-terminates' | 'commission-continues' | 'complete' | 'cancel'>('early-termination', {
  'commission-terminates': { from: ['pending-commission'], to: 'terminated' },
  'commission-continues': { from: ['pending-commission'], to: 'rejected-by-commission' },
  complete: { from: ['scheduled'], to: 'terminated' },
  cancel: { from: ['scheduled', 'pending-commission'], to: 'cancelled' },
});

/**
 * An early-termination case (F-28 … F-30). Grounds (1), (2), (7) wait for the Commission (F-30);
 * a withdrawal (3) is scheduled for the date the participant gave (F-29); the other grounds
 * terminate at once on the Fund's decision.
 */
export class EarlyTermination {
  id!: string;
  participationId!: string;
  bin!: string;
  ground!: EarlyTerminationGround;
  reason!: string;
  basisId!: string | null;
  status!: EarlyTerminationStatus;
  openedOn!: IsoDate;
  openedBy!: string;
  effectiveDate!: IsoDate | null;
  protocolNumber!: string | null;
  createdAt!: Date;
  /** Optimistic lock: a concurrent second change of the same record fails instead of overwriting. */
  version!: number;


  get groundNumber(): number {
    return GROUND_NUMBER[this.ground];
  }

  static open(
    props: { id: string; participationId: string; bin: string; ground: EarlyTerminationGround; reason: string; basisId: string | null; openedOn: IsoDate; openedBy: string; withdrawalDate: IsoDate | null },
    now: Date,
  ): EarlyTermination {
    const c = new EarlyTermination();
    const status: EarlyTerminationStatus = goesToCommission(props.ground) ? 'pending-commission' : props.ground === 'voluntary-withdrawal' ? 'scheduled' : 'terminated';
    Object.assign(c, {
      id: props.id,
      participationId: props.participationId,
      bin: props.bin,
      ground: props.ground,
      reason: props.reason,
      basisId: props.basisId,
      status,
      openedOn: props.openedOn,
      openedBy: props.openedBy,
      effectiveDate: status === 'scheduled' ? props.withdrawalDate : status === 'terminated' ? props.openedOn : null,
      protocolNumber: null,
      createdAt: now,
    });
    return c;
  }

  /** F-30: the Commission decides; "terminate" ends the participation on the decision date. */
  decide(decision: 'terminate' | 'continue', protocolNumber: string, decidedOn: IsoDate): void {
    this.status = flow.next(this.status, decision === 'terminate' ? 'commission-terminates' : 'commission-continues');
    this.protocolNumber = protocolNumber;
    this.effectiveDate = decision === 'terminate' ? decidedOn : null;
  }

  complete(): void {
    this.status = flow.next(this.status, 'complete');
  }

  cancel(): void {
    this.status = flow.next(this.status, 'cancel');
  }
}
