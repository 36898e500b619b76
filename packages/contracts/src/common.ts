import { z } from 'zod';
import { isIsoDate } from '@hub/calendar';

/** Shared zod building blocks for DTOs and event payloads. */
export const IsoDateSchema = z
  .string()
  .refine((v) => isIsoDate(v), { message: 'must be a real calendar date in the form YYYY-MM-DD' })
  .describe('A civil date in Asia/Almaty, YYYY-MM-DD');

export const BinSchema = z
  .string()
  .regex(/^\d{12}$/, 'BIN must be exactly 12 digits')
  .describe('Business identification number (12 digits)');

/**
 * A KZT JSON number with up to 2 decimals. Only the v1 participation events still carry it (their
 * `…Kzt` fields, derived from tiyn, ADR 0036 §5); every HTTP body, response and new payload uses
 * tiyn (`TiynSchema`).
 */
export const KztAmountSchema = z.number().finite().nonnegative().multipleOf(0.01).describe('Amount in tenge (KZT), up to 2 decimals');

// ---- Money (ADR 0036): an amount is an integer number of tiyn (1 KZT = 100 tiyn) ----

/**
 * The largest accepted amount: 999 999 999 999 999 tiyn = 9 999 999 999 999.99 KZT (fifteen
 * significant digits, below 2^53: every amount and every sum we allow is an exact JS integer).
 */
export const MAX_TIYN = 999_999_999_999_999;

/** An amount in tiyn: exact in JSON, in JavaScript (a safe integer) and in PostgreSQL (`bigint`). */
export const TiynSchema = z.int().min(0).max(MAX_TIYN).describe('Amount in tiyn (1 KZT = 100 tiyn): a non-negative integer, exact (ADR 0036)');

export const PositiveTiynSchema = TiynSchema.min(1, 'must be positive');

const KZT_TEXT = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/**
 * Decimal KZT text → tiyn, exactly, digit by digit (never parseFloat): "1234.56" → 123456,
 * "5" → 500, "0.1" → 10. A sign, a comma, an exponent, a third decimal or more than 13 integer
 * digits → null (refused, never rounded); the caller names the field.
 */
export function tiynFromKztText(text: string): number | null {
  const m = KZT_TEXT.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Tiyn (a safe integer) → decimal KZT text with two decimals: 2595000 → "25950.00", 5 → "0.05". */
export function kztTextFromTiyn(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`an amount in tiyn must be a safe integer, got ${amount}`);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const whole = Math.trunc(abs / 100);
  return `${sign}${whole}.${String(abs - whole * 100).padStart(2, '0')}`;
}

export const LanguageSchema = z.enum(['kk', 'ru', 'en']);

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });
