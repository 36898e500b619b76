/**
 * Loading the Kazakh calendar: the shipped `data/kz/<year>.json` files plus, optionally, a
 * directory of extra `<year>.json` files (option `extraDataDir`, else env HUB_CALENDAR_DIR).
 * A file in the extra directory replaces the shipped file of the same year, so a year can be
 * added or corrected without a code change.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateCalendarYearData } from './calendar-data.js';
import { CALENDAR_DIR_ENV, CalendarDataError } from './calendar.errors.js';
import { KzWorkingDayCalendar, type CalendarYearSource, type WorkingDayCalendar } from './working-day-calendar.js';

/** The data directory shipped with the package (`src/` and `dist/` both sit beside `data/`). */
export const SHIPPED_KZ_DATA_DIR = fileURLToPath(new URL('../data/kz/', import.meta.url));

const YEAR_FILE = /^(\d{4})\.json$/;

export interface KzCalendarOptions {
  /** A directory of extra `<year>.json` files; defaults to env HUB_CALENDAR_DIR. */
  extraDataDir?: string;
}

/** Reads and validates every `<year>.json` in `dir`. */
export function readCalendarDir(dir: string): CalendarYearSource[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CalendarDataError(dir, [
      {
        path: '(directory)',
        message: `calendar data directory does not exist (set ${CALENDAR_DIR_ENV} or extraDataDir to a directory of <year>.json files)`,
        code: 'calendar.data-dir-missing',
      },
    ]);
  }
  const out: CalendarYearSource[] = [];
  for (const name of readdirSync(dir).sort()) {
    const m = YEAR_FILE.exec(name);
    if (!m) continue;
    const file = join(dir, name);
    out.push({ file, data: validateCalendarYearData(parseJsonFile(file), file, Number(m[1])) });
  }
  return out;
}

function parseJsonFile(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CalendarDataError(file, [
      { path: '(file)', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}`, code: 'calendar.data-invalid' },
    ]);
  }
}

/** Builds a calendar from already-validated year data (tests and tools). */
export function workingDayCalendarFrom(sources: readonly CalendarYearSource[]): WorkingDayCalendar {
  return new KzWorkingDayCalendar(sources);
}

function loadKzCalendar(extraDir: string | undefined): WorkingDayCalendar {
  const byYear = new Map<number, CalendarYearSource>();
  for (const s of readCalendarDir(SHIPPED_KZ_DATA_DIR)) byYear.set(s.data.year, s);
  if (extraDir) for (const s of readCalendarDir(extraDir)) byYear.set(s.data.year, s);
  return new KzWorkingDayCalendar([...byYear.values()]);
}

const defaultCache = new Map<string, WorkingDayCalendar>();

/**
 * The Kazakh working-day calendar over the shipped data plus an extra directory.
 * Without options: a cached instance (the extra directory is HUB_CALENDAR_DIR, if set; the cache
 * is keyed by its value). With options: a fresh instance over the shipped data plus
 * `extraDataDir` (or HUB_CALENDAR_DIR when `extraDataDir` is absent).
 */
export function kzCalendar(options?: KzCalendarOptions): WorkingDayCalendar {
  const raw = options?.extraDataDir ?? process.env[CALENDAR_DIR_ENV];
  const extraDir = raw !== undefined && raw.trim() !== '' ? resolve(raw) : undefined;
  if (options !== undefined) return loadKzCalendar(extraDir);
  const key = extraDir ?? '';
  let calendar = defaultCache.get(key);
  if (!calendar) {
    calendar = loadKzCalendar(extraDir);
    defaultCache.set(key, calendar);
  }
  return calendar;
}
