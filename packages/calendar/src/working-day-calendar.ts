/**
 * The Kazakh working-day calendar (five-day week, Saturday and Sunday off), compiled from the
 * per-year data files:
 *  1. Saturdays and Sundays are days off;
 *  2. holidays and non-shifting days off (Labour Code art. 84(5)) are days off;
 *  3. Law No. 267 "On holidays", art. 5: a holiday (`shiftsOnWeekend`) that falls on a day off
 *     makes the next working day a day off. Holidays are taken in date order and each one takes
 *     its own next working day, so colliding holidays never share a shifted day
 *     (Nauryz 2026: Sat 21 → Tue 24, Sun 22 → Wed 25, since Mon 23 is itself a holiday);
 *  4. the labour ministry's transfer orders (Labour Code art. 85(3)) are applied last.
 * A date in a year without data throws CalendarYearNotLoadedError: never "all working days".
 */
import { ValidationError, type FieldIssue } from '@hub/kernel';
import type { CalendarYearData } from './calendar-data.js';
import { CalendarDataError, CalendarYearNotLoadedError } from './calendar.errors.js';
import { civilOfEpochDay, epochDayOfCivil, fromEpochDay, isoWeekdayOfEpochDay, toEpochDay, type IsoDate } from './iso-date.js';

export interface WorkingDayCalendar {
  isWorkingDay(date: IsoDate): boolean;
  /** n > 0: the n-th working day after `date` (date itself not counted). n < 0: the |n|-th working day before. n = 0: date itself if working, else the next working day. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days in the half-open interval (from, to]; negative when to < from. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate;
  /** Why `date` is a day off ('weekend', the holiday's name, 'transfer: Order No. …'), or null on a working day. */
  dayOffReason(date: IsoDate): string | null;
  loadedYears(): number[];
}

/** One loaded year file together with the name it was read from (for error messages). */
export interface CalendarYearSource {
  readonly file: string;
  readonly data: CalendarYearData;
}

interface YearTable {
  readonly year: number;
  readonly firstDay: number; // epoch day of 1 Jan
  readonly length: number;
  /** 1 = day off. */
  readonly off: Uint8Array;
  readonly reasons: (string | null)[];
  /** cum[i] = working days among indices 0..i-1. */
  cum: Int32Array;
}

const LAW_267 = 'Law No. 267 art. 5';

export class KzWorkingDayCalendar implements WorkingDayCalendar {
  private readonly tables = new Map<number, YearTable>();
  private readonly years: number[];

  constructor(sources: readonly CalendarYearSource[]) {
    const files = new Map<number, CalendarYearSource>();
    for (const s of sources) {
      const prior = files.get(s.data.year);
      if (prior) {
        throw new CalendarDataError(s.file, [
          { path: 'year', message: `${s.data.year} is already loaded from ${prior.file}`, code: 'calendar.duplicate-year' },
        ]);
      }
      files.set(s.data.year, s);
    }
    for (const s of [...files.values()].sort((a, b) => a.data.year - b.data.year)) {
      this.tables.set(s.data.year, buildYear(s));
    }
    for (const s of files.values()) this.applyTransfers(s);
    for (const t of this.tables.values()) t.cum = cumulative(t.off);
    this.years = [...this.tables.keys()].sort((a, b) => a - b);
  }

  loadedYears(): number[] {
    return [...this.years];
  }

  isWorkingDay(date: IsoDate): boolean {
    const day = toEpochDay(date);
    return this.isWorkingEpochDay(day);
  }

  dayOffReason(date: IsoDate): string | null {
    const day = toEpochDay(date);
    const t = this.tableOf(day);
    const i = day - t.firstDay;
    return t.off[i] === 1 ? (t.reasons[i] ?? 'day off') : null;
  }

