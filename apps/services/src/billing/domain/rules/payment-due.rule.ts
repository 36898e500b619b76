import type { IsoDate } from '@hub/calendar';

/**
 * F-55 (the payment order of the contract): an invoice is due `invoicePaymentWorkingDays` working days
 * after it is issued — the Fund's parameter, effective-dated data (data/services-rules.json, ADR 0066),
 * counted on the Kazakh working-day calendar.
 */
export function invoiceDueOn(issuedOn: IsoDate, workingDays: number, addWorkingDays: (date: IsoDate, n: number) => IsoDate): IsoDate {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new Error(`invoicePaymentWorkingDays must be a positive whole number, got ${workingDays}`);
  return addWorkingDays(issuedOn, workingDays);
}
