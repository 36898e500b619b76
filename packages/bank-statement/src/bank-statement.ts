import { CsvError, parse } from 'csv-parse/sync';
import { isIsoDate, type IsoDate } from '@hub/calendar';
import { ValidationError, parseKzt, type FieldIssue, type Tiyn } from '@hub/kernel';

/**
 * The Fund's bank-statement CSV (ADR 0023 for membership fees, ADR 0066 for service contracts): UTF-8
 * CSV (RFC 4180, read by `csv-parse`), comma-separated, the first record a header of exactly five
 * columns, then one payment per record:
 *   paid_on       YYYY-MM-DD, the value date
 *   <payer>       who paid (fees: `bin`; services: `payer`, a BIN or an IIN)
 *   amount_kzt    positive decimal KZT text, dot decimal, at most 2 decimals (e.g. 125000.50) — read
 *                 exactly into integer tiyn (ADR 0036), never through a float
 *   reference     the bank's unique transaction reference
 *   <purpose>     what the payment is for (fees: `period`, a quarter; services: `invoice`, a number)
 * Fields may be double-quoted; a quoted field may hold commas, doubled quotes and line breaks. Blank
 * lines are skipped. Any bad record rejects the whole file; every issue names the row (the record's
 * number, the header being row 1) and the column.
 */
export interface StatementFormat<P> {
  /** The header of the payer column, e.g. `bin`. */
  readonly payerColumn: string;
  /** The header of the purpose column, e.g. `period`. */
  readonly purposeColumn: string;
  /** The payer as stored, or the message of the issue (the column is named by the parser). */
  readonly readPayer: (text: string) => { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };
  /** The purpose as the caller needs it, or the message of the issue. */
  readonly readPurpose: (text: string) => { readonly ok: true; readonly value: P } | { readonly ok: false; readonly message: string };
}

export interface StatementRow<P> {
  /** The record's number in the file (the header is row 1). */
  readonly row: number;
  readonly paidOn: IsoDate;
  readonly payer: string;
  readonly amount: Tiyn;
  readonly reference: string;
  readonly purpose: P;
}

export const columnsOf = (format: StatementFormat<unknown>): readonly string[] => [
  'paid_on',
  format.payerColumn,
  'amount_kzt',
  'reference',
  format.purposeColumn,
];

/** The issue path of a cell: `csv.row[3].amount_kzt`. */
export const cellPath = (row: number, column: string): string => `csv.row[${row}].${column}`;

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

/** Reads a whole statement or throws one ValidationError naming every bad cell; nothing partial. */
export function parseStatement<P>(csv: string, format: StatementFormat<P>): StatementRow<P>[] {
  const columns = columnsOf(format);
  const all = records(csv);
  const header = (all[0]?.record ?? []).map((h) => h.toLowerCase());
  if (header.join(',') !== columns.join(',')) {
    throw new ValidationError([{ path: 'csv.row[1]', message: `the header must be exactly: ${columns.join(',')}`, code: 'csv.header' }]);
  }
  const issues: FieldIssue[] = [];
  const rows: StatementRow<P>[] = [];
  const seen = new Map<string, number>();
  for (const { record: cells, info } of all.slice(1)) {
    const row = info.records; // 1-based record number; the header is row 1
    if (cells.length !== columns.length) {
      issues.push({ path: `csv.row[${row}]`, message: `expected ${columns.length} columns, found ${cells.length}`, code: 'csv.columns' });
      continue;
    }
    const [paidOn, payerText, amountText, reference, purposeText] = cells as [string, string, string, string, string];
    const before = issues.length;
    if (!isIsoDate(paidOn)) issues.push({ path: cellPath(row, 'paid_on'), message: 'must be a date YYYY-MM-DD', code: 'csv.date' });
    const payer = format.readPayer(payerText);
    if (!payer.ok) issues.push({ path: cellPath(row, format.payerColumn), message: payer.message, code: `csv.${format.payerColumn}` });
    const amount = parseKzt(amountText); // ADR 0036: decimal text → tiyn, exactly
    if (amount === null || amount <= 0)
      issues.push({ path: cellPath(row, 'amount_kzt'), message: 'must be a positive amount with at most 2 decimals (e.g. 125000.50)', code: 'csv.amount' });
    if (!/^[A-Za-z0-9/_.-]{1,100}$/.test(reference))
      issues.push({ path: cellPath(row, 'reference'), message: 'must be 1–100 letters, digits or / _ . -', code: 'csv.reference' });
    else if (seen.has(reference))
      issues.push({ path: cellPath(row, 'reference'), message: `repeats the reference of row ${seen.get(reference)}`, code: 'csv.duplicate' });
    else seen.set(reference, row);
    const purpose = format.readPurpose(purposeText);
    if (!purpose.ok) issues.push({ path: cellPath(row, format.purposeColumn), message: purpose.message, code: `csv.${format.purposeColumn}` });
    if (issues.length === before && payer.ok && purpose.ok) rows.push({ row, paidOn, payer: payer.value, amount: amount!, reference, purpose: purpose.value });
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
