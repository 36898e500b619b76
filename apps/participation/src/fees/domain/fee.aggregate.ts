import { AggregateRoot, ConflictError, IllegalStateError, ValidationError, addTiyn, maxTiyn, subtractTiyn, ZERO, type Tiyn } from '@hub/kernel';
import { compareIsoDates, type IsoDate } from '../../shared/domain/calendar.js';
import { assertQuarterEnded } from './rules/income-declared-after-quarter.rule.js';
import type { FeeEvent } from './fee.events.js';
import type { PricedFee } from './tariff.js';

export type FeeStatus = 'awaiting-declaration' | 'assessed' | 'paid' | 'overdue';
export type PaymentSource = 'manual' | 'bank-statement';

/** The writable view of the fee, for its own methods only (ADR 0035 §1). */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** One payment as the bank (or the finance officer) reports it. */
export interface PaymentInput {
  readonly id: string;
  readonly amount: Tiyn;
  readonly paidOn: IsoDate;
  readonly reference: string;
  readonly source: PaymentSource;
  readonly importId: string | null;
  readonly recordedBy: string;
}

/**
 * One quarter's membership fee (F-21 … F-23): opened when the quarter closes, priced when the
 * participant declares the quarter's income, paid by the 25th of the month after the quarter;
 * unpaid at the due date it is overdue — early-termination ground F-28(6). Amounts are integer
 * tiyn (ADR 0036). Fields are read-only from outside; only the methods below change them.
 */
export class Fee extends AggregateRoot<FeeEvent> {
  readonly id!: string;
  readonly participationId!: string;
  readonly bin!: string;
  readonly year!: number;
  readonly quarter!: number;
  readonly dueDate!: IsoDate;
  readonly status!: FeeStatus;
  readonly declaredIncomeTiyn!: Tiyn | null;
  readonly feeTiyn!: Tiyn | null;
  readonly tariffId!: string | null;
  readonly paidTiyn!: Tiyn;
  readonly declaredAt!: Date | null;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;
  /** Optimistic lock: a concurrent second change of the same record fails instead of overwriting. */
  readonly version!: number;

  private get self(): Mutable<Fee> {
    return this; // readonly is a compile-time view: the methods below are the only writers
  }

  static open(props: { id: string; participationId: string; bin: string; year: number; quarter: number; dueDate: IsoDate }, now: Date): Fee {
    const f = new Fee();
    Object.assign(f, props, {
      status: 'awaiting-declaration',
      declaredIncomeTiyn: null,
      feeTiyn: null,
      tariffId: null,
      paidTiyn: ZERO,
      declaredAt: null,
      createdAt: now,
      updatedAt: now,
    });
    f.record({ name: 'FeeOpened', ...f.facts(now) });
    return f;
  }

  get outstandingTiyn(): Tiyn | null {
    return this.feeTiyn === null ? null : maxTiyn(ZERO, subtractTiyn(this.feeTiyn, this.paidTiyn));
  }

  /**
   * F-21: once the quarter has ended, the participant declares its income once; the fee follows
   * from the tariff (priced by the caller with `Tariff.feeFor`, F-22, F-23).
   */
  declare(income: Tiyn, priced: PricedFee, today: IsoDate, now: Date): void {
    assertQuarterEnded(this.year, this.quarter, today);
    if (this.declaredIncomeTiyn !== null) {
      throw new ConflictError('fee.already-declared', `the income of ${this.year}-Q${this.quarter} was already declared`, { field: 'quarter' });
    }
    const s = this.self;
    s.declaredIncomeTiyn = income;
    s.feeTiyn = priced.fee;
    s.tariffId = priced.tariffId;
    s.declaredAt = now;
    if (this.status === 'awaiting-declaration') s.status = 'assessed';
    this.settleIfPaid();
    s.updatedAt = now;
    this.record({
      name: 'FeeAssessed',
      ...this.facts(now),
      declaredIncome: income,
      fee: priced.fee,
      tariffId: priced.tariffId,
      settled: this.status === 'paid',
    });
  }

  /**
   * F-21: a payment towards this fee. Not dated in the future; not once the fee is paid in full.
   * A payment above the fee is kept (the bank statement is a fact); the outstanding amount floors at 0.
   */
  pay(payment: PaymentInput, today: IsoDate, now: Date): FeePayment {
    if (payment.amount <= 0) throw ValidationError.field('amount', 'a payment must be positive', 'payment.amount');
    if (compareIsoDates(payment.paidOn, today) > 0) throw ValidationError.field('paidOn', 'cannot be in the future', 'payment.future');
    if (this.status === 'paid') {
      throw new IllegalStateError('fee', this.status, 'pay', `the fee of ${this.year}-Q${this.quarter} is already paid in full`);
    }
    const s = this.self;
    s.paidTiyn = addTiyn(this.paidTiyn, payment.amount);
    this.settleIfPaid();
    s.updatedAt = now;
    this.record({
      name: 'FeePaymentReceived',
      ...this.facts(now),
      paymentId: payment.id,
      amount: payment.amount,
      paid: this.paidTiyn,
      settled: (this.status as FeeStatus) === 'paid',
    });
    return FeePayment.of(this, payment, now);
  }

  private settleIfPaid(): void {
    if (this.feeTiyn !== null && this.paidTiyn >= this.feeTiyn) this.self.status = 'paid';
  }

  /** F-21, F-28(6): at the due date an undeclared or not fully paid fee becomes overdue. Returns why, or null. */
  markOverdue(now: Date): 'income-not-declared' | 'not-paid-in-full' | null {
    if (this.status === 'paid' || this.status === 'overdue') return null;
    const reason = this.declaredIncomeTiyn === null ? 'income-not-declared' : 'not-paid-in-full';
    this.self.status = 'overdue';
    this.self.updatedAt = now;
    this.record({ name: 'FeeBecameOverdue', ...this.facts(now), reason, fee: this.feeTiyn, paid: this.paidTiyn, outstanding: this.outstandingTiyn });
    return reason;
  }

  private facts(now: Date) {
    return {
      aggregateId: this.id,
      occurredAt: now,
      participationId: this.participationId,
      bin: this.bin,
      year: this.year,
      quarter: this.quarter,
      dueDate: this.dueDate,
    };
  }
}

/** A payment recorded against a fee (immutable once written; the bank reference is unique). */
export class FeePayment {
  readonly id!: string;
  readonly feeId!: string;
  readonly bin!: string;
  readonly amountTiyn!: Tiyn;
  readonly paidOn!: IsoDate;
  readonly reference!: string;
  readonly source!: PaymentSource;
  readonly importId!: string | null;
  readonly recordedBy!: string;
  readonly recordedAt!: Date;

  static of(fee: Fee, p: PaymentInput, now: Date): FeePayment {
    return Object.assign(new FeePayment(), {
      id: p.id,
      feeId: fee.id,
      bin: fee.bin,
      amountTiyn: p.amount,
      paidOn: p.paidOn,
      reference: p.reference,
      source: p.source,
      importId: p.importId,
      recordedBy: p.recordedBy,
      recordedAt: now,
    });
  }
}