  nextWorkingDay(date: IsoDate): IsoDate {
    let day = toEpochDay(date) + 1;
    while (!this.isWorkingEpochDay(day)) day += 1;
    return fromEpochDay(day);
  }

  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isSafeInteger(n)) throw ValidationError.field('n', `expected an integer number of working days, got ${String(n)}`, 'number.not-integer');
    let day = toEpochDay(date);
    if (n === 0) {
      while (!this.isWorkingEpochDay(day)) day += 1;
      return fromEpochDay(day);
    }
    const step = n > 0 ? 1 : -1;
    let left = Math.abs(n);
    while (left > 0) {
      day += step;
      if (this.isWorkingEpochDay(day)) left -= 1;
    }
    return fromEpochDay(day);
  }

  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const a = toEpochDay(from, 'from');
    const b = toEpochDay(to, 'to');
    if (a === b) {
      this.tableOf(a);
      return 0;
    }
    if (a < b) return this.countAfterThrough(a, b);
    const back = this.countAfterThrough(b, a);
    return back === 0 ? 0 : -back; // never -0
  }

  /** Working days in (lo, hi], lo < hi; every year touched must be loaded. */
  private countAfterThrough(lo: number, hi: number): number {
    const loTable = this.tableOf(lo);
    const hiTable = this.tableOf(hi);
    let total = 0;
    for (let y = loTable.year; y <= hiTable.year; y += 1) {
      const t = this.tables.get(y) ?? this.notLoaded(y);
      const first = y === loTable.year ? lo - t.firstDay + 1 : 0; // first index counted
      const last = y === hiTable.year ? hi - t.firstDay : t.length - 1; // last index counted
      total += (t.cum[last + 1] ?? 0) - (t.cum[first] ?? 0);
    }
    return total;
  }

  private isWorkingEpochDay(day: number): boolean {
    const t = this.tableOf(day);
    return t.off[day - t.firstDay] === 0;
  }

  private tableOf(day: number): YearTable {
    const year = yearOfEpochDay(day);
    return this.tables.get(year) ?? this.notLoaded(year, fromEpochDay(day));
  }

  private notLoaded(year: number, date?: string): never {
    throw new CalendarYearNotLoadedError(year, this.years ?? [...this.tables.keys()].sort(), date);
  }

  private applyTransfers(source: CalendarYearSource): void {
    const issues: FieldIssue[] = [];
    source.data.transfers.forEach((tr, i) => {
      const path = `transfers[${i}]`;
      const dayOff = toEpochDay(tr.dayOff);
      const offTable = this.tables.get(yearOfEpochDay(dayOff));
      if (offTable) {
        const k = dayOff - offTable.firstDay;
        if (offTable.off[k] === 1) {
          issues.push({
            path: `${path}.dayOff`,
            message: `${tr.dayOff} is already a day off (${offTable.reasons[k] ?? 'day off'}); a transfer moves a day off onto a working day`,
          });
        } else {
          offTable.off[k] = 1;
          offTable.reasons[k] = `transfer: ${tr.order} (day off moved from ${tr.workingDay})`;
        }
      }
      const working = toEpochDay(tr.workingDay);
      const workTable = this.tables.get(yearOfEpochDay(working));
      if (workTable) {
        // A transfer moves a weekly day off (or a weekend-shift day); holidays themselves never move.
        const k = working - workTable.firstDay;
        const weekday = isoWeekdayOfEpochDay(working);
        const reason = workTable.reasons[k] ?? '';
        if (workTable.off[k] !== 1) {
          issues.push({ path: `${path}.workingDay`, message: `${tr.workingDay} is already a working day; a transfer makes a day off a working day` });
        } else if (!(weekday >= 6 && reason === 'weekend') && !reason.includes(LAW_267)) {
          issues.push({
            path: `${path}.workingDay`,
            message: `${tr.workingDay} is a holiday or non-shifting day off (${reason}); only weekly days off and weekend-shift days can be transferred`,
          });
        } else {
          workTable.off[k] = 0;
          workTable.reasons[k] = null;
        }
      }
    });
    if (issues.length > 0) throw new CalendarDataError(source.file, issues);
  }
}

