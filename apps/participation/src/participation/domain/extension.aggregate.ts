import { AggregateRoot, IllegalStateError, StateMachine, ValidationError, type DomainEvent } from '@hub/kernel';
import { compareIsoDates, type IsoDate } from '../../shared/domain/calendar.js';
import type { Mutable } from '../../shared/domain/mutable.js';
import type { Participation } from './participation.aggregate.js';
import { assertExtensionFiledInTime } from './rules/extension-filed-in-time.rule.js';
import { assertExtensionTerm } from './rules/extension-term.rule.js';

export type ExtensionStatus = 'submitted' | 'approved' | 'rejected';

/** F-25: an extension was applied for / approved (certificate issued) / rejected. Internal: the participation publishes the extension. */
export type ExtensionEvent =
  | (DomainEvent & {
      readonly name: 'ExtensionFiled';
      readonly participationId: string;
      readonly bin: string;
      readonly filedOn: IsoDate;
      readonly currentTermEnd: IsoDate;
      readonly requestedTermEnd: IsoDate;
    })
  | (DomainEvent & { readonly name: 'ExtensionApproved'; readonly participationId: string; readonly certificateNumber: string })
  | (DomainEvent & {
      readonly name: 'ExtensionRejected';
      readonly participationId: string;
      readonly reason: string;
      /** ADR 0107: what `participation.extension-refused` publishes (the reason stays here). */
      readonly bin: string;
      readonly refusedOn: IsoDate;
      readonly termEnd: IsoDate;
    });

const flow = new StateMachine<ExtensionStatus, 'approve' | 'reject'>('extension', {
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
});

/** F-25: an application to extend the participation term; approved ones get an Annex 3 certificate. */
export class Extension extends AggregateRoot<ExtensionEvent> {
  readonly id!: string;
  readonly participationId!: string;
  readonly filedOn!: IsoDate;
  readonly currentTermEnd!: IsoDate;
  readonly requestedTermEnd!: IsoDate;
  readonly status!: ExtensionStatus;
  readonly decidedOn!: IsoDate | null;
  readonly reason!: string | null;
  readonly certificateNumber!: string | null;
  readonly createdAt!: Date;
  /** Optimistic lock: a concurrent second change of the same record fails instead of overwriting. */
  readonly version!: number;

  private get self(): Mutable<Extension> {
    return this;
  }

  /**
   * F-25: filed no later than 10 WD before the term ends (`extensionDeadline`), for an active
   * participation with no other extension awaiting the Fund's decision; its length lies within the
   * Fund's configured bounds (`bounds`, ADR 0050 — not F-24's minimum term).
   */
  static file(
    props: {
      id: string;
      participation: Participation;
      pending: Extension | null;
      filedOn: IsoDate;
      extensionDeadline: IsoDate;
      requestedTermEnd: IsoDate;
      bounds: { earliestEnd: IsoDate; latestEnd: IsoDate };
    },
    now: Date,
  ): Extension {
    const p = props.participation;
    if (!p.isActive()) throw new IllegalStateError('participation', p.status, 'extend');
    if (props.pending)
      throw new IllegalStateError('extension', 'submitted', 'file another extension', `extension ${props.pending.id} awaits the Fund's decision`);
    assertExtensionFiledInTime(props.filedOn, props.extensionDeadline, p.termEnd);
    assertExtensionTerm(props.requestedTermEnd, p.termEnd, props.bounds);
    const e = new Extension();
    Object.assign(e, {
      id: props.id,
      participationId: p.id,
      filedOn: props.filedOn,
      currentTermEnd: p.termEnd,
      requestedTermEnd: props.requestedTermEnd,
      status: 'submitted',
      decidedOn: null,
      reason: null,
      certificateNumber: null,
      createdAt: now,
    });
    e.record({
      name: 'ExtensionFiled',
      aggregateId: e.id,
      occurredAt: now,
      participationId: p.id,
      bin: p.bin,
      filedOn: e.filedOn,
      currentTermEnd: e.currentTermEnd,
      requestedTermEnd: e.requestedTermEnd,
    });
    return e;
  }

  /**
   * F-25, Annex 3: the Fund approves — the certificate is numbered after the participation's own
   * (`EXT-<certificate>-<new end>`) and the participation's planned end moves (it records the event
   * the other contexts see).
   */
  approve(participation: Participation, on: IsoDate, now: Date): void {
    this.self.status = flow.next(this.status, 'approve');
    const number = `EXT-${participation.certificateNumber}-${this.requestedTermEnd.replace(/-/g, '')}`;
    this.self.decidedOn = on;
    this.self.certificateNumber = number;
    participation.extendTo({ id: this.id, newTermEnd: this.requestedTermEnd, certificateNumber: number, issuedOn: on }, now);
    this.record({ name: 'ExtensionApproved', aggregateId: this.id, occurredAt: now, participationId: this.participationId, certificateNumber: number });
  }

  /**
   * F-25: a rejection states its reason. An extension filed in time held the planned end (ADR 0050):
   * refused after the term end had passed, the participation ends as planned on that original end
   * (F-27: the certificate's period passed; nothing extended it).
   */
  reject(participation: Participation, on: IsoDate, reason: string | undefined, now: Date): void {
    if (!reason) throw ValidationError.field('reason', 'a rejection states its reason', 'extension.reason-required');
    this.self.status = flow.next(this.status, 'reject');
    this.self.decidedOn = on;
    this.self.reason = reason;
    this.record({
      name: 'ExtensionRejected',
      aggregateId: this.id,
      occurredAt: now,
      participationId: this.participationId,
      reason,
      bin: participation.bin,
      refusedOn: on,
      termEnd: participation.termEnd,
    });
    if (participation.isActive() && compareIsoDates(on, participation.termEnd) > 0) participation.endAsPlanned(now, ['F-25']);
  }

  /** F-25 (ADR 0050): an application filed in time that awaits the Fund's decision holds the planned end. */
  get holdsPlannedEnd(): boolean {
    return this.status === 'submitted';
  }
}
