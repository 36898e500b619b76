import { ValidationError, err, ok, type Result } from '@hub/kernel';
import { checkDigit } from './check-digit.js';

/** Which identifier is being read: drives the wording and the error-code prefix. */
export type IdentifierLabel = 'BIN' | 'IIN';

const TWELVE_DIGITS = /^[0-9]{12}$/;
const DIGITS_ONLY = /^[0-9]*$/;

/**
 * Error codes, stable for clients (the HTTP layer and the UI map them; the messages may change).
 * Messages never echo the number itself: an IIN is restricted-access personal data
 * (Law No. 94-V) and validation messages end up in logs.
 */
export function codeFor(label: IdentifierLabel, what: string): string {
  return `${label.toLowerCase()}.${what}`;
}

export function fail(path: string, message: string, code: string): Result<never, ValidationError> {
  return err(ValidationError.field(path, message, code));
}

/**
 * Trims surrounding whitespace and checks the shape (12 ASCII digits) and the check digit.
 * Nothing else is tolerated: no inner spaces, dashes or non-ASCII digits.
 */
export function readTwelveDigits(input: unknown, label: IdentifierLabel, path: string): Result<string, ValidationError> {
  if (typeof input !== 'string') {
    return fail(path, `${label} must be exactly 12 digits`, codeFor(label, 'format'));
  }
  const value = input.trim();
  if (value === '') {
    return fail(path, `${label} is required`, codeFor(label, 'required'));
  }
  if (!DIGITS_ONLY.test(value)) {
    return fail(path, `${label} must be exactly 12 digits: only the digits 0-9 are allowed (no spaces, dashes or letters)`, codeFor(label, 'format'));
  }
  if (!TWELVE_DIGITS.test(value)) {
    return fail(path, `${label} must be exactly 12 digits (got ${value.length})`, codeFor(label, 'format'));
  }
  const expected = checkDigit(value.slice(0, 11));
  const actual = digitAt(value, 12);
  if (expected === null) {
    return fail(
      path,
      `this ${label} is not valid: no valid ${label} begins with these 11 digits (its check digit cannot be computed): please re-check the number`,
      codeFor(label, 'check-digit'),
    );
  }
  if (expected !== actual) {
    return fail(
      path,
      `the check digit of this ${label} does not match (expected ${expected}, got ${actual}): please re-check the number`,
      codeFor(label, 'check-digit'),
    );
  }
  return ok(value);
}

/** The digit at 1-based `position` (the reference numbers digits from 1). */
export function digitAt(value: string, position: number): number {
  return value.charCodeAt(position - 1) - 48;
}

/** The two-digit number at 1-based positions `position` and `position + 1`. */
export function twoDigitsAt(value: string, position: number): number {
  return digitAt(value, position) * 10 + digitAt(value, position + 1);
}

/** Appends the check digit to `first11`, or returns null when no check digit exists. */
export function withCheckDigit(first11: string): string | null {
  const check = checkDigit(first11);
  return check === null ? null : `${first11}${check}`;
}

/**
 * Builds a valid number from a prefix and a serial, moving to the next serial (wrapping at
 * `10^width`) when a serial's check digit does not exist. About 1 serial in 11 is skipped.
 */
export function buildWithSerial(prefix: string, serial: number, width: number): string {
  const modulus = 10 ** width;
  for (let step = 0; step < modulus; step++) {
    const candidate = String((serial + step) % modulus).padStart(width, '0');
    const built = withCheckDigit(`${prefix}${candidate}`);
    if (built !== null) return built;
  }
  // Unreachable: at most a few consecutive serials lack a check digit.
  throw new RangeError(`no serial with a valid check digit exists for prefix ${prefix}`);
}

export function assertIntegerInRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
}
