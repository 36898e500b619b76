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

test('ADR 0036: a thousand tenge reads "1 000,00 ₸" in Kazakh and Russian, "₸1,000.00" in English — exact characters', () => {
  // U+00A0 (no-break space) between the groups and before ₸; never U+202F, never a plain space
  expect(formatTiyn(100_000, 'kk')).toBe('1\u00a0000,00\u00a0₸');
  expect(formatTiyn(100_000, 'ru')).toBe('1\u00a0000,00\u00a0₸');
  expect(formatTiyn(100_000, 'en')).toBe('₸1,000.00');
  expect(formatTiyn(0, 'kk')).toBe('0,00\u00a0₸');
  expect(formatTiyn(99, 'kk')).toBe('0,99\u00a0₸');
  // the Kazakh form is CLDR's own: Node's full ICU has the Kazakh data Chromium lacks, and agrees
  const kazakh = new Intl.NumberFormat('kk-KZ', { style: 'currency', currency: 'KZT', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2 });
  expect(formatTiyn(123_456_789, 'kk')).toBe(kazakh.format(1_234_567.89));
});

test('ADR 0036: in Chromium (no Kazakh number data: "kk-KZ" gives "₸ 1,000.00") the Kazakh money form still comes out', async ({ page }) => {
  const inChromium = await page.evaluate(() =>
    new Intl.NumberFormat('ru-RU', {
      style: 'currency',
      currency: 'KZT',
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(1000),
  );
  expect(inChromium).toBe(formatTiyn(100_000, 'kk'));
  expect(inChromium).toBe('1\u00a0000,00\u00a0₸');
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
