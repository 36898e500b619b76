import { ValidationError } from '@hub/kernel';
import { tiyn, tiynFromKztNumber, type Tiyn } from '../domain/money.js';

/**
 * An amount given to a use case: integer tiyn, or — deprecated, for the clients written before
 * ADR 0036 — a KZT JSON number, read exactly from its decimal text (never multiplied as a float).
 */
export type AmountInput = { readonly tiyn: number } | { readonly kzt: number };

export function amountOf(input: AmountInput, field: string): Tiyn {
  if ('tiyn' in input) return tiyn(input.tiyn, field);
  const t = tiynFromKztNumber(input.kzt);
  if (t === null) throw ValidationError.field(field, 'must be a non-negative KZT amount with at most 2 decimals', 'money.kzt');
  return t;
}

/** The request's `…Tiyn` field, else its deprecated `…Kzt` twin (the contract admits exactly one). */
export function amountFromBody(tiynValue: number | undefined, kztValue: number | undefined): AmountInput {
  if (tiynValue !== undefined) return { tiyn: tiynValue };
  if (kztValue !== undefined) return { kzt: kztValue };
  throw ValidationError.field('amount', 'an amount is required', 'money.required');
}
