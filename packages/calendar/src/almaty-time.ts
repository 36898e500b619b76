/**
 * Instants ↔ civil dates in Asia/Almaty. Always through Intl with an explicit time zone, never the
 * process TZ. Kazakhstan moved from UTC+6 to UTC+5 on 2024-03-01 (00:00 local became 23:00 of
 * 29 Feb), so the offset is looked up per instant from the ICU time-zone database, not hard-coded.
 */
import { ValidationError } from '@hub/kernel';
import { epochDayOfCivil, formatCivil, toEpochDay, type IsoDate } from './iso-date.js';

export const ALMATY_TIME_ZONE = 'Asia/Almaty';

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

let formatter: Intl.DateTimeFormat | undefined;

function almatyFormatter(): Intl.DateTimeFormat {
  formatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: ALMATY_TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  });
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Issue #17 (ADR 0136): `formatToParts` was 1 % of the command path's CPU (almatyDate of "now" on
// every command). Its answer depends on the whole second only (no fractional field is formatted;
// the time-zone database's offsets are whole seconds), so the last second's answer is kept.
let lastSecond = Number.NaN;
let lastWall: Readonly<WallClock> = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };

function wallClockAt(epochMs: number): Readonly<WallClock> {
  const second = Math.floor(epochMs / 1000);
  if (second === lastSecond) return lastWall;
  const out: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of almatyFormatter().formatToParts(new Date(epochMs))) {
    const type = part.type;
    if (type === 'year' || type === 'month' || type === 'day' || type === 'hour' || type === 'minute' || type === 'second') {
      out[type] = Number(part.value);
    }
  }
  lastSecond = second;
  lastWall = out;
  return out;
}

/** The wall clock in Almaty at `epochMs`, as milliseconds since 1970-01-01T00:00 "local". */
function localMsAt(epochMs: number): number {
  const w = wallClockAt(epochMs);
  return epochDayOfCivil(w.year, w.month, w.day) * MS_PER_DAY + w.hour * MS_PER_HOUR + w.minute * 60_000 + w.second * 1000 + (((epochMs % 1000) + 1000) % 1000);
}

function offsetAt(epochMs: number): number {
  return localMsAt(epochMs) - epochMs;
}

function instantMs(instant: Date, path: string): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw ValidationError.field(path, 'expected a valid Date instant', 'instant.invalid');
  return ms;
}

function almatyEpochDayAt(epochMs: number): number {
  return Math.floor(localMsAt(epochMs) / MS_PER_DAY);
}

/** The civil date in Asia/Almaty at `instant`. */
export function almatyDate(instant: Date): IsoDate {
  const w = wallClockAt(instantMs(instant, 'instant'));
  return formatCivil(w.year, w.month, w.day);
}

const startCache = new Map<number, number>();

function startOfAlmatyEpochDay(epochDay: number): number {
  const cached = startCache.get(epochDay);
  if (cached !== undefined) return cached;
  const localMidnight = epochDay * MS_PER_DAY;
  // Candidate offsets: those in force around that local midnight (at most two across a transition).
  const offsets = new Set([offsetAt(localMidnight - 14 * MS_PER_HOUR), offsetAt(localMidnight), offsetAt(localMidnight + 14 * MS_PER_HOUR)]);
  let start = Number.POSITIVE_INFINITY;
  for (const off of offsets) {
    const t = localMidnight - off;
    if (localMsAt(t) === localMidnight && t < start) start = t;
  }
  if (!Number.isFinite(start)) {
    // Midnight skipped by a forward transition: the day starts at the first instant that is on it.
    let lo = localMidnight - 15 * MS_PER_HOUR;
    let hi = localMidnight + 15 * MS_PER_HOUR;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (almatyEpochDayAt(mid) >= epochDay) hi = mid;
      else lo = mid;
    }
    start = hi;
  }
  if (startCache.size > 20_000) startCache.clear();
  startCache.set(epochDay, start);
  return start;
}

/** The first millisecond of civil day `date` in Asia/Almaty, as an instant. */
export function startOfAlmatyDay(date: IsoDate): Date {
  return new Date(startOfAlmatyEpochDay(toEpochDay(date)));
}

/**
 * The last millisecond of civil day `date` in Asia/Almaty, as an instant. A deadline "by date D"
 * is overdue at any instant after this one.
 */
export function endOfAlmatyDay(date: IsoDate): Date {
  return new Date(startOfAlmatyEpochDay(toEpochDay(date) + 1) - 1);
}
