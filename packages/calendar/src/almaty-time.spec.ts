import { ValidationError } from '@hub/kernel';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { almatyDate, endOfAlmatyDay, startOfAlmatyDay } from './almaty-time.js';
import { addCalendarDays, fromEpochDay } from './iso-date.js';

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('almatyDate: the civil date in Asia/Almaty (UTC+5 since 2024-03-01)', () => {
  it('turns over at 19:00 UTC', () => {
    expect(almatyDate(new Date('2026-03-20T18:59:59.999Z'))).toBe('2026-03-20');
    expect(almatyDate(new Date('2026-03-20T19:00:00.000Z'))).toBe('2026-03-21');
  });

  it('used UTC+6 before 2024-03-01', () => {
    expect(almatyDate(new Date('2024-01-15T17:59:59.999Z'))).toBe('2024-01-15');
    expect(almatyDate(new Date('2024-01-15T18:00:00.000Z'))).toBe('2024-01-16');
  });

  it('does not depend on the process time zone', () => {
    process.env.TZ = 'Pacific/Kiritimati'; // UTC+14
    expect(almatyDate(new Date('2026-03-20T18:59:59.999Z'))).toBe('2026-03-20');
    process.env.TZ = 'America/Los_Angeles';
    expect(almatyDate(new Date('2026-03-20T19:00:00.000Z'))).toBe('2026-03-21');
    expect(startOfAlmatyDay('2026-07-01').toISOString()).toBe('2026-06-30T19:00:00.000Z');
  });

  it('issue #17: the answer kept for the last second is never the answer for another second (property)', () => {
    // Calls in a random order over instants around day turns, each checked against a fresh formatter.
    const fresh = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' });
    const turns = [Date.parse('2026-03-20T19:00:00Z'), Date.parse('2024-02-29T19:00:00Z'), Date.parse('2024-01-15T18:00:00Z')];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...turns), fc.integer({ min: -2_500, max: 2_500 })), { minLength: 1, maxLength: 40 }), (calls) => {
        for (const [turn, delta] of calls) expect(almatyDate(new Date(turn + delta))).toBe(fresh.format(new Date(turn + delta)));
      }),
    );
  });

  it('rejects an invalid Date', () => {
    expect(() => almatyDate(new Date('nonsense'))).toThrow(ValidationError);
  });
});

describe('startOfAlmatyDay / endOfAlmatyDay', () => {
  it('bound a civil day (a deadline "by D" is overdue after endOfAlmatyDay(D))', () => {
    expect(startOfAlmatyDay('2026-04-01').toISOString()).toBe('2026-03-31T19:00:00.000Z');
    expect(endOfAlmatyDay('2026-04-01').toISOString()).toBe('2026-04-01T18:59:59.999Z');
    expect(almatyDate(endOfAlmatyDay('2026-04-01'))).toBe('2026-04-01');
    expect(almatyDate(new Date(endOfAlmatyDay('2026-04-01').getTime() + 1))).toBe('2026-04-02');
  });

  it('handle the switch from UTC+6 to UTC+5 on 2024-03-01 (29 Feb 2024 lasted 25 hours)', () => {
    expect(startOfAlmatyDay('2024-02-29').toISOString()).toBe('2024-02-28T18:00:00.000Z');
    expect(endOfAlmatyDay('2024-02-29').toISOString()).toBe('2024-02-29T18:59:59.999Z');
    expect(startOfAlmatyDay('2024-03-01').toISOString()).toBe('2024-02-29T19:00:00.000Z');
    expect(endOfAlmatyDay('2024-02-29').getTime() - startOfAlmatyDay('2024-02-29').getTime() + 1).toBe(25 * 3_600_000);
  });

  it('reject an invalid date', () => {
    expect(() => endOfAlmatyDay('2026-02-29')).toThrow(ValidationError);
  });

  it('start, end and almatyDate agree for every day 2020–2030 (property)', () => {
    const from = Date.UTC(2020, 0, 1) / 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: from, max: from + 11 * 366 }), (day) => {
        const d = fromEpochDay(day);
        const start = startOfAlmatyDay(d);
        const end = endOfAlmatyDay(d);
        expect(almatyDate(start)).toBe(d);
        expect(almatyDate(end)).toBe(d);
        expect(almatyDate(new Date(start.getTime() - 1))).toBe(addCalendarDays(d, -1));
        expect(almatyDate(new Date(end.getTime() + 1))).toBe(addCalendarDays(d, 1));
      }),
      { numRuns: 300 },
    );
  });
});
