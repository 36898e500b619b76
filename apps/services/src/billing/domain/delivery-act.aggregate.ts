import { type IsoDate, compareIsoDates } from '@hub/calendar';
import { AggregateRoot, IllegalStateError, ValidationError } from '@hub/kernel';
import type { RecipientKind } from '../../applications/domain/service-application.types.js';
import type { Mutable } from '../../shared/domain/mutable.js';
import { type BillingEvent, billingEventBase } from './billing.events.js';
import type { ContractTerms } from './invoice.aggregate.js';

export type DeliveryActStatus = 'issued' | 'accepted' | 'disputed';

/**
 * An act of services delivered under a contract (F-55): the Fund states what it delivered in a period;
 * the recipient accepts it, or disputes it with reasons — then the Fund issues a corrected act (a new
 * one; an act is never edited).
 */
export class DeliveryAct extends AggregateRoot<BillingEvent> {
  readonly id!: string;
  readonly number!: string;
  readonly applicationId!: string;
  readonly contractId!: string;
  readonly recipientKind!: RecipientKind;
  readonly recipientId!: string;
  readonly deliveredFrom!: IsoDate;
  readonly deliveredTo!: IsoDate;
  readonly description!: string;
  readonly issuedOn!: IsoDate;
  readonly status!: DeliveryActStatus;
  readonly answeredOn!: IsoDate | null;
  readonly answeredBy!: string | null;
  readonly disputeReason!: string | null;
  readonly version!: number;
  readonly updatedAt!: Date;

  private get m(): Mutable<DeliveryAct> {
    return this;
  }

  static issue(input: {
    id: string;
    number: string;
    contract: ContractTerms;
    contractSignedOn: IsoDate;
    deliveredFrom: IsoDate;
    deliveredTo: IsoDate;
    description: string;
    issuedOn: IsoDate;
    at: Date;
  }): DeliveryAct {
    if (compareIsoDates(input.deliveredFrom, input.deliveredTo) > 0) throw ValidationError.field('deliveredTo', 'the period ends before it starts');
    if (compareIsoDates(input.deliveredFrom, input.contractSignedOn) < 0)
      throw ValidationError.field('deliveredFrom', `services are delivered under the contract signed on ${input.contractSignedOn}`);
    if (compareIsoDates(input.deliveredTo, input.issuedOn) > 0)
      throw ValidationError.field('deliveredTo', 'an act states what was delivered, not what will be');
    const description = input.description.trim();
    if (description.length < 3) throw ValidationError.field('description', 'say what was delivered');
    const a = new DeliveryAct();
    const { contract, at, contractSignedOn: _s, ...fields } = input;
    Object.assign(a, {
      ...fields,
      applicationId: contract.applicationId,
      contractId: contract.contractId,
      recipientKind: contract.recipientKind,
      recipientId: contract.recipientId,
      description,
      status: 'issued',
      answeredOn: null,
      answeredBy: null,
      disputeReason: null,
      updatedAt: at,
    });
    a.record({ name: 'DeliveryActIssued', ...billingEventBase(a, at), number: a.number, deliveredTo: a.deliveredTo });
    return a;
  }

  accept(by: string, today: IsoDate, at: Date): void {
    this.assertIssued('accept');
    this.m.status = 'accepted';
    this.m.answeredOn = today;
    this.m.answeredBy = by;
    this.m.updatedAt = at;
    this.record({ name: 'DeliveryActAccepted', ...billingEventBase(this, at), number: this.number, acceptedOn: today });
  }

  dispute(by: string, reason: string, today: IsoDate, at: Date): void {
    this.assertIssued('dispute');
    if (reason.trim().length < 3) throw ValidationError.field('reason', 'say what is wrong with the act');
    this.m.status = 'disputed';
    this.m.answeredOn = today;
    this.m.answeredBy = by;
    this.m.disputeReason = reason.trim();
    this.m.updatedAt = at;
    this.record({ name: 'DeliveryActDisputed', ...billingEventBase(this, at), number: this.number });
  }

  private assertIssued(attempted: string): void {
    if (this.status !== 'issued') throw new IllegalStateError('delivery act', this.status, attempted, 'the recipient already answered it');
  }
}
