import { IllegalStateError, StateMachine, ValidationError } from '@hub/kernel';
import { compareIsoDates, type IsoDate } from '../../shared/domain/calendar.js';
import { assertExtensionFiledInTime } from './rules/extension-filed-in-time.rule.js';

export type ExtensionStatus = 'submitted' | 'approved' | 'rejected';

const flow = new StateMachine<ExtensionStatus, 'approve' | 'reject'>('extension', {
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
});

/** F-25: an application to extend the participation term; approved ones get an Annex 3 certificate. */
export class Extension {
  id!: string;
  participationId!: string;
  filedOn!: IsoDate;
  currentTermEnd!: IsoDate;
  requestedTermEnd!: IsoDate;
  status!: ExtensionStatus;
  decidedOn!: IsoDate | null;
  reason!: string | null;
  certificateNumber!: string | null;
  createdAt!: Date;
  /** Optimistic lock: a concurrent second change of the same record fails instead of overwriting. */
  version!: number;


  static file(props: { id: string; participationId: string; filedOn: IsoDate; termEnd: IsoDate; extensionDeadline: IsoDate; requestedTermEnd: IsoDate; earliestEnd: IsoDate }, now: Date): Extension {
    assertExtensionFiledInTime(props.filedOn, props.extensionDeadline, props.termEnd);
    if (compareIsoDates(props.requestedTermEnd, props.termEnd) <= 0) {
      throw ValidationError.field('requestedTermEnd', `must be after the current term end ${props.termEnd}`, 'extension.not-later');
    }
    if (compareIsoDates(props.requestedTermEnd, props.earliestEnd) < 0) {
      throw ValidationError.field('requestedTermEnd', `F-24: the extended term must last at least the minimum term: ${props.earliestEnd} or later`, 'extension.too-short');
    }
    const e = new Extension();
    Object.assign(e, {
      id: props.id,
      participationId: props.participationId,
      filedOn: props.filedOn,
      currentTermEnd: props.termEnd,
      requestedTermEnd: props.requestedTermEnd,
      status: 'submitted',
      decidedOn: null,
      reason: null,
      certificateNumber: null,
      createdAt: now,
    });
    return e;
  }

  approve(on: IsoDate, certificateNumber: string): void {
    this.status = flow.next(this.status, 'approve');
    this.decidedOn = on;
    this.certificateNumber = certificateNumber;
  }

  reject(on: IsoDate, reason: string | undefined): void {
    if (!reason) throw ValidationError.field('reason', 'a rejection states its reason', 'extension.reason-required');
    this.status = flow.next(this.status, 'reject');
    this.decidedOn = on;
    this.reason = reason;
  }

  assertSubmitted(): void {
    if (this.status !== 'submitted') throw new IllegalStateError('extension', this.status, 'decide');
  }
}
