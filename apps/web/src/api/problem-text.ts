// A field problem of a context's problem+json in the reader's language: the platform sends zod's issue
// codes for request errors (400) and the domain's stable codes (`bin.check-digit`, `csv.amount`, …) for
// 422; each known code has a message in kk/ru/en. The server's English text is shown only when a code
// has no message yet (and the check:i18n script keeps the three catalogues equal).
import type { FieldProblem } from './client';
import type { MessageId } from '../i18n/locales';

const BY_CODE: Readonly<Record<string, MessageId>> = {
  invalid_type: 'problem.required',
  too_small: 'problem.tooSmall',
  too_big: 'problem.tooBig',
  invalid_format: 'problem.format',
  invalid_string: 'problem.format',
  invalid_value: 'problem.choice',
  invalid_enum_value: 'problem.choice',
  unrecognized_keys: 'problem.unknownField',
  'bin.required': 'problem.required',
  'iin.required': 'problem.required',
  'bin.format': 'problem.binFormat',
  'iin.format': 'problem.iinFormat',
  'bin.check-digit': 'problem.checkDigit',
  'iin.check-digit': 'problem.checkDigit',
  'bin.is-iin': 'problem.binIsIin',
  'iin.is-bin': 'problem.iinIsBin',
  'money.not-integer': 'problem.amount',
  'money.too-large': 'problem.tooBig',
  'csv.syntax': 'problem.csv.syntax',
  'csv.header': 'problem.csv.header',
  'csv.columns': 'problem.csv.columns',
  'csv.date': 'problem.csv.date',
  'csv.amount': 'problem.csv.amount',
  'csv.reference': 'problem.csv.reference',
  'csv.duplicate': 'problem.csv.duplicate',
  'csv.payer': 'problem.csv.payer',
  'csv.invoice': 'problem.csv.invoice',
  'csv.no-invoice': 'problem.csv.noInvoice',
  'csv.other-payer': 'problem.csv.otherPayer',
  'csv.already-recorded': 'problem.csv.alreadyRecorded',
  'csv.refused': 'problem.csv.refused',
};

/** The message id of a problem's code, when the web has one. */
export function problemMessageId(code: string | undefined): MessageId | undefined {
  return code === undefined ? undefined : BY_CODE[code];
}

/** The problem in the reader's language (the server's text when its code is not known here). */
export function problemText(p: FieldProblem, t: (id: MessageId) => string): string {
  const id = problemMessageId(p.code);
  return id ? t(id) : p.message;
}

/** `csv.row[3].amount_kzt` → { row: 3, column: 'amount_kzt' } (the bank statement's cell paths, ADR 0066). */
export function csvCell(field: string): { row: number; column: string | null } | null {
  const m = /^csv\.row\[(\d+)\](?:\.([a-z_]+))?$/.exec(field);
  return m ? { row: Number(m[1]), column: m[2] ?? null } : null;
}
