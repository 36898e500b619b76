import { type IsoDate, type WorkingDayCalendar, kzCalendar } from '@hub/calendar';
import { type ReferenceData, referenceData } from '@hub/reference-data';
import { type ObligationReminderKey, ReminderCalendar } from '../application/ports/reminder-calendar.js';

/** The shipped Kazakh calendar and the platform's reference data (effective-dated). */
export class KzReminderCalendar extends ReminderCalendar {
  constructor(
    private readonly calendar: WorkingDayCalendar = kzCalendar(),
    private readonly reference: ReferenceData = referenceData(),
  ) {
    super();
  }

  addWorkingDays(date: IsoDate, n: number): IsoDate {
    return this.calendar.addWorkingDays(date, n);
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.calendar.isWorkingDay(date);
  }

  staffReviewWorkingDays(on: IsoDate): number {
    return this.reference.numberAt('reminder.staff-review-wd', on);
  }

  feeReminderWorkingDays(on: IsoDate): number {
    return this.reference.numberAt('reminder.fee-due-wd', on);
  }

  /** As participation's `Deadlines.reportDueDate` (the owner of the deadline): the day of the month in force on the day after the quarter, moved to the next working day. */
  reportDueDate(year: number, quarter: number): IsoDate {
    const next = quarter === 4 ? `${year + 1}-01` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}`;
    const day = this.reference.numberAt('deadline.quarterly-report-day-of-month', `${next}-01`);
    const date = `${next}-${String(day).padStart(2, '0')}`;
    return this.calendar.isWorkingDay(date) ? date : this.calendar.nextWorkingDay(date);
  }

  reportReminderWorkingDays(on: IsoDate): number {
    return this.reference.numberAt('reminder.report-due-wd', on);
  }

  obligationReminderWorkingDays(key: ObligationReminderKey, on: IsoDate): number {
    return this.reference.numberAt(key, on);
  }

  extensionDeadline(termEnd: IsoDate): IsoDate {
    return this.calendar.addWorkingDays(termEnd, -this.reference.numberAt('deadline.extension-before-end-wd', termEnd));
  }
}
