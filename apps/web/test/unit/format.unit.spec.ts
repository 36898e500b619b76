import { expect, test } from '@playwright/test';
import { formatCivilDate, formatInstantDate, formatInstantDateTime, formatTiyn } from '../../src/format.ts';

// Money and dates as the screens show them (issue #11; ADR 0036: integer tiyn, never a float).
test("ADR 0036: integer tiyn print as tenge with each language's grouping, exactly", () => {
  expect(formatTiyn(123_456_789, 'ru')).toBe('1\u00a0234\u00a0567,89\u00a0₸');
  expect(formatTiyn(123_456_789, 'kk')).toBe('1\u00a0234\u00a0567,89\u00a0₸');
  expect(formatTiyn(123_456_789, 'en')).toBe('₸1,234,567.89');
  expect(formatTiyn(5, 'en')).toBe('₸0.05');
  // beyond 2^53 as a bigint: no digit lost
  expect(formatTiyn(99_999_999_999_999_999n, 'en')).toBe('₸999,999,999,999,999.99');
  expect(() => formatTiyn(10.5, 'en')).toThrow(RangeError);
  expect(() => formatTiyn(-1, 'en')).toThrow(RangeError);
});

test('civil dates stay the Asia/Almaty date they name; instants are shown on the Almaty calendar', () => {
  expect(formatCivilDate('2026-12-07', 'en')).toBe('7 Dec 2026');
  expect(formatCivilDate('2026-12-07', 'ru')).toMatch(/^7 дек\. 2026/);
  expect(formatCivilDate('2026-12-07', 'kk')).toBe('07.12.2026');
  // 20:30 UTC on 6 Dec is 01:30 on 7 Dec in Almaty (UTC+5)
  expect(formatInstantDate('2026-12-06T20:30:00Z', 'en')).toBe('7 Dec 2026');
});

test('F-72: a presentation slot shows its Asia/Almaty date and 24-hour time in each language', () => {
  expect(formatInstantDateTime('2026-12-06T20:30:00Z', 'en')).toBe('7 Dec 2026, 01:30');
  expect(formatInstantDateTime('2026-12-06T20:30:00Z', 'kk')).toBe('07.12.2026, 01:30');
  expect(formatInstantDateTime('2026-11-16T10:05:00Z', 'ru')).toBe(`${formatInstantDate('2026-11-16T10:05:00Z', 'ru')}, 15:05`);
  expect(formatInstantDateTime('not a time', 'en')).toBe('not a time');
});
