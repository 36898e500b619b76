import type { IsoDate } from '@hub/calendar';

/** The Kazakh working-day calendar and the reminder offsets in force (reference data), for reminders (ADR 0093). */
export abstract class ReminderCalendar {
  abstract addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Whether the day is a working day in Kazakhstan (weekends, holidays and transfers as data). */
  abstract isWorkingDay(date: IsoDate): boolean;
  /** ADR 0108: the staff digest lists deadlines due within this many working days (`reminder.staff-review-wd`, in force on `on`). */
  abstract staffReviewWorkingDays(on: IsoDate): number;
  /** How many working days before its due day a fee is reminded of, as in force on `on` (`reminder.fee-due-wd`). */
  abstract feeReminderWorkingDays(on: IsoDate): number;
  /** F-37: the quarterly report is due by the 20th of the month after the quarter (`deadline.quarterly-report-day-of-month`), on a working day. */
  abstract reportDueDate(year: number, quarter: number): IsoDate;
  /** How many working days before its due day a report is reminded of (`reminder.report-due-wd`, ADR 0104). */
  abstract reportReminderWorkingDays(on: IsoDate): number;
  /** ADR 0105: how many working days before its due day an obligation is reminded of (`reminder.information-request-wd`, `reminder.audit-opinion-wd`, `reminder.extension-window-wd`). */
  abstract obligationReminderWorkingDays(key: ObligationReminderKey, on: IsoDate): number;
  /** F-25: the last day an extension application is accepted — `deadline.extension-before-end-wd` WD before the term ends (as participation's `Deadlines.extensionDeadline`). */
  abstract extensionDeadline(termEnd: IsoDate): IsoDate;
}

export type ObligationReminderKey = 'reminder.information-request-wd' | 'reminder.audit-opinion-wd' | 'reminder.extension-window-wd';
