import { z } from 'zod';
import { KztAmountSchema } from '../common.js';

/**
 * Money in participation's published language (ADR 0036): an amount is an integer number of tiyn
 * (1 KZT = 100 tiyn) — exact in JSON, in JavaScript (a safe integer) and in PostgreSQL (`bigint`).
 * The largest accepted amount is 9 999 999 999 999.99 KZT.
 */
export const MAX_TIYN = 999_999_999_999_999;

export const TiynSchema = z
  .int()
  .min(0)
  .max(MAX_TIYN)
  .describe('Amount in tiyn (1 KZT = 100 tiyn): a non-negative integer, exact (ADR 0036)');

export const PositiveTiynSchema = TiynSchema.min(1, 'must be positive');

/**
 * @deprecated The KZT number of the fields named `…Kzt` (ADR 0036): kept for the clients written
 * before the `…Tiyn` fields; on the way out it is derived from the tiyn amount, on the way in it is
 * read from its decimal text exactly (never computed with). New clients use the `…Tiyn` field.
 */
export const LegacyKztSchema = KztAmountSchema.describe('Deprecated (ADR 0036): the same amount in KZT with up to 2 decimals; use the …Tiyn field');
