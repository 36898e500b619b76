import { type IsoDate, compareIsoDates } from '@hub/calendar';
import { AggregateRoot, IllegalStateError, RuleViolationError, ValidationError, type Tiyn, addTiyn, subtractTiyn, tiyn } from '@hub/kernel';
import type { RecipientKind } from '../../applications/domain/service-application.types.js';
import type { Mutable } from '../../shared/domain/mutable.js';
import { type BillingEvent, billingEventBase } from './billing.events.js';

export type InvoiceStatus = 'issued' | 'paid' | 'cancelled';
export type PaymentSource = 'manual' | 'bank-statement';

/** One payment against an invoice: immutable once recorded; the bank's reference is unique platform-wide in services. */
export interface InvoicePayment {
  readonly id: string;
  readonly invoiceId: string;
  readonly amountTiyn: Tiyn;
  readonly paidOn: IsoDate;
  readonly reference: string;
  readonly source: PaymentSource;
  readonly importId: string | null;
  readonly recordedBy: string;
  readonly recordedAt: Date;
}

/** The contract an invoice is issued under (F-55): what the application's contract fixed (F-56). */
export interface ContractTerms {
  readonly applicationId: string;
  readonly contractId: string;
  readonly recipientKind: RecipientKind;
  readonly recipientId: string;
  readonly contractPriceTiyn: Tiyn;
}

/**
 * An invoice under a service contract (F-55: "the payment order and amount"). Issued for part or all
 * of the contract amount, due on a working day (ADR 0066); paid by one or more payments, never more
 * than it asks; overdue when the due day ends unpaid (a durable timer); cancelled only while unpaid.
 */
export class Invoice extends AggregateRoot<BillingEvent> {
  readonly id!: string;
  readonly number!: string;
  readonly applicationId!: string;
  readonly contractId!: string;
  readonly recipientKind!: RecipientKind;
  readonly recipientId!: string;
  readonly amountTiyn!: Tiyn;
  readonly paidTiyn!: Tiyn;
  readonly purpose!: string;
  readonly issuedOn!: IsoDate;
  readonly dueOn!: IsoDate;
  readonly status!: InvoiceStatus;
  readonly overdue!: boolean;
  readonly paidOn!: IsoDate | null;
  readonly cancelReason!: string | null;
  readonly issuedBy!: string;
  readonly version!: number;
  readonly updatedAt!: Date;

  private get m(): Mutable<Invoice> {
    return this;
  }

  get outstandingTiyn(): Tiyn {
    return subtractTiyn(this.amountTiyn, this.paidTiyn);
  }

  static issue(input: {
    id: string;
    number: string;
    contract: ContractTerms;
    amountTiyn: number;
    purpose: string;
    issuedOn: IsoDate;
    dueOn: IsoDate;
    issuedBy: string;
    at: Date;
  }): Invoice {
    const amount = tiyn(input.amountTiyn, 'amountTiyn');
    if (amount <= 0) throw ValidationError.field('amountTiyn', 'an invoice asks for a positive amount');
    const purpose = input.purpose.trim();
    if (purpose.length < 3) throw ValidationError.field('purpose', 'say what the invoice is for (e.g. “100 % prepayment under the contract”)');
    const i = new Invoice();
    Object.assign(i, {
      id: input.id,
      number: input.number,
      applicationId: input.contract.applicationId,
      contractId: input.contract.contractId,
      recipientKind: input.contract.recipientKind,
      recipientId: input.contract.recipientId,
      amountTiyn: amount,
      paidTiyn: tiyn(0),
      purpose,
      issuedOn: input.issuedOn,
      dueOn: input.dueOn,
      status: 'issued',
      overdue: false,
      paidOn: null,
      cancelReason: null,
      issuedBy: input.issuedBy,
      updatedAt: input.at,
    });
    i.record({ name: 'InvoiceIssued', ...billingEventBase(i, input.at), number: i.number, amountTiyn: amount, issuedOn: i.issuedOn, dueOn: i.dueOn });
    return i;
  }

  /**
   * F-55: a payment of the recipient against this invoice. A payment larger than what is outstanding is
   * refused (the Fund returns overpayments by its own procedure, not by this platform); a payment dated
   * before the invoice or in the future is refused.
   */
  pay(
    input: Omit<InvoicePayment, 'invoiceId' | 'recordedAt' | 'amountTiyn'> & { amountTiyn: number },
    today: IsoDate,
    at: Date,
    field = 'amountTiyn',
  ): InvoicePayment {
    if (this.status !== 'issued')
      throw new IllegalStateError('invoice', this.status, 'record a payment against', this.status === 'paid' ? 'it is paid in full' : 'it was cancelled');
    const amount = tiyn(input.amountTiyn, field);
    if (amount <= 0) throw ValidationError.field(field, 'a payment is a positive amount');
    if (amount > this.outstandingTiyn)
      throw new RuleViolationError('F-55', `the payment exceeds what the invoice ${this.number} still asks (${this.outstandingTiyn} tiyn)`, { field });
    if (compareIsoDates(input.paidOn, today) > 0) throw ValidationError.field('paidOn', 'a payment cannot be dated in the future');
    if (compareIsoDates(input.paidOn, this.issuedOn) < 0) throw ValidationError.field('paidOn', `the invoice was issued on ${this.issuedOn}`);
    const payment: InvoicePayment = { ...input, amountTiyn: amount, invoiceId: this.id, recordedAt: at };
    this.m.paidTiyn = addTiyn(this.paidTiyn, amount);
    this.m.updatedAt = at;
    this.record({
      name: 'PaymentRecorded',
      ...billingEventBase(this, at),
      number: this.number,
      paymentId: payment.id,
      amountTiyn: amount,
      paidOn: input.paidOn,
      outstandingTiyn: this.outstandingTiyn,
    });
    if (this.outstandingTiyn === 0) {
      this.m.status = 'paid';
      this.m.paidOn = input.paidOn;
      this.record({ name: 'InvoicePaid', ...billingEventBase(this, at), number: this.number, amountTiyn: this.amountTiyn, paidOn: input.paidOn });
    }
    return payment;
  }

  /** The due day ended (durable timer): an invoice still unpaid is overdue; a paid or cancelled one is left as it is. */
  markOverdue(at: Date): void {
    if (this.status !== 'issued' || this.overdue) return;
    this.m.overdue = true;
    this.m.updatedAt = at;
    this.record({ name: 'InvoiceOverdue', ...billingEventBase(this, at), number: this.number, dueOn: this.dueOn });
  }

  /** An invoice issued in error is cancelled with a reason while nothing is paid on it; its amount can be invoiced again. */
  cancel(reason: string, at: Date): void {
    if (this.status !== 'issued') throw new IllegalStateError('invoice', this.status, 'cancel', 'only an unpaid invoice is cancelled');
    if (this.paidTiyn > 0) throw new IllegalStateError('invoice', 'partly paid', 'cancel', 'payments are recorded against it');
    if (reason.trim().length < 3) throw ValidationError.field('reason', 'say why the invoice is cancelled');
    this.m.status = 'cancelled';
    this.m.cancelReason = reason.trim();
    this.m.updatedAt = at;
  }
}
