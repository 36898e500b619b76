import { ValidationError } from '@hub/kernel';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  civilOfEpochDay,
  compareIsoDates,
  epochDayOfCivil,
  fromEpochDay,
  isIsoDate,
  isoWeekday,
  parseIsoDate,
  quarterEnd,
  quarterOf,
  quarterStart,
  toEpochDay,
} from './iso-date.js';

describe('IsoDate parsing', () => {
  it('accepts real calendar dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2026-03-20')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it.each(['2025-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-3-20', '20260320', '2026-03-20T00:00:00Z', '', ' 2026-03-20'])('rejects %j', (v) => {
    expect(isIsoDate(v)).toBe(false);
  });

  it('parseIsoDate returns the date or throws a ValidationError naming the path', () => {
    expect(parseIsoDate('2026-03-20', 'filedOn')).toBe('2026-03-20');
    const e = (() => {
      try {
        parseIsoDate('2026-02-30', 'application.filedOn');
      } catch (x) {
        return x;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]?.path).toBe('application.filedOn');
    expect((e as ValidationError).code).toBe('date.invalid');
    expect((e as ValidationError).message).toMatch(/application\.filedOn: expected a calendar date as 'YYYY-MM-DD', got "2026-02-30"/);
  });
});

describe('calendar-day arithmetic', () => {
  it('adds calendar days across months, years and leap days', () => {
    expect(addCalendarDays('2026-03-20', 10)).toBe('2026-03-30');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addCalendarDays('2026-01-10', -10)).toBe('2025-12-31'); // F-9(2): certificate issued no earlier than 10 CD before
  });

  it('addMonths clamps to the end of the target month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15'); // F-24: a 12-month participation term
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28'); // F-68(6): a 6-month course
    expect(addMonths('2026-11-30', -13)).toBe('2025-10-30');
  });

  it('rejects a non-integer n', () => {
    expect(() => addCalendarDays('2026-01-01', 1.5)).toThrow(ValidationError);
    expect(() => addMonths('2026-01-01', Number.NaN)).toThrow(ValidationError);
  });

  it('compares dates', () => {
    expect(compareIsoDates('2026-01-01', '2026-01-02')).toBe(-1);
    expect(compareIsoDates('2026-01-02', '2026-01-02')).toBe(0);
    expect(compareIsoDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(() => compareIsoDates('2026-01-01', 'soon')).toThrow(/b: expected a calendar date/);
  });

  it('knows the weekday (ISO: Monday 1 … Sunday 7)', () => {
    expect(isoWeekday('2026-03-20')).toBe(5);
    expect(isoWeekday('2026-03-21')).toBe(6);
    expect(isoWeekday('2025-01-05')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
  });

  it('epoch-day conversion round-trips and agrees with Date.UTC (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const iso = fromEpochDay(day);
        expect(toEpochDay(iso)).toBe(day);
        const c = civilOfEpochDay(day);
        expect(epochDayOfCivil(c.year, c.month, c.day)).toBe(day);
        expect(new Date(day * 86_400_000).toISOString().slice(0, 10)).toBe(iso);
      }),
    );
  });
});

describe('calendar quarters (F-21, F-37, F-41)', () => {
  it('finds the quarter of a date', () => {
    expect(quarterOf('2026-01-01')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf('2026-03-31')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf('2026-04-01')).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOf('2026-12-31')).toEqual({ year: 2026, quarter: 4 });
  });

  it('gives quarter starts and ends', () => {
    expect(quarterStart(2026, 1)).toBe('2026-01-01');
    expect(quarterEnd(2026, 1)).toBe('2026-03-31');
    expect(quarterStart(2026, 3)).toBe('2026-07-01');
    expect(quarterEnd(2026, 2)).toBe('2026-06-30');
    expect(quarterEnd(2026, 3)).toBe('2026-09-30');
    expect(quarterEnd(2026, 4)).toBe('2026-12-31');
  });

  it('F-21/F-37: the month after a quarter starts the day after quarterEnd, also across a year', () => {
    expect(addCalendarDays(quarterEnd(2026, 1), 1)).toBe('2026-04-01');
    expect(addCalendarDays(quarterEnd(2026, 4), 1)).toBe('2027-01-01');
  });

  it('rejects a bad quarter', () => {
    expect(() => quarterEnd(2026, 5)).toThrow(ValidationError);
    expect(() => quarterEnd(2026, 0)).toThrow(/quarter: expected 1, 2, 3 or 4, got 0/);
    expect(() => quarterStart(2026.5, 1)).toThrow(ValidationError);
  });
});
