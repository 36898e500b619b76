/** The date helpers the domain uses, in one place (re-exported from @hub/calendar). */
export {
  addCalendarDays,
  addMonths,
  almatyDate,
  compareIsoDates,
  quarterEnd,
  quarterOf,
  quarterStart,
  startOfAlmatyDay,
  type IsoDate,
  type WorkingDayCalendar,
} from '@hub/calendar';

export const formatIsoDate = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The quarter before the one that contains `date`. */
export function previousQuarter(year: number, quarter: number): { year: number; quarter: number } {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
}

export function nextQuarter(year: number, quarter: number): { year: number; quarter: number } {
  return quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: quarter + 1 };
}

export const quarterLabel = (year: number, quarter: number): string => `${year}-Q${quarter}`;
