import { ConflictError, IllegalStateError } from '@hub/kernel';
import { roundKzt, type IsoDate } from '../../shared/domain/calendar.js';

export type FeeStatus = 'awaiting-declaration' | 'assessed' | 'paid' | 'overdue';

/**
 * One quarter's membership fee (F-21 … F-23): opened when the quarter closes, priced when the
 * participant declares the quarter's income, paid by the 25th of the month after the quarter;
 * unpaid at the due date it is overdue — early-termination ground F-28(6).
 */
export class Fee {
  id!: string;
  participationId!: string;
  bin!: string;
  year!: number;
  quarter!: number;
  dueDate!: IsoDate;
  status!: FeeStatus;
  declaredIncomeKzt!: number | null;
  feeKzt!: number | null;
  tariffId!: string | null;
  paidKzt!: number;
  declaredAt!: Date | null;
  createdAt!: Date;
  updatedAt!: Date;
  /** Optimistic lock: a concurrent second change of the same record fails instead of overwriting. */
  version!: number;


  static open(props: { id: string; participationId: string; bin: string; year: number; quarter: number; dueDate: IsoDate }, now: Date): Fee {
    const f = new Fee();
    Object.assign(f, props, { status: 'awaiting-declaration', declaredIncomeKzt: null, feeKzt: null, tariffId: null, paidKzt: 0, declaredAt: null, createdAt: now, updatedAt: now });
    return f;
  }

  get outstandingKzt(): number | null {
    return this.feeKzt === null ? null : Math.max(0, roundKzt(this.feeKzt - this.paidKzt));
  }

  /** F-21: the participant declares the quarter's income once; the fee follows from the tariff. */
  declare(incomeKzt: number, priced: { tariffId: string; feeKzt: number }, now: Date): void {
    if (this.declaredIncomeKzt !== null) {
      throw new ConflictError('fee.already-declared', `the income of ${this.year}-Q${this.quarter} was already declared (${this.declaredIncomeKzt} KZT)`, { field: 'quarter' });
    }
    this.declaredIncomeKzt = roundKzt(incomeKzt);
    this.feeKzt = priced.feeKzt;
    this.tariffId = priced.tariffId;
    this.declaredAt = now;
    if (this.status === 'awaiting-declaration') this.status = 'assessed';
    this.settleIfPaid();
    this.updatedAt = now;
  }

  pay(amountKzt: number, now: Date): void {
    if (this.status === 'paid' && this.feeKzt !== null && this.paidKzt >= this.feeKzt) {
      throw new IllegalStateError('fee', this.status, 'pay', `the fee of ${this.year}-Q${this.quarter} is already paid in full`);
    }
    this.paidKzt = roundKzt(this.paidKzt + amountKzt);
    this.settleIfPaid();
    this.updatedAt = now;
  }

  private settleIfPaid(): void {
    if (this.feeKzt !== null && this.paidKzt >= this.feeKzt) this.status = 'paid';
  }

  /** F-21: at the due date an undeclared or not fully paid fee becomes overdue. Returns why, or null. */
  markOverdue(now: Date): 'income-not-declared' | 'not-paid-in-full' | null {
    if (this.status === 'paid' || this.status === 'overdue') return null;
    const reason = this.declaredIncomeKzt === null ? 'income-not-declared' : 'not-paid-in-full';
    this.status = 'overdue';
    this.updatedAt = now;
    return reason;
  }
}

export class FeePayment {
  id!: string;
  feeId!: string;
  bin!: string;
  amountKzt!: number;
  paidOn!: IsoDate;
  reference!: string;
  source!: 'manual' | 'bank-statement';
  importId!: string | null;
  recordedBy!: string;
  recordedAt!: Date;
}
