// Dates, deadlines and money as people in Kazakhstan read them (issue #11):
// - civil dates ('YYYY-MM-DD', the contexts' Asia/Almaty dates) and instants shown in Asia/Almaty;
// - money from integer tiyn (ADR 0036: 1 KZT = 100 tiyn, never a float) in tenge with the
//   language's grouping, computed on BigInt so that no amount is rounded on the way.
import type { Locale } from './i18n/locales';

export const TIME_ZONE = 'Asia/Almaty';
const TAGS: Record<Locale, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
// Chromium's ICU has no Kazakh number data either: 'kk-KZ' falls back to the root pattern there and prints
// "₸ 1,000.00". CLDR gives Kazakh the same money form as Russian — no-break space (U+00A0) between the
// groups, a decimal comma, " ₸" after the amount — so Kazakh money is formatted with 'ru-RU' data, which
// every browser ships: "1 000,00 ₸" in Chromium as in Node's full ICU (test/unit/format.unit.spec.ts checks
// the two agree).
const MONEY_TAGS: Record<Locale, string> = { kk: 'ru-RU', ru: 'ru-RU', en: 'en-GB' };
// Browsers ship little Kazakh calendar data (Chromium prints "2026 M10 22"): Kazakh dates use the
// numeric form of Kazakh official documents, 22.10.2026.
const DATE_OPTIONS: Record<Locale, Intl.DateTimeFormatOptions> = {
  kk: { timeZone: 'Asia/Almaty', day: '2-digit', month: '2-digit', year: 'numeric' },
  ru: { timeZone: 'Asia/Almaty', day: 'numeric', month: 'short', year: 'numeric' },
  en: { timeZone: 'Asia/Almaty', day: 'numeric', month: 'short', year: 'numeric' },
};
const dateText = (at: Date, locale: Locale): string =>
  locale === 'kk'
    ? new Intl.DateTimeFormat('en-GB', DATE_OPTIONS.kk).format(at).replace(/\//g, '.')
    : new Intl.DateTimeFormat(TAGS[locale], DATE_OPTIONS[locale]).format(at);

/** A civil date of Asia/Almaty ('2026-12-07') as text: "7 Dec 2026" / "7 дек. 2026 г." / "07.12.2026". */
export function formatCivilDate(date: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  // Noon UTC of that date is the same civil date in Almaty (UTC+5): the formatter cannot shift it.
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return dateText(at, locale);
}

/** An instant (ISO timestamp) as its Asia/Almaty civil date. */
export function formatInstantDate(iso: string, locale: Locale): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return dateText(at, locale);
}

/**
 * An instant as its Asia/Almaty civil date and 24-hour time — for what happens at a time of day, such as
 * a presentation to the Commission (F-72): "7 Dec 2026, 01:30" / "7 дек. 2026 г., 01:30" / "07.12.2026, 01:30".
 */
export function formatInstantDateTime(iso: string, locale: Locale): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `${dateText(at, locale)}, ${time}`;
}

/**
 * Integer tiyn → tenge text with the language's grouping and two decimals: 123456789 tiyn →
 * "1 234 567,89 ₸" (kk, ru; U+00A0 between the groups and before ₸), "₸1,234,567.89" (en). Refuses anything that is not a whole number.
 */
export function formatTiyn(tiyn: number | bigint, locale: Locale): string {
  if (typeof tiyn === 'number' && !Number.isSafeInteger(tiyn)) throw new RangeError(`not a whole number of tiyn: ${tiyn}`);
  const value = BigInt(tiyn);
  if (value < 0n) throw new RangeError(`amounts are never negative (ADR 0036): ${value}`);
  const nf = new Intl.NumberFormat(MONEY_TAGS[locale], {
    style: 'currency',
    currency: 'KZT',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  // Format the whole tenge exactly (BigInt), then put the tiyn digits in the fraction's place.
  const fraction = (value % 100n).toString().padStart(2, '0');
  return nf
    .formatToParts(value / 100n)
    .map((p) => (p.type === 'fraction' ? fraction : p.value))
    .join('');
}
