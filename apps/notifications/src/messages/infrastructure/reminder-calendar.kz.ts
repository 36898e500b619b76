import { type IsoDate, type WorkingDayCalendar, kzCalendar } from '@hub/calendar';
import { type ReferenceData, referenceData } from '@hub/reference-data';
import { ReminderCalendar } from '../application/ports/reminder-calendar.js';

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

  feeReminderWorkingDays(on: IsoDate): number {
    return this.reference.numberAt('reminder.fee-due-wd', on);
  }
}
