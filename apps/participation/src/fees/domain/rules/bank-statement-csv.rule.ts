import { CsvError, parse } from 'csv-parse/sync';
import { ValidationError, type FieldIssue, parseKzt, type Tiyn } from '@hub/kernel';
import { validateBin } from '@hub/identifiers';
import { isIsoDate } from '@hub/calendar';

/**
 * F-21 payments by bank-statement import (ADR 0023). The format (README): UTF-8 CSV (RFC 4180,
 * read by `csv-parse`), comma-separated, first record the header `paid_on,bin,amount_kzt,reference,period`,
 * then one payment per record:
 *   paid_on     YYYY-MM-DD, the value date
 *   bin         the payer's 12-digit BIN
 *   amount_kzt  positive decimal KZT text, dot decimal, at most 2 decimals (e.g. 125000.50) — read
 *               exactly into integer tiyn (ADR 0036), never through a float
 *   reference   the bank's unique transaction reference
 *   period      the quarter paid for, YYYY-Qn (e.g. 2026-Q1)
 * Fields may be double-quoted; a quoted field may hold commas, doubled quotes and line breaks.
 * Blank lines are skipped. Any bad record rejects the whole file; every issue names the row
 * (the record's number, the header being row 1) and the column.
 */
export const BANK_STATEMENT_COLUMNS = ['paid_on', 'bin', 'amount_kzt', 'reference', 'period'] as const;

export interface BankStatementRow {
  readonly row: number;
  readonly paidOn: string;
  readonly bin: string;
  readonly amount: Tiyn;
  readonly reference: string;
  readonly year: number;
  readonly quarter: number;
}

const at = (row: number, column: string): string => `csv.row[${row}].${column}`;

interface Parsed {
  readonly record: string[];
  readonly info: { readonly records: number };
}

function records(csv: string): Parsed[] {
  try {
    return parse(csv, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as Parsed[];
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const row = ((e as CsvError & { records?: number }).records ?? 0) + 1;
    throw new ValidationError(
      [{ path: `csv.row[${row}]`, message: `not readable as CSV: ${e.message}`, code: 'csv.syntax' }],
      `the bank statement is not valid CSV (row ${row}): ${e.message}; nothing was imported`,
      'csv.invalid',
    );
  }
}

export function parseBankStatement(csv: string): BankStatementRow[] {
  const all = records(csv);
  const header = (all[0]?.record ?? []).map((h) => h.toLowerCase());
  if (header.join(',') !== BANK_STATEMENT_COLUMNS.join(',')) {
    throw new ValidationError([{ path: 'csv.row[1]', message: `the header must be exactly: ${BANK_STATEMENT_COLUMNS.join(',')}`, code: 'csv.header' }]);
  }
  const issues: FieldIssue[] = [];
  const rows: BankStatementRow[] = [];
  const seen = new Map<string, number>();
  for (const { record: cells, info } of all.slice(1)) {
    const row = info.records; // 1-based record number; the header is row 1
    if (cells.length !== BANK_STATEMENT_COLUMNS.length) {
      issues.push({ path: `csv.row[${row}]`, message: `expected ${BANK_STATEMENT_COLUMNS.length} columns, found ${cells.length}`, code: 'csv.columns' });
      continue;
    }
    const [paidOn, bin, amountText, reference, period] = cells as [string, string, string, string, string];
    const before = issues.length;
    if (!isIsoDate(paidOn)) issues.push({ path: at(row, 'paid_on'), message: 'must be a date YYYY-MM-DD', code: 'csv.date' });
    const binCheck = validateBin(bin, at(row, 'bin'));
    if (!binCheck.ok) issues.push({ path: at(row, 'bin'), message: 'must be a valid 12-digit BIN', code: 'csv.bin' });
    const amount = parseKzt(amountText); // F-21, ADR 0036: decimal text → tiyn, exactly
    if (amount === null || amount <= 0)
      issues.push({ path: at(row, 'amount_kzt'), message: 'must be a positive amount with at most 2 decimals (e.g. 125000.50)', code: 'csv.amount' });
    if (!/^[A-Za-z0-9/_.-]{1,100}$/.test(reference))
      issues.push({ path: at(row, 'reference'), message: 'must be 1–100 letters, digits or / _ . -', code: 'csv.reference' });
    else if (seen.has(reference))
      issues.push({ path: at(row, 'reference'), message: `repeats the reference of row ${seen.get(reference)}`, code: 'csv.duplicate' });
    else seen.set(reference, row);
    const m = /^(\d{4})-Q([1-4])$/.exec(period);
    if (!m) issues.push({ path: at(row, 'period'), message: 'must be a quarter YYYY-Qn', code: 'csv.period' });
    if (issues.length === before) rows.push({ row, paidOn, bin, amount: amount!, reference, year: Number(m![1]), quarter: Number(m![2]) });
  }
  if (issues.length > 0)
    throw new ValidationError(
      issues,
      `the bank statement has ${issues.length} bad value(s); nothing was imported: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      'csv.invalid',
    );
  if (rows.length === 0) throw ValidationError.field('csv', 'the statement has no payment rows', 'csv.empty');
  return rows;
}
