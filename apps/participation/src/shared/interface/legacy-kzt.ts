import { ValidationError } from '@hub/kernel';
import { tiynFromKztNumber, type Tiyn } from '../../fees/domain/money.js';

/**
 * A request's `…Tiyn` field, else its deprecated `…Kzt` twin (ADR 0036 §4: the contract admits at
 * most one; the admin gateway's cross-context e2e still sends the KZT fields). A KZT number is read
 * exactly from its decimal text, never multiplied as a float; the use cases take tiyn only.
 * `absent` is the amount when neither is given (else the contract has already refused the body).
 */
export function tiynOfBody(tiynValue: number | undefined, kztValue: number | undefined, kztField: string, absent?: Tiyn): number {
  if (tiynValue !== undefined) return tiynValue;
  if (kztValue === undefined && absent !== undefined) return absent;
  const t = kztValue === undefined ? null : tiynFromKztNumber(kztValue);
  if (t === null) throw ValidationError.field(kztField, 'must be a non-negative KZT amount with at most 2 decimals', 'money.kzt');
  return t;
}
