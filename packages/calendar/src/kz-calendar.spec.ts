import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidationError } from '@hub/kernel';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CalendarDataError } from './calendar.errors.js';
import { SHIPPED_KZ_DATA_DIR, kzCalendar } from './kz-calendar.js';

const root = mkdtempSync(join(tmpdir(), 'hub-calendar-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let seq = 0;
function dirWith(files: Record<string, unknown>): string {
  seq += 1;
  const dir = join(root, `d${seq}`);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

/** A synthetic (not official) 2028 file: 1–2 Jan on Sat/Sun, 7 Jan, 16 Dec on a Saturday. */
function year2028(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    country: 'KZ',
    year: 2028,
    status: 'provisional',
    holidays: [
      { date: '2028-01-01', name: 'New Year', shiftsOnWeekend: true },
      { date: '2028-01-02', name: 'New Year', shiftsOnWeekend: true },
      { date: '2028-12-16', name: 'Independence Day', shiftsOnWeekend: true },
    ],
    nonShiftingDaysOff: [{ date: '2028-01-07', name: 'Orthodox Christmas' }],
    transfers: [],
    sources: ['test fixture'],
    ...overrides,
  };
}

function caught(fn: () => unknown): CalendarDataError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CalendarDataError) return e;
    throw e;
  }
  throw new Error('expected a CalendarDataError');
}

const originalEnv = process.env.HUB_CALENDAR_DIR;
afterEach(() => {
  if (originalEnv === undefined) delete process.env.HUB_CALENDAR_DIR;
  else process.env.HUB_CALENDAR_DIR = originalEnv;
});

