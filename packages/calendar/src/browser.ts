/**
 * @hub/calendar for browsers (the `browser` export condition, issue #11): the civil-date arithmetic
 * and Asia/Almaty time without the working-day calendar's file loading (`kz-calendar.ts` reads the
 * shipped data with node:fs). The web app gets it through `@hub/contracts`' zod schemas (IsoDateSchema).
 * Working days are never computed in a browser: the contexts send their dates (ADR 0040).
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
