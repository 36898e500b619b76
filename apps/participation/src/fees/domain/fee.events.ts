import type { DomainEvent, Tiyn } from '@hub/kernel';
import type { IsoDate } from '../../shared/domain/calendar.js';

/** What every fee event says about the fee it belongs to (the mapper needs no database read). */
interface FeeFacts extends DomainEvent {
  readonly participationId: string;
  readonly bin: string;
  readonly year: number;
  readonly quarter: number;
  readonly dueDate: IsoDate;
}

/** F-21: the quarter closed and its fee is owed, awaiting the income declaration. Internal. */
export interface FeeOpened extends FeeFacts {
  readonly name: 'FeeOpened';
}

/** F-21 … F-23: the quarter's income was declared and the fee priced from the tariff. */
export interface FeeAssessed extends FeeFacts {
  readonly name: 'FeeAssessed';
  readonly declaredIncome: Tiyn;
  readonly fee: Tiyn;
  readonly tariffId: string;
  /** True when payments received before the declaration already cover the fee (it is paid at once). */
  readonly settled?: boolean;
}

/** F-21: a payment was received (by hand or from a bank statement). Internal. */
export interface FeePaymentReceived extends FeeFacts {
  readonly name: 'FeePaymentReceived';
  readonly paymentId: string;
  readonly amount: Tiyn;
  readonly paid: Tiyn;
  readonly settled: boolean;
}

/** F-21, F-28(6): the due date passed with the income undeclared or the fee not paid in full. */
export interface FeeBecameOverdue extends FeeFacts {
  readonly name: 'FeeBecameOverdue';
  readonly reason: 'income-not-declared' | 'not-paid-in-full';
  readonly fee: Tiyn | null;
  readonly paid: Tiyn;
  readonly outstanding: Tiyn | null;
}

export type FeeEvent = FeeOpened | FeeAssessed | FeePaymentReceived | FeeBecameOverdue;
