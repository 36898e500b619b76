import type { IsoDate } from '@hub/calendar';
import { formatDate, formatQuarter } from '../language.js';
import type { NoticeDraft } from '../notice-draft.js';

/** A quarterly activity report to be reminded of (F-37, F-39): its quarter, due day and reminder day. */
export interface ReportReminder {
  readonly year: number;
  readonly quarter: number;
  readonly dueDate: IsoDate;
  readonly day: IsoDate;
}

/** What the reminder needs of the calendar and the reference data in force. */
export interface ReportReminderCalendar {
  /** F-37: the report of a quarter is due by the 20th of the month after it, moved to the next working day. */
  reportDueDate(year: number, quarter: number): IsoDate;
  /** `reminder.report-due-wd` in force on `on`. */
  reportReminderWorkingDays(on: IsoDate): number;
  addWorkingDays(date: IsoDate, n: number): IsoDate;
}

const quarterOf = (date: IsoDate): { year: number; quarter: number } => ({
  year: Number(date.slice(0, 4)),
  quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1,
});
export const quarterStart = (year: number, quarter: number): IsoDate => `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;

/**
 * F-37 reminder (ADR 0104): the first report of a participation active from `from` to `termEnd` whose
 * reminder day — `reminder.report-due-wd` working days before its due day — is still ahead of
 * `today` and that is not reported yet (`reported`: participation's `report-submitted` facts, ADR
 * 0105 — a company that reported early is not reminded). Every calendar quarter that begins on or
 * before the term's end has a report (the one in which the term ends included). Null when none is left.
 */
export function nextReportReminder(
  term: { from: IsoDate; termEnd: IsoDate },
  today: IsoDate,
  calendar: ReportReminderCalendar,
  reported: (year: number, quarter: number) => boolean = () => false,
): ReportReminder | null {
  let { year, quarter } = quarterOf(term.from);
  // 200 quarters: a bound, not a business rule — terms are years, not decades.
  for (let i = 0; i < 200 && quarterStart(year, quarter) <= term.termEnd; i++) {
    const dueDate = calendar.reportDueDate(year, quarter);
    const day = calendar.addWorkingDays(dueDate, -calendar.reportReminderWorkingDays(dueDate));
    if (day > today && !reported(year, quarter)) return { year, quarter, dueDate, day };
    [year, quarter] = quarter === 4 ? [year + 1, 1] : [year, quarter + 1];
  }
  return null;
}

/** The reminder's message (not statutory: the company may switch its e-mail copies off, ADR 0093). */
export function reportDueReminder(
  r: { participationId: string; bin: string; year: number; quarter: number; dueDate: IsoDate },
  portalUrl: string,
): NoticeDraft {
  return {
    template: 'participation.report-due-reminder',
    role: 'applicant',
    bin: r.bin,
    subjectId: r.participationId,
    dueOn: null,
    values: (language) => ({
      bin: r.bin,
      quarter: formatQuarter(r.year, r.quarter, language),
      dueDate: formatDate(r.dueDate, language),
      link: `${portalUrl}/my/reports`,
    }),
  };
}
