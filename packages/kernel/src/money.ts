import { ValidationError } from './errors.js';

/**
 * Money on the platform (ADR 0036): an amount is a whole number of **tiyn**
 * (1 KZT = 100 tiyn), held in a JS number that must be a safe integer (|n| ≤ 2^53 − 1, i.e. about
 * 90 trillion KZT). Integers add and subtract exactly; no amount is ever a fraction of a tenge in
 * a float. Decimal text ("1234.56") is read and written digit by digit, never through parseFloat.
 *
 * The brand keeps a tiyn amount from being mixed up with a KZT number or a count at compile time;
 * `tiyn()` is the one door in, and it checks.
 */
export type Tiyn = number & { readonly __unit: 'tiyn' };

export const TIYN_PER_KZT = 100;

/** The largest amount the platform accepts: 9 999 999 999 999.99 KZT (15 significant digits; see ADR 0036). */
export const MAX_TIYN = 999_999_999_999_999 as Tiyn;

export const ZERO = 0 as Tiyn;

/** An integer number of tiyn, checked: a fraction, NaN, ±Infinity or an unsafe integer is refused. */
export function tiyn(n: number, field = 'amount'): Tiyn {
  if (!Number.isSafeInteger(n)) throw ValidationError.field(field, `an amount must be a whole number of tiyn (a safe integer), got ${n}`, 'money.not-integer');
  if (Math.abs(n) > MAX_TIYN) throw ValidationError.field(field, `the amount ${n} tiyn is beyond the largest accepted amount`, 'money.too-large');
  return n as Tiyn;
}

export function isTiyn(n: unknown): n is Tiyn {
  return typeof n === 'number' && Number.isSafeInteger(n) && Math.abs(n) <= MAX_TIYN;
}

export const addTiyn = (a: Tiyn, b: Tiyn): Tiyn => tiyn(a + b);
export const subtractTiyn = (a: Tiyn, b: Tiyn): Tiyn => tiyn(a - b);
export const sumTiyn = (amounts: Iterable<Tiyn>): Tiyn => {
  let total = ZERO;
  for (const a of amounts) total = addTiyn(total, a);
  return total;
};
export const maxTiyn = (a: Tiyn, b: Tiyn): Tiyn => (a >= b ? a : b);

const KZT_TEXT = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/**
 * F-21: a non-negative decimal KZT amount written as text ("1234.56", "5", "0.1") → tiyn, exactly:
 * the integer part and at most two decimals are read as digits. Anything else (a sign, a comma,
 * an exponent, a third decimal, more than 13 integer digits) is null — the caller names the field.
 */
export function parseKzt(text: string): Tiyn | null {
  const m = KZT_TEXT.exec(text);
  if (!m) return null;
  const whole = Number(m[1]);
  const cents = Number((m[2] ?? '').padEnd(2, '0'));
  return (whole * TIYN_PER_KZT + cents) as Tiyn;
}

/**
 * A KZT amount that arrived as a JSON number (the deprecated `…Kzt` request fields): JSON.parse
 * already turned the client's decimal text into the nearest double; for up to 15 significant
 * digits `String(n)` gives that decimal text back (shortest round-trip form), which is then read
 * exactly. 0.1 → "0.1" → 10 tiyn; 12.345 → refused (a third decimal); 1e21 → refused.
 */
export function tiynFromKztNumber(n: number): Tiyn | null {
  if (!Number.isFinite(n) || n < 0) return null;
  return parseKzt(String(n));
}

/** Tiyn → decimal KZT text with exactly two decimals: 1234567 → "12345.67", -5 → "-0.05". */
export function formatKzt(amount: Tiyn): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const whole = Math.trunc(abs / TIYN_PER_KZT);
  const cents = abs - whole * TIYN_PER_KZT;
  return `${sign}${whole}.${String(cents).padStart(2, '0')}`;
}

/** Tiyn → KZT text grouped for people: 123456789 → "1,234,567.89" (the analytics document). */
export function displayKzt(amount: Tiyn): string {
  const [whole, cents] = formatKzt(amount).split('.') as [string, string];
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/**
 * Tiyn → the deprecated `…Kzt` JSON number of the v1 events and the HTTP responses (ADR 0036):
 * the double nearest to the exact decimal, which JSON prints as that decimal (≤ 15 significant
 * digits). For the wire only — never computed with.
 */
export const legacyKztNumber = (amount: Tiyn): number => Number(formatKzt(amount));

/**
 * A rate written as decimal text ("0.01" = 1 %, "0.0125" = 1.25 %), held as an exact fraction
 * numerator / 10^scale.
 */
export interface DecimalRate {
  readonly text: string;
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export function parseRate(text: string, field = 'rate'): DecimalRate {
  const m = /^(\d{1,3})(?:\.(\d{1,12}))?$/.exec(text);
  if (!m) throw ValidationError.field(field, `a rate must be decimal text such as "0.01" (1 %), got ${JSON.stringify(text)}`, 'money.rate');
  const decimals = m[2] ?? '';
  return { text, numerator: BigInt(`${m[1]}${decimals}`), denominator: 10n ** BigInt(decimals.length) };
}

/**
 * F-22, F-23 — THE rounding rule of the context (ADR 0036): a share of an amount is computed
 * exactly (amount × numerator / denominator, in BigInt) and rounded **once**, to the nearest whole
 * tiyn, **halves up** (away from zero; amounts here are non-negative). 1 % of 0.50 KZT = 0.005 KZT
 * → 0.01 KZT; 1 % of 0.49 KZT = 0.0049 KZT → 0.00 KZT.
 */
export function shareOf(amount: Tiyn, rate: DecimalRate): Tiyn {
  if (amount < 0) throw ValidationError.field('amount', 'a share is taken of a non-negative amount', 'money.negative');
  const exact2 = (BigInt(amount) * rate.numerator * 2n) / rate.denominator; // 2 × the exact share, floored
  const rounded = (exact2 + 1n) / 2n; // ⌊x + ½⌋ = half up
  return tiyn(Number(rounded));
}
