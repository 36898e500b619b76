/**
 * Civil dates as `YYYY-MM-DD` strings. A date here is a day in Asia/Almaty, never an instant:
 * arithmetic is pure integer arithmetic on day numbers (no `Date`, no process time zone).
 */
import { ValidationError } from '@hub/kernel';

/** 'YYYY-MM-DD', a civil date in Asia/Almaty. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 2:
      return isLeapYear(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

function splitIsoDate(v: string): CivilDate | null {
  const m = ISO_DATE.exec(v);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True when `v` is a real calendar date written exactly as `YYYY-MM-DD` (2025-02-29 is not). */
export function isIsoDate(v: string): boolean {
  return typeof v === 'string' && splitIsoDate(v) !== null;
}

/** Returns `v` when it is a valid `YYYY-MM-DD` date; otherwise throws a ValidationError naming `path`. */
export function parseIsoDate(v: string, path = 'date'): IsoDate {
  if (typeof v !== 'string' || splitIsoDate(v) === null) throw invalidDate(v, path);
  return v;
}

function invalidDate(v: unknown, path: string): ValidationError {
  return ValidationError.field(path, `expected a calendar date as 'YYYY-MM-DD', got ${JSON.stringify(v) ?? String(v)}`, 'date.invalid');
}

/** Splits a date that is already known to be valid (throws a ValidationError otherwise). */
export function civilOf(date: IsoDate, path = 'date'): CivilDate {
  const c = typeof date === 'string' ? splitIsoDate(date) : null;
  if (c === null) throw invalidDate(date, path);
  return c;
}

export function formatCivil(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil; exact for the proleptic Gregorian calendar). */
export function epochDayOfCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilOfEpochDay(epochDay: number): CivilDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function toEpochDay(date: IsoDate, path = 'date'): number {
  const c = civilOf(date, path);
  return epochDayOfCivil(c.year, c.month, c.day);
}

export function fromEpochDay(epochDay: number): IsoDate {
  const c = civilOfEpochDay(epochDay);
  return formatCivil(c.year, c.month, c.day);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return isoWeekdayOfEpochDay(toEpochDay(date));
}

export function isoWeekdayOfEpochDay(epochDay: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

function assertInteger(n: number, path: string): void {
  if (!Number.isSafeInteger(n)) {
    throw ValidationError.field(path, `expected an integer, got ${String(n)}`, 'number.not-integer');
  }
}

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'n');
  return fromEpochDay(toEpochDay(date) + n);
}

/** Adds calendar months; the day is clamped to the end of the target month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'n');
  const c = civilOf(date);
  const total = c.year * 12 + (c.month - 1) + n;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  if (year < 1 || year > 9999) {
    throw ValidationError.field('n', `adding ${n} months to ${date} leaves the years 0001–9999`, 'date.out-of-range');
  }
  return formatCivil(year, month, Math.min(c.day, daysInMonth(year, month)));
}

/** Negative when a < b, 0 when equal, positive when a > b (validates both). */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  const da = toEpochDay(a, 'a');
  const db = toEpochDay(b, 'b');
  return da < db ? -1 : da > db ? 1 : 0;
}

export type Quarter = 1 | 2 | 3 | 4;

export function quarterOf(date: IsoDate): { year: number; quarter: Quarter } {
  const c = civilOf(date);
  return { year: c.year, quarter: (Math.floor((c.month - 1) / 3) + 1) as Quarter };
}

function assertQuarter(year: number, quarter: number): void {
  assertInteger(year, 'year');
  if (year < 1 || year > 9999) throw ValidationError.field('year', `expected a year 1–9999, got ${year}`, 'date.out-of-range');
  if (![1, 2, 3, 4].includes(quarter)) {
    throw ValidationError.field('quarter', `expected 1, 2, 3 or 4, got ${String(quarter)}`, 'quarter.invalid');
  }
}

/** The first day of a calendar quarter (quarter 1–4; anything else throws a ValidationError). */
export function quarterStart(year: number, quarter: number): IsoDate {
  assertQuarter(year, quarter);
  return formatCivil(year, (quarter - 1) * 3 + 1, 1);
}

/** The last day of a calendar quarter (31 Mar, 30 Jun, 30 Sep, 31 Dec). */
export function quarterEnd(year: number, quarter: number): IsoDate {
  assertQuarter(year, quarter);
  const month = quarter * 3;
  return formatCivil(year, month, daysInMonth(year, month));
}

export function yearOf(date: IsoDate): number {
  return civilOf(date).year;
}
