/**
 * The per-year data file (`data/kz/<year>.json`) and its validation. Hand-written on purpose:
 * the package has no runtime dependency but the kernel, and every issue names the field.
 * The format is documented in the package README.
 */
import type { FieldIssue } from '@hub/kernel';
import { CalendarDataError } from './calendar.errors.js';
import { isIsoDate, type IsoDate } from './iso-date.js';

/** A national or state holiday (Law No. 267 "On holidays", art. 1–2). */
export interface CalendarHoliday {
  readonly date: IsoDate;
  readonly name: string;
  /** Law No. 267 art. 5: when the holiday falls on a day off, the next working day is a day off. */
  readonly shiftsOnWeekend: boolean;
  readonly basis?: string;
}

/** A day off that is not a state holiday and never moves (Labour Code art. 84(5): 7 Jan, first day of Kurban Ait). */
export interface CalendarNonShiftingDayOff {
  readonly date: IsoDate;
  readonly name: string;
  readonly basis?: string;
}

/**
 * A transfer of a day off by order of the labour ministry (Labour Code art. 85(3)): `dayOff` (a
 * working day) becomes a day off, `workingDay` (a day off) becomes a working day.
 */
export interface CalendarTransfer {
  readonly dayOff: IsoDate;
  readonly workingDay: IsoDate;
  /** The order, as cited in `dayOffReason`, e.g. "Order No. 436 of 21 Nov 2024". */
  readonly order: string;
  readonly source?: string;
}

/** A weekend shift as the ministry's published production calendar states it; checked on load. */
export interface CalendarExpectedShift {
  readonly holiday: IsoDate;
  readonly dayOff: IsoDate;
}

/** A day off that is expected but not yet announced; informational, never used in computation. */
export interface CalendarPendingDay {
  readonly name: string;
  readonly estimate?: IsoDate;
  readonly note: string;
}

export type CalendarYearStatus = 'confirmed' | 'provisional';

export interface CalendarYearData {
  readonly country: 'KZ';
  readonly year: number;
  /** 'provisional' while the year's transfers or religious days are not yet announced. */
  readonly status: CalendarYearStatus;
  readonly holidays: readonly CalendarHoliday[];
  readonly nonShiftingDaysOff: readonly CalendarNonShiftingDayOff[];
  readonly transfers: readonly CalendarTransfer[];
  readonly expectedWeekendShifts?: readonly CalendarExpectedShift[];
  readonly pending?: readonly CalendarPendingDay[];
  readonly sources: readonly string[];
  readonly notes?: readonly string[];
}

const TOP_LEVEL_KEYS = new Set([
  '$comment',
  'country',
  'year',
  'status',
  'holidays',
  'nonShiftingDaysOff',
  'transfers',
  'expectedWeekendShifts',
  'pending',
  'sources',
  'notes',
]);

type Json = unknown;

function isRecord(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class IssueCollector {
  readonly issues: FieldIssue[] = [];
  add(path: string, message: string, code = 'calendar.data-invalid'): void {
    this.issues.push({ path, message, code });
  }

  string(obj: Record<string, Json>, key: string, path: string, optional = false): string | undefined {
    const v = obj[key];
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'string' || v.trim() === '') {
      this.add(`${path}.${key}`, `expected a non-empty string, got ${describe(v)}`);
      return undefined;
    }
    return v;
  }

  date(obj: Record<string, Json>, key: string, path: string, year: number | undefined, optional = false): IsoDate | undefined {
    const v = obj[key];
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'string' || !isIsoDate(v)) {
      this.add(`${path}.${key}`, `expected a date 'YYYY-MM-DD', got ${describe(v)}`);
      return undefined;
    }
    if (year !== undefined && Number(v.slice(0, 4)) !== year) {
      this.add(`${path}.${key}`, `${v} is not in ${year}, the year of this file`);
      return undefined;
    }
    return v;
  }

  array(obj: Record<string, Json>, key: string, path: string, optional = false): Json[] | undefined {
    const v = obj[key];
    if (v === undefined && optional) return undefined;
    if (!Array.isArray(v)) {
      this.add(`${path}${path ? '.' : ''}${key}`, `expected an array, got ${describe(v)}`);
      return undefined;
    }
    return v as Json[];
  }

  unknownKeys(obj: Record<string, Json>, allowed: readonly string[], path: string): void {
    for (const k of Object.keys(obj)) {
      if (!allowed.includes(k) && k !== '$comment') this.add(`${path}.${k}`, `unknown field (allowed: ${allowed.join(', ')})`);
    }
  }
}

