import type { Fee, FeePayment } from '../../domain/fee.aggregate.js';

/** Membership fees (F-21 … F-23), in the current unit of work (ADR 0035 §4). */
export abstract class FeeRepository {
  /** The fee, or NotFoundError. */
  abstract get(id: string): Promise<Fee>;
  abstract findOf(participationId: string, year: number, quarter: number): Promise<Fee | null>;
  /** The fees of a participation's year (F-33: the annual income is their sum). */
  abstract ofYear(participationId: string, year: number): Promise<Fee[]>;
  /** Every fee of these BINs in these years: what a bank statement may pay, in one query. */
  abstract ofBins(bins: readonly string[], years: readonly number[]): Promise<Fee[]>;
  abstract add(fee: Fee): void;
}

/** Payments recorded against fees; a bank reference is recorded once. */
export abstract class FeePaymentRepository {
  /** Which of these bank references are already recorded. */
  abstract recorded(references: readonly string[]): Promise<ReadonlySet<string>>;
  abstract add(payment: FeePayment): void;
}
