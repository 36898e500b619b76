/**
 * @hub/calendar — the Kazakh working-day calendar and civil-date arithmetic in Asia/Almaty.
 * Every statutory deadline ("within 5 WD", "no later than 10 WD before") is computed here.
 */
export {
  addCalendarDays,
  addMonths,
  compareIsoDates,
  isIsoDate,
  isoWeekday,
  parseIsoDate,
  quarterEnd,
  quarterOf,
  quarterStart,
  type IsoDate,
  type Quarter,
} from './iso-date.js';
export { ALMATY_TIME_ZONE, almatyDate, endOfAlmatyDay, startOfAlmatyDay } from './almaty-time.js';
export { CALENDAR_DIR_ENV, CalendarDataError, CalendarYearNotLoadedError } from './calendar.errors.js';
export {
  validateCalendarYearData,
  type CalendarExpectedShift,
  type CalendarHoliday,
  type CalendarNonShiftingDayOff,
  type CalendarPendingDay,
  type CalendarTransfer,
  type CalendarYearData,
  type CalendarYearStatus,
} from './calendar-data.js';
export { type CalendarYearSource, type WorkingDayCalendar } from './working-day-calendar.js';
export { SHIPPED_KZ_DATA_DIR, kzCalendar, readCalendarDir, workingDayCalendarFrom, type KzCalendarOptions } from './kz-calendar.js';
export { shippedKzCalendar } from './shipped-kz-calendar.js';
