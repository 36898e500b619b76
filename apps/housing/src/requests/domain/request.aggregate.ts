import { type IsoDate, addCalendarDays } from '@hub/calendar';
import { AggregateRoot, ValidationError } from '@hub/kernel';
import type { Mutable } from './mutable.js';
import type { HousingRequestEvent } from './request.events.js';
import { assertMayOpenAnotherRequest } from './rules/open-requests-limit.rule.js';

export type RequestStatus = 'open' | 'overdue';

/** PLACEHOLDER: the review period in calendar days; take the real one (and its rule ID) from the rules. */
export const REVIEW_PERIOD_DAYS = 10;

/**
 * The example aggregate of a generated context (ADR 0035 §1–2): a company's request to the Fund.
 * A plain domain class — no decorators, no ORM import; `infrastructure/request.schema.ts` maps it.
 * Fields are readonly from outside; only its methods change them, checking the rules and recording
 * past-tense events that the unit of work hands to the integration-event mapper.
 */
export class HousingRequest extends AggregateRoot<HousingRequestEvent> {
  readonly id!: string;
  readonly bin!: string;
  readonly subject!: string;
  readonly status!: RequestStatus;
  readonly openedAt!: Date;
  readonly reviewDueOn!: IsoDate;
  readonly version!: number;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;

  private get m(): Mutable<HousingRequest> {
    return this; // the same object, typed with its fields writable (for this class's own methods)
  }

  /** A company opens a request; F-00 (placeholder) limits how many it may have open. */
  static open(input: { id: string; bin: string; subject: string; openedOn: IsoDate; at: Date; openRequestsOfCompany: number }): HousingRequest {
    const subject = input.subject.trim();
    if (subject.length < 3) throw ValidationError.field('subject', 'say in a few words what the request is about');
    assertMayOpenAnotherRequest(input.openRequestsOfCompany);
    const r = new HousingRequest();
    const reviewDueOn = addCalendarDays(input.openedOn, REVIEW_PERIOD_DAYS);
    Object.assign(r, { id: input.id, bin: input.bin, subject, status: 'open', openedAt: input.at, reviewDueOn, createdAt: input.at, updatedAt: input.at });
    r.record({ name: 'RequestOpened', aggregateId: input.id, occurredAt: input.at, bin: input.bin, subject, reviewDueOn });
    return r;
  }

  /** The review period ended with the request still open. Idempotent: a request already overdue stays as it is. */
  markOverdue(at: Date): void {
    if (this.status !== 'open') return;
    this.m.status = 'overdue';
    this.m.updatedAt = at;
    this.record({ name: 'RequestBecameOverdue', aggregateId: this.id, occurredAt: at, bin: this.bin, reviewDueOn: this.reviewDueOn });
  }
}
