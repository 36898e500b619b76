import type { IsoDate } from '@hub/calendar';
import { AggregateRoot, IllegalStateError, RuleViolationError, ValidationError } from '@hub/kernel';
import type { Delivery } from '../../catalogue/domain/service.aggregate.js';
import type { Mutable } from '../../shared/domain/mutable.js';
import { assertChoiceAllowed, type CommercialOffer } from './rules/commercial-offers.rule.js';

export interface PurchaseEvent {
  readonly name: 'SupplierChosen';
  readonly aggregateId: string;
  readonly occurredAt: Date;
}

/** A purchase of a third-party service (F-56 ¶2): commercial offers collected, then one chosen. */
export class ServicePurchase extends AggregateRoot<PurchaseEvent> {
  readonly id!: string;
  readonly serviceId!: string;
  readonly subject!: string;
  readonly openedOn!: IsoDate;
  readonly offersRequired!: number;
  readonly offers!: readonly CommercialOffer[];
  readonly status!: 'collecting' | 'chosen';
  readonly chosenOfferId!: string | null;
  readonly choiceReason!: string | null;
  readonly version!: number;
  readonly updatedAt!: Date;

  private get m(): Mutable<ServicePurchase> {
    return this;
  }

  /** `offersRequired` is the number in force on the opening day (data, ADR 0064), kept with the purchase. */
  static open(input: {
    id: string;
    serviceId: string;
    delivery: Delivery;
    subject: string;
    openedOn: IsoDate;
    offersRequired: number;
    at: Date;
  }): ServicePurchase {
    if (input.delivery !== 'third-party')
      throw new RuleViolationError('F-56', 'commercial offers are collected for services delivered by a third party', { field: 'serviceId' });
    const subject = input.subject.trim();
    if (subject.length < 3) throw ValidationError.field('subject', 'say what is bought');
    const p = new ServicePurchase();
    const { delivery: _d, at, ...fields } = input;
    Object.assign(p, { ...fields, subject, offers: [], status: 'collecting', chosenOfferId: null, choiceReason: null, updatedAt: at });
    return p;
  }

  addOffer(offer: CommercialOffer, at: Date): void {
    if (this.status !== 'collecting') throw new IllegalStateError('purchase', this.status, 'add an offer to', 'the supplier is already chosen');
    if (this.offers.some((o) => o.supplierBin === offer.supplierBin))
      throw ValidationError.field('supplierBin', 'this supplier already made an offer for this purchase');
    this.m.offers = [...this.offers, offer];
    this.m.updatedAt = at;
  }

  choose(offerId: string, reason: string | undefined, at: Date): void {
    if (this.status !== 'collecting') throw new IllegalStateError('purchase', this.status, 'choose a supplier for', 'the supplier is already chosen');
    assertChoiceAllowed(this.offers, this.offersRequired, offerId, reason);
    this.m.status = 'chosen';
    this.m.chosenOfferId = offerId;
    this.m.choiceReason = reason?.trim() || null;
    this.m.updatedAt = at;
  }
}