function yearOfEpochDay(day: number): number {
  return civilOfEpochDay(day).year;
}

function cumulative(off: Uint8Array): Int32Array {
  const cum = new Int32Array(off.length + 1);
  for (let i = 0; i < off.length; i += 1) cum[i + 1] = (cum[i] ?? 0) + (off[i] === 0 ? 1 : 0);
  return cum;
}

function buildYear(source: CalendarYearSource): YearTable {
  const { data, file } = source;
  const firstDay = epochDayOfCivil(data.year, 1, 1);
  const length = epochDayOfCivil(data.year + 1, 1, 1) - firstDay;
  const off = new Uint8Array(length);
  const names: string[][] = Array.from({ length }, () => []);
  const reasons: (string | null)[] = new Array<string | null>(length).fill(null);
  const isWeekend = (k: number): boolean => isoWeekdayOfEpochDay(firstDay + k) >= 6;

  for (let k = 0; k < length; k += 1) if (isWeekend(k)) off[k] = 1;
  for (const d of data.nonShiftingDaysOff) {
    const k = toEpochDay(d.date) - firstDay;
    off[k] = 1;
    names[k]?.push(d.name);
  }
  for (const h of data.holidays) {
    const k = toEpochDay(h.date) - firstDay;
    off[k] = 1;
    names[k]?.push(h.name);
  }
  for (let k = 0; k < length; k += 1) {
    const n = names[k] ?? [];
    reasons[k] = n.length > 0 ? n.join('; ') : isWeekend(k) ? 'weekend' : null;
  }

  // Law No. 267 art. 5. "Falls on a day off": a Saturday or Sunday, a non-shifting day off, or a
  // date already taken by another holiday (each colliding holiday gets its own shifted day).
  const issues: FieldIssue[] = [];
  const computed: { holiday: IsoDate; dayOff: IsoDate }[] = [];
  const alreadyOff = new Set<number>();
  for (let k = 0; k < length; k += 1) if (isWeekend(k)) alreadyOff.add(k);
  for (const d of data.nonShiftingDaysOff) alreadyOff.add(toEpochDay(d.date) - firstDay);
  const ordered = data.holidays.map((h, index) => ({ h, index })).sort((a, b) => (a.h.date < b.h.date ? -1 : a.h.date > b.h.date ? 1 : a.index - b.index));
  for (const { h, index } of ordered) {
    const k = toEpochDay(h.date) - firstDay;
    if (h.shiftsOnWeekend && alreadyOff.has(k)) {
      let s = k + 1;
      while (s < length && off[s] === 1) s += 1;
      if (s >= length) {
        issues.push({
          path: `holidays[${index}]`,
          message: `the weekend shift of ${h.date} (${LAW_267}) would leave ${data.year}; record the shifted day as a transfer in the next year's file`,
        });
        continue;
      }
      off[s] = 1;
      reasons[s] = `${h.name} (day off moved from ${h.date}, ${LAW_267})`;
      computed.push({ holiday: h.date, dayOff: fromEpochDay(firstDay + s) });
    }
    alreadyOff.add(k);
  }

  if (data.expectedWeekendShifts) {
    const show = (xs: readonly { holiday: string; dayOff: string }[]): string =>
      xs.length === 0
        ? 'none'
        : xs
            .map((x) => `${x.holiday}→${x.dayOff}`)
            .sort()
            .join(', ');
    const want = show(data.expectedWeekendShifts);
    const got = show(computed);
    if (want !== got) {
      issues.push({
        path: 'expectedWeekendShifts',
        message: `the file expects weekend shifts [${want}] but ${LAW_267} gives [${got}]; fix the holidays or the expectation`,
      });
    }
  }
  if (issues.length > 0) throw new CalendarDataError(file, issues);

  return { year: data.year, firstDay, length, off, reasons, cum: new Int32Array(0) };
}
