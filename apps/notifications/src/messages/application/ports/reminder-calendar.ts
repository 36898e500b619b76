import type { IsoDate } from '@hub/calendar';

/** The Kazakh working-day calendar and the reminder offsets in force (reference data), for reminders (ADR 0093). */
export abstract class ReminderCalendar {
  abstract addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** How many working days before its due day a fee is reminded of, as in force on `on` (`reminder.fee-due-wd`). */
  abstract feeReminderWorkingDays(on: IsoDate): number;
}
