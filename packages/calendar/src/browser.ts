/**
 * @hub/calendar for browsers (the `browser` export condition, issue #11): the civil-date arithmetic
 * and Asia/Almaty time without the working-day calendar's file loading (`kz-calendar.ts` reads the
 * shipped data with node:fs). The web app gets it through `@hub/contracts`' zod schemas (IsoDateSchema).
 * The contexts send the dates they decide (ADR 0040); ADR 0122: a screen may *preview* working-day dates
 * before anything is recorded (the cluster organiser's announcement, C-12 … C-18) with the shipped years
 * (`shippedKzCalendar`) — a year without data is `calendar.year-not-loaded`, never a guess.
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
export { type WorkingDayCalendar } from './working-day-calendar.js';
export { shippedKzCalendar } from './shipped-kz-calendar.js';
