import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHIPPED_KZ_DATA_DIR, kzCalendar } from './kz-calendar.js';
import { SHIPPED_KZ_YEARS } from './kz-data.browser.js';
import { CalendarYearNotLoadedError, shippedKzCalendar } from './browser.js';

describe('the browser copy of the shipped calendar (ADR 0122)', () => {
  it('holds exactly data/kz/*.json (regenerate with node packages/calendar/scripts/gen-browser-data.mjs)', () => {
    const files = readdirSync(SHIPPED_KZ_DATA_DIR)
      .filter((n) => /^\d{4}\.json$/.test(n))
      .sort()
      .map((n) => JSON.parse(readFileSync(SHIPPED_KZ_DATA_DIR + n, 'utf8')) as unknown);
    expect(SHIPPED_KZ_YEARS).toEqual(files);
  });

  it('gives the same working days as the server calendar, and refuses a year without data (calendar.year-not-loaded)', () => {
    const browser = shippedKzCalendar();
    const server = kzCalendar({ extraDataDir: SHIPPED_KZ_DATA_DIR });
    expect(browser.loadedYears()).toEqual(server.loadedYears());
    for (const [date, n] of [
      ['2026-03-06', 5],
      ['2026-12-14', 3],
      ['2027-01-15', 5],
      ['2028-03-20', 3],
    ] as const)
      expect(browser.addWorkingDays(date, n), date).toBe(server.addWorkingDays(date, n));
    expect(() => browser.addWorkingDays('2019-05-01', 5)).toThrow(CalendarYearNotLoadedError);
  });
});
