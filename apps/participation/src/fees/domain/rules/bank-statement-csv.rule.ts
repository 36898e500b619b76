import { ValidationError, type FieldIssue } from '@hub/kernel';
import { validateBin } from '@hub/identifiers';
import { isIsoDate } from '@hub/calendar';

/**
 * F-21 payments by bank-statement import. The format (README): UTF-8 CSV, comma-separated, first
 * line the header `paid_on,bin,amount_kzt,reference,period`, then one payment per line:
 *   paid_on     YYYY-MM-DD, the value date
 *   bin         the payer's 12-digit BIN
 *   amount_kzt  positive, dot decimal, at most 2 decimals (e.g. 125000.50)
 *   reference   the bank's unique transaction reference
 *   period      the quarter paid for, YYYY-Qn (e.g. 2026-Q1)
 * Fields may be double-quoted. Any bad row rejects the whole file; every issue names row and column.
 */
export const BANK_STATEMENT_COLUMNS = ['paid_on', 'bin', 'amount_kzt', 'reference', 'period'] as const;

export interface BankStatementRow {
  readonly row: number;
  readonly paidOn: string;
  readonly bin: string;
  readonly amountKzt: number;
  readonly reference: string;
  readonly year: number;
  readonly quarter: number;
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    }
    else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

const at = (row: number, column: string): string => `csv.row[${row}].${column}`;

export function parseBankStatement(csv: string): BankStatementRow[] {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const issues: FieldIssue[] = [];
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.toLowerCase());
  if (header.join(',') !== BANK_STATEMENT_COLUMNS.join(',')) {
    throw new ValidationError([{ path: 'csv.row[1]', message: `the header must be exactly: ${BANK_STATEMENT_COLUMNS.join(',')}`, code: 'csv.header' }]);
  }
  const rows: BankStatementRow[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const row = i + 1; // 1-based line number, header is row 1
    const cells = splitCsvLine(line);
    if (cells.length !== BANK_STATEMENT_COLUMNS.length) {
      issues.push({ path: `csv.row[${row}]`, message: `expected ${BANK_STATEMENT_COLUMNS.length} columns, found ${cells.length}`, code: 'csv.columns' });
      continue;
    }
    const [paidOn, bin, amount, reference, period] = cells as [string, string, string, string, string];
    const before = issues.length;
    if (!isIsoDate(paidOn)) issues.push({ path: at(row, 'paid_on'), message: 'must be a date YYYY-MM-DD', code: 'csv.date' });
    const binCheck = validateBin(bin, at(row, 'bin'));
    if (!binCheck.ok) issues.push({ path: at(row, 'bin'), message: 'must be a valid 12-digit BIN', code: 'csv.bin' });
    if (!/^\d{1,15}(\.\d{1,2})?$/.test(amount) || Number(amount) <= 0) issues.push({ path: at(row, 'amount_kzt'), message: 'must be a positive amount with at most 2 decimals', code: 'csv.amount' });
    if (!/^[A-Za-z0-9/_.-]{1,100}$/.test(reference)) issues.push({ path: at(row, 'reference'), message: 'must be 1–100 letters, digits or / _ . -', code: 'csv.reference' });
    else if (seen.has(reference)) issues.push({ path: at(row, 'reference'), message: `repeats the reference of row ${seen.get(reference)}`, code: 'csv.duplicate' });
    else seen.set(reference, row);
    const m = /^(\d{4})-Q([1-4])$/.exec(period);
    if (!m) issues.push({ path: at(row, 'period'), message: 'must be a quarter YYYY-Qn', code: 'csv.period' });
    if (issues.length === before) rows.push({ row, paidOn, bin, amountKzt: Number(amount), reference, year: Number(m![1]), quarter: Number(m![2]) });
  }
  if (issues.length > 0) throw new ValidationError(issues, `the bank statement has ${issues.length} bad value(s); nothing was imported: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, 'csv.invalid');
  if (rows.length === 0) throw ValidationError.field('csv', 'the statement has no payment rows', 'csv.empty');
  return rows;
}
