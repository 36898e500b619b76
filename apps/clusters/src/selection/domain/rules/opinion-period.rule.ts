import { type IsoDate, addCalendarDays } from '@hub/calendar';

/**
 * C-16: the institute's analysis and recommendatory opinions are given no later than
 * `calendarDays` (60 under the 2015 set) **calendar** days after the application deadline — counted
 * from the deadline's day in Asia/Almaty, weekends and holidays included.
 */
export function expertOpinionsDueOn(deadlineOn: IsoDate, calendarDays: number): IsoDate {
  return addCalendarDays(deadlineOn, calendarDays);
}
