import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIsoDates, fromEpochDay, toEpochDay } from './iso-date.js';
import { SHIPPED_KZ_DATA_DIR, readCalendarDir, workingDayCalendarFrom } from './kz-calendar.js';

// The shipped data only, whatever HUB_CALENDAR_DIR says in the environment.
const cal = workingDayCalendarFrom(readCalendarDir(SHIPPED_KZ_DATA_DIR));

// Dates over 2025–2026; |n| ≤ 60 keeps every result inside the loaded years 2024–2027.
const date = fc.integer({ min: toEpochDay('2025-01-01'), max: toEpochDay('2026-12-31') }).map(fromEpochDay);
const workingDate = date.map((d) => cal.addWorkingDays(d, 0));
const n = fc.integer({ min: -60, max: 60 });
const nonNegative = fc.integer({ min: 0, max: 60 });
const positive = fc.integer({ min: 1, max: 60 });

describe('addWorkingDays / workingDaysBetween properties (2025–2026)', () => {
  it('addWorkingDays is monotone in n (strictly so from a working day)', () => {
    fc.assert(
      fc.property(date, n, n, (d, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(compareIsoDates(cal.addWorkingDays(d, lo), cal.addWorkingDays(d, hi))).toBeLessThanOrEqual(0);
      }),
    );
    fc.assert(
      fc.property(workingDate, n, n, (d, a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(compareIsoDates(cal.addWorkingDays(d, lo), cal.addWorkingDays(d, hi))).toBe(-1);
      }),
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n for n ≥ 0 from a working day', () => {
    fc.assert(
      fc.property(workingDate, nonNegative, (d, k) => {
        expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, k))).toBe(k);
      }),
    );
  });

  it('… and for n ≥ 1 from any day (a day off as well)', () => {
    fc.assert(
      fc.property(date, positive, (d, k) => {
        expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, k))).toBe(k);
      }),
    );
  });

  it('… and for n < 0 from a working day', () => {
    fc.assert(
      fc.property(workingDate, fc.integer({ min: -60, max: -1 }), (d, k) => {
        expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, k))).toBe(k);
      }),
    );
  });

  it('n = 0 from a day off: the next working day, one working day later', () => {
    fc.assert(
      fc.property(date, (d) => {
        fc.pre(!cal.isWorkingDay(d));
        expect(cal.addWorkingDays(d, 0)).toBe(cal.nextWorkingDay(d));
        expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, 0))).toBe(1);
      }),
    );
  });

  it('addWorkingDays(addWorkingDays(d, n), −n) === d for a working day d', () => {
    fc.assert(
      fc.property(workingDate, n, (d, k) => {
        expect(cal.addWorkingDays(cal.addWorkingDays(d, k), -k)).toBe(d);
      }),
    );
  });

  it('the result is always a working day (n ≠ 0, and n = 0 too)', () => {
    fc.assert(
      fc.property(date, n, (d, k) => {
        expect(cal.isWorkingDay(cal.addWorkingDays(d, k))).toBe(true);
      }),
    );
  });

  it('nextWorkingDay(d) === addWorkingDays(d, 1); dayOffReason is null exactly on working days', () => {
    fc.assert(
      fc.property(date, (d) => {
        expect(cal.nextWorkingDay(d)).toBe(cal.addWorkingDays(d, 1));
        expect(cal.dayOffReason(d) === null).toBe(cal.isWorkingDay(d));
      }),
    );
  });

  it('workingDaysBetween is antisymmetric and additive, and matches a day-by-day count', () => {
    fc.assert(
      fc.property(date, date, date, (a, b, c) => {
        expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, a)).toBe(0);
        expect(Object.is(cal.workingDaysBetween(a, b), -0)).toBe(false);
        expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c)).toBe(cal.workingDaysBetween(a, c));
      }),
    );
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 120 }), (a, span) => {
        let count = 0;
        const start = toEpochDay(a);
        for (let day = start + 1; day <= start + span; day += 1) if (cal.isWorkingDay(fromEpochDay(day))) count += 1;
        expect(cal.workingDaysBetween(a, fromEpochDay(start + span))).toBe(count);
      }),
      { numRuns: 200 },
    );
  });
});
