import type { FeeAssessedV1, FeeOverdueV1, PayloadOf } from '@hub/contracts';
import { formatDate, formatQuarter, formatTenge } from '../language.js';
import type { NoticeDraft } from '../notice-draft.js';

/**
 * F-21 … F-23: the membership fee of a quarter is paid by the 25th of the month after it (moved to
 * the next working day by participation). Three messages, none of them a statutory notice (the
 * rules prescribe none; a company may switch the e-mail copies off, ADR 0093):
 * - the fee assessed: the amount and the due day;
 * - a reminder a few working days before the due day (`reminderDay`, reference data
 *   `reminder.fee-due-wd`);
 * - the fee overdue, with the reason — unpaid fees are ground F-28(6).
 */

type FeeAssessed = PayloadOf<typeof FeeAssessedV1>;

/** The fee in integer tiyn: the v1 tiyn field (ADR 0036), else the legacy KZT amount (at most 2 decimals, so exact once scaled). */
export const feeTiynOf = (e: Pick<FeeAssessed, 'feeTiyn' | 'feeKzt'>): number => e.feeTiyn ?? Math.round(e.feeKzt * 100);

const feeValues = (e: FeeAssessed, portalUrl: string) => (language: Parameters<NoticeDraft['values']>[0]) => ({
  bin: e.bin,
  quarter: formatQuarter(e.year, e.quarter, language),
  fee: formatTenge(feeTiynOf(e), language),
  dueDate: formatDate(e.dueDate, language),
  link: `${portalUrl}/my/fees`,
});

export function feeAssessedNotice(e: FeeAssessed, portalUrl: string): NoticeDraft {
  return { template: 'participation.fee-assessed', role: 'applicant', bin: e.bin, subjectId: e.feeId, dueOn: null, values: feeValues(e, portalUrl) };
}

export function feeDueReminder(e: FeeAssessed, portalUrl: string): NoticeDraft {
  return { template: 'participation.fee-due-reminder', role: 'applicant', bin: e.bin, subjectId: e.feeId, dueOn: null, values: feeValues(e, portalUrl) };
}

/**
 * The working day the reminder goes out: `daysBefore` working days before the due day. None when
 * that day is already past (`today` later than it) or there is no fee to pay.
 */
export function reminderDay(
  e: Pick<FeeAssessed, 'dueDate' | 'feeTiyn' | 'feeKzt'>,
  daysBefore: number,
  today: string,
  addWorkingDays: (date: string, n: number) => string,
): string | null {
  if (feeTiynOf(e) === 0) return null;
  const day = addWorkingDays(e.dueDate, -daysBefore);
  return day < today ? null : day;
}

export function feeOverdueNotice(e: PayloadOf<typeof FeeOverdueV1>, portalUrl: string): NoticeDraft {
  return {
    template: 'participation.fee-overdue',
    role: 'applicant',
    bin: e.bin,
    subjectId: e.feeId,
    dueOn: null,
    values: (language, catalogue) => ({
      bin: e.bin,
      quarter: formatQuarter(e.year, e.quarter, language),
      dueDate: formatDate(e.dueDate, language),
      reason: catalogue.label(`fee-overdue.${e.reason}`, language),
      link: `${portalUrl}/my/fees`,
    }),
  };
}