function describe(v: Json): string {
  if (v === undefined) return 'nothing (the field is missing)';
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/**
 * Checks the shape and the local consistency of one year file. Cross-file facts (a transfer's
 * days being a working day / day off, the weekend shifts) are checked when the calendar is built.
 */
export function validateCalendarYearData(raw: Json, file: string, expectedYear?: number): CalendarYearData {
  const c = new IssueCollector();
  if (!isRecord(raw)) throw new CalendarDataError(file, [{ path: '(root)', message: `expected a JSON object, got ${describe(raw)}` }]);

  for (const k of Object.keys(raw)) {
    if (!TOP_LEVEL_KEYS.has(k)) c.add(k, `unknown field (allowed: ${[...TOP_LEVEL_KEYS].join(', ')})`);
  }
  if (raw.country !== 'KZ') c.add('country', `expected "KZ", got ${describe(raw.country)}`);

  let year: number | undefined;
  if (typeof raw.year !== 'number' || !Number.isInteger(raw.year) || raw.year < 1900 || raw.year > 9999) {
    c.add('year', `expected a four-digit year, got ${describe(raw.year)}`);
  } else if (expectedYear !== undefined && raw.year !== expectedYear) {
    c.add('year', `the file is named for ${expectedYear} but says ${raw.year}`);
  } else {
    year = raw.year;
  }
  if (raw.status !== 'confirmed' && raw.status !== 'provisional') {
    c.add('status', `expected "confirmed" or "provisional", got ${describe(raw.status)}`);
  }

  const holidays: CalendarHoliday[] = [];
  const seenHolidayDates = new Set<string>();
  (c.array(raw, 'holidays', '') ?? []).forEach((h, i) => {
    const path = `holidays[${i}]`;
    if (!isRecord(h)) return c.add(path, `expected an object, got ${describe(h)}`);
    c.unknownKeys(h, ['date', 'name', 'shiftsOnWeekend', 'basis'], path);
    const date = c.date(h, 'date', path, year);
    const name = c.string(h, 'name', path);
    const basis = c.string(h, 'basis', path, true);
    if (typeof h.shiftsOnWeekend !== 'boolean') c.add(`${path}.shiftsOnWeekend`, `expected true or false, got ${describe(h.shiftsOnWeekend)}`);
    if (date && seenHolidayDates.has(date)) c.add(`${path}.date`, `${date} is listed twice among the holidays`);
    if (date) seenHolidayDates.add(date);
    if (date && name && typeof h.shiftsOnWeekend === 'boolean') {
      holidays.push({ date, name, shiftsOnWeekend: h.shiftsOnWeekend, ...(basis ? { basis } : {}) });
    }
  });

  const nonShiftingDaysOff: CalendarNonShiftingDayOff[] = [];
  const seenNonShifting = new Set<string>();
  (c.array(raw, 'nonShiftingDaysOff', '') ?? []).forEach((d, i) => {
    const path = `nonShiftingDaysOff[${i}]`;
    if (!isRecord(d)) return c.add(path, `expected an object, got ${describe(d)}`);
    c.unknownKeys(d, ['date', 'name', 'basis'], path);
    const date = c.date(d, 'date', path, year);
    const name = c.string(d, 'name', path);
    const basis = c.string(d, 'basis', path, true);
    if (date && seenNonShifting.has(date)) c.add(`${path}.date`, `${date} is listed twice among the non-shifting days off`);
    if (date) seenNonShifting.add(date);
    if (date && name) nonShiftingDaysOff.push({ date, name, ...(basis ? { basis } : {}) });
  });

  const transfers: CalendarTransfer[] = [];
  const seenTransferDates = new Set<string>();
  (c.array(raw, 'transfers', '') ?? []).forEach((t, i) => {
    const path = `transfers[${i}]`;
    if (!isRecord(t)) return c.add(path, `expected an object, got ${describe(t)}`);
    c.unknownKeys(t, ['dayOff', 'workingDay', 'order', 'source'], path);
    // The new day off lies in this file's year; the day made working may be in an adjacent year.
    const dayOff = c.date(t, 'dayOff', path, year);
    const workingDay = c.date(t, 'workingDay', path, undefined);
    const order = c.string(t, 'order', path);
    const source = c.string(t, 'source', path, true);
    if (workingDay && year !== undefined && Math.abs(Number(workingDay.slice(0, 4)) - year) > 1) {
      c.add(`${path}.workingDay`, `${workingDay} is more than one year away from ${year}`);
      return;
    }
    for (const [k, d] of [
      ['dayOff', dayOff],
      ['workingDay', workingDay],
    ] as const) {
      if (d && seenTransferDates.has(d)) c.add(`${path}.${k}`, `${d} appears in more than one transfer`);
      if (d) seenTransferDates.add(d);
    }
    if (dayOff && workingDay && order) transfers.push({ dayOff, workingDay, order, ...(source ? { source } : {}) });
  });

  let expectedWeekendShifts: CalendarExpectedShift[] | undefined;
  const shiftsRaw = c.array(raw, 'expectedWeekendShifts', '', true);
  if (shiftsRaw) {
    expectedWeekendShifts = [];
    shiftsRaw.forEach((s, i) => {
      const path = `expectedWeekendShifts[${i}]`;
      if (!isRecord(s)) return c.add(path, `expected an object, got ${describe(s)}`);
      c.unknownKeys(s, ['holiday', 'dayOff'], path);
      const holiday = c.date(s, 'holiday', path, year);
      const dayOff = c.date(s, 'dayOff', path, year);
      if (holiday && dayOff) expectedWeekendShifts?.push({ holiday, dayOff });
    });
  }

  let pending: CalendarPendingDay[] | undefined;
  const pendingRaw = c.array(raw, 'pending', '', true);
  if (pendingRaw) {
    pending = [];
    pendingRaw.forEach((p, i) => {
      const path = `pending[${i}]`;
      if (!isRecord(p)) return c.add(path, `expected an object, got ${describe(p)}`);
      c.unknownKeys(p, ['name', 'estimate', 'note'], path);
      const name = c.string(p, 'name', path);
      const estimate = c.date(p, 'estimate', path, undefined, true);
      const note = c.string(p, 'note', path);
      if (name && note) pending?.push({ name, note, ...(estimate ? { estimate } : {}) });
    });
  }

  const sources: string[] = [];
  const sourcesRaw = c.array(raw, 'sources', '');
  if (sourcesRaw) {
    if (sourcesRaw.length === 0) c.add('sources', 'name at least one source for the year');
    sourcesRaw.forEach((s, i) => {
      if (typeof s !== 'string' || s.trim() === '') c.add(`sources[${i}]`, `expected a non-empty string, got ${describe(s)}`);
      else sources.push(s);
    });
  }

  let notes: string[] | undefined;
  const notesRaw = c.array(raw, 'notes', '', true);
  if (notesRaw) {
    notes = [];
    notesRaw.forEach((s, i) => {
      if (typeof s !== 'string') c.add(`notes[${i}]`, `expected a string, got ${describe(s)}`);
      else notes?.push(s);
    });
  }

  if (c.issues.length > 0 || year === undefined) throw new CalendarDataError(file, c.issues);
  return {
    country: 'KZ',
    year,
    status: raw.status as CalendarYearStatus,
    holidays,
    nonShiftingDaysOff,
    transfers,
    ...(expectedWeekendShifts ? { expectedWeekendShifts } : {}),
    ...(pending ? { pending } : {}),
    sources,
    ...(notes ? { notes } : {}),
  };
}
