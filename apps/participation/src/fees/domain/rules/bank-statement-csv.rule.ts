import { parseStatement, type StatementFormat } from '@hub/bank-statement';
import { validateBin } from '@hub/identifiers';
import type { Tiyn } from '@hub/kernel';

/**
 * F-21 payments by bank-statement import (ADR 0023): the Fund's statement CSV (`@hub/bank-statement`,
 * its format described there and in the README) with the header `paid_on,bin,amount_kzt,reference,period`
 * — the payer is a company's 12-digit BIN and the purpose the quarter paid for, YYYY-Qn (e.g. 2026-Q1).
 */
const FEES_FORMAT: StatementFormat<{ year: number; quarter: number }> = {
  payerColumn: 'bin',
  purposeColumn: 'period',
  readPayer: (text) => (validateBin(text, 'bin').ok ? { ok: true, value: text } : { ok: false, message: 'must be a valid 12-digit BIN' }),
  readPurpose: (text) => {
    const m = /^(\d{4})-Q([1-4])$/.exec(text);
    return m ? { ok: true, value: { year: Number(m[1]), quarter: Number(m[2]) } } : { ok: false, message: 'must be a quarter YYYY-Qn' };
  },
};

export interface BankStatementRow {
  readonly row: number;
  readonly paidOn: string;
  readonly bin: string;
  readonly amount: Tiyn;
  readonly reference: string;
  readonly year: number;
  readonly quarter: number;
}

export function parseBankStatement(csv: string): BankStatementRow[] {
  return parseStatement(csv, FEES_FORMAT).map(({ purpose, payer, ...r }) => ({ ...r, bin: payer, ...purpose }));
}