describe('kzCalendar loading', () => {
  it('the default instance is cached', () => {
    delete process.env.HUB_CALENDAR_DIR;
    expect(kzCalendar()).toBe(kzCalendar());
  });

  it('adds a year from extraDataDir without code changes; weekend shifts are computed for it', () => {
    const cal = kzCalendar({ extraDataDir: dirWith({ '2028.json': year2028(), 'README.md': 'ignored' }) });
    expect(cal.loadedYears()).toEqual([2024, 2025, 2026, 2027, 2028, 2029]);
    expect(cal.dayOffReason('2028-01-07')).toBe('Orthodox Christmas');
    expect(cal.dayOffReason('2028-01-03')).toMatch(/^New Year \(day off moved from 2028-01-01/);
    expect(cal.dayOffReason('2028-01-04')).toMatch(/^New Year \(day off moved from 2028-01-02/);
    expect(cal.dayOffReason('2028-12-18')).toMatch(/^Independence Day/);
    // Across the year boundary: Wed 29 Dec 2027 + 5 WD = 30, 31 Dec, 5, 6 Jan (7 Jan off), 10 Jan
    expect(cal.addWorkingDays('2027-12-29', 5)).toBe('2028-01-10');
  });

  it('reads HUB_CALENDAR_DIR when no option is given', () => {
    const y2030 = JSON.parse(JSON.stringify(year2028()).replaceAll('2028-', '2030-')) as Record<string, unknown>;
    process.env.HUB_CALENDAR_DIR = dirWith({ '2030.json': { ...y2030, year: 2030, expectedWeekendShifts: undefined } });
    expect(kzCalendar().loadedYears()).toContain(2030);
    delete process.env.HUB_CALENDAR_DIR;
    expect(kzCalendar().loadedYears()).not.toContain(2030);
  });

  it('a file in the extra directory replaces the shipped year (e.g. Kurban Ait 2027 announced for Mon 17 May)', () => {
    const shipped = JSON.parse(readFileSync(join(SHIPPED_KZ_DATA_DIR, '2027.json'), 'utf8')) as Record<string, unknown> & {
      nonShiftingDaysOff: unknown[];
    };
    const corrected = {
      ...shipped,
      nonShiftingDaysOff: [...shipped.nonShiftingDaysOff, { date: '2027-05-17', name: 'Kurban Ait (first day)' }],
      pending: [],
    };
    const cal = kzCalendar({ extraDataDir: dirWith({ '2027.json': corrected }) });
    expect(cal.dayOffReason('2027-05-17')).toBe('Kurban Ait (first day)');
    expect(kzCalendar().isWorkingDay('2027-05-17')).toBe(true);
  });

  it('a transfer order may make a day of the adjacent year a working day', () => {
    const cal = kzCalendar({
      extraDataDir: dirWith({
        '2028.json': year2028({ transfers: [{ dayOff: '2028-01-05', workingDay: '2027-12-25', order: 'Order No. 1 (test)' }] }),
      }),
    });
    expect(cal.isWorkingDay('2027-12-25')).toBe(true);
    expect(cal.dayOffReason('2028-01-05')).toBe('transfer: Order No. 1 (test) (day off moved from 2027-12-25)');
  });

  it('Law No. 267 art. 5 reading: a holiday on a non-shifting day off also gets its own shifted day', () => {
    const cal = kzCalendar({
      extraDataDir: dirWith({
        '2028.json': year2028({
          holidays: [{ date: '2028-05-09', name: 'Victory Day', shiftsOnWeekend: true }],
          nonShiftingDaysOff: [{ date: '2028-05-09', name: 'Kurban Ait (first day)' }],
        }),
      }),
    });
    expect(cal.dayOffReason('2028-05-09')).toBe('Kurban Ait (first day); Victory Day');
    expect(cal.dayOffReason('2028-05-10')).toMatch(/^Victory Day \(day off moved from 2028-05-09/);
  });
});

describe('broken data files give a clear error naming the file and the field', () => {
  it('invalid JSON', () => {
    const dir = dirWith({ '2028.json': '{ "country": "KZ", ' });
    const e = caught(() => kzCalendar({ extraDataDir: dir }));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.code).toBe('calendar.data-invalid');
    expect(e.file).toBe(join(dir, '2028.json'));
    expect(e.message).toMatch(/2028\.json: \(file\): not valid JSON/);
  });

  it('a malformed date, a missing flag and a typo are all reported at once', () => {
    const bad = year2028({
      holidays: [
        { date: '2028-01-01', name: 'New Year', shiftsOnWeekend: true },
        { date: '2028-02-30', name: 'Nowhere Day', shiftsOnWeekend: true },
        { date: '2028-03-08', name: "International Women's Day" },
      ],
      transfer: [],
    });
    const e = caught(() => kzCalendar({ extraDataDir: dirWith({ '2028.json': bad }) }));
    expect(e.issues.map((i) => i.path)).toEqual(['transfer', 'holidays[1].date', 'holidays[2].shiftsOnWeekend']);
    expect(e.message).toMatch(/invalid calendar data file .*2028\.json: transfer: unknown field/);
    expect(e.message).toMatch(/holidays\[1\]\.date: expected a date 'YYYY-MM-DD', got "2028-02-30"/);
  });

  it('a file whose year does not match its name, or a date outside the year', () => {
    expect(caught(() => kzCalendar({ extraDataDir: dirWith({ '2029.json': year2028() }) })).message).toMatch(
      /2029\.json: year: the file is named for 2029 but says 2028/,
    );
    const outside = year2028({ nonShiftingDaysOff: [{ date: '2027-01-07', name: 'Orthodox Christmas' }] });
    expect(caught(() => kzCalendar({ extraDataDir: dirWith({ '2028.json': outside }) })).message).toMatch(
      /nonShiftingDaysOff\[0\]\.date: 2027-01-07 is not in 2028/,
    );
  });

  it('a transfer must move a day off onto a working day, and never un-make a holiday', () => {
    const ontoWeekend = year2028({ transfers: [{ dayOff: '2028-01-08', workingDay: '2028-01-09', order: 'Order X' }] });
    expect(caught(() => kzCalendar({ extraDataDir: dirWith({ '2028.json': ontoWeekend }) })).message).toMatch(
      /transfers\[0\]\.dayOff: 2028-01-08 is already a day off \(weekend\)/,
    );
    const holidayToWork = year2028({ transfers: [{ dayOff: '2028-01-05', workingDay: '2028-01-07', order: 'Order X' }] });
    expect(caught(() => kzCalendar({ extraDataDir: dirWith({ '2028.json': holidayToWork }) })).message).toMatch(
      /transfers\[0\]\.workingDay: 2028-01-07 is a holiday or non-shifting day off \(Orthodox Christmas\)/,
    );
  });

  it('expectedWeekendShifts must agree with the computed shifts', () => {
    const wrong = year2028({ expectedWeekendShifts: [{ holiday: '2028-01-01', dayOff: '2028-01-03' }] });
    const e = caught(() => kzCalendar({ extraDataDir: dirWith({ '2028.json': wrong }) }));
    expect(e.issues[0]?.path).toBe('expectedWeekendShifts');
    expect(e.message).toMatch(
      /expects weekend shifts \[2028-01-01→2028-01-03\] but Law No\. 267 art\. 5 gives \[2028-01-01→2028-01-03, 2028-01-02→2028-01-04, 2028-12-16→2028-12-18\]/,
    );
  });

  it('a weekend shift that would leave the year is refused', () => {
    const lastDay = year2028({ holidays: [{ date: '2028-12-31', name: 'Test Day', shiftsOnWeekend: true }] });
    expect(caught(() => kzCalendar({ extraDataDir: dirWith({ '2028.json': lastDay }) })).message).toMatch(
      /holidays\[0\]: the weekend shift of 2028-12-31 .* would leave 2028/,
    );
  });

  it('a missing extra directory is named', () => {
    const missing = join(root, 'no-such-dir');
    const e = caught(() => kzCalendar({ extraDataDir: missing }));
    expect(e.file).toBe(missing);
    expect(e.message).toMatch(/calendar data directory does not exist/);
  });

  it('a broken HUB_CALENDAR_DIR file breaks the default instance loudly, not silently', () => {
    process.env.HUB_CALENDAR_DIR = dirWith({ '2028.json': { country: 'KZ', year: 2028 } });
    const e = caught(() => kzCalendar());
    expect(e.issues.map((i) => i.path)).toEqual(['status', 'holidays', 'nonShiftingDaysOff', 'transfers', 'sources']);
  });
});
