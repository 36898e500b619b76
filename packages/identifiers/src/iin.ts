import { type Result, type ValidationError, ok } from '@hub/kernel';
import { assertIntegerInRange, buildWithSerial, codeFor, digitAt, fail, readTwelveDigits, twoDigitsAt } from './twelve-digits.js';

/**
 * IIN (individual identification number), 12 digits (docs/kz-reference.md, "BIN and IIN"):
 * digits 1–6 birth date YYMMDD; 7 century and sex (1/2 1800s, 3/4 1900s, 5/6 2000s; odd = male);
 * 8–11 serial; 12 check digit.
 *
 * An IIN is restricted-access personal data (Law No. 94-V): do not log it, and note that the
 * messages produced here never contain it.
 */
export interface Iin {
  /** The 12 digits, trimmed. */
  readonly value: string;
  /** YYYY-MM-DD. */
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
}

export type Sex = Iin['sex'];

/** The first year of the century that the 7th digit encodes (1/2 → 1800, 3/4 → 1900, 5/6 → 2000). */
function centuryStart(seventh: number): number | null {
  if (seventh < 1 || seventh > 6) return null;
  return 1800 + Math.floor((seventh - 1) / 2) * 100;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Validates an IIN without throwing. The error's single issue has path `path` and an `iin.*` code. */
export function validateIin(input: string, path = 'iin'): Result<Iin, ValidationError> {
  const digits = readTwelveDigits(input, 'IIN', path);
  if (!digits.ok) return digits;
  const value = digits.value;

  const fifth = digitAt(value, 5);
  if (fifth >= 4 && fifth <= 6) {
    return fail(path, "this is a BIN (an organisation's number: its 5th digit is 4-6), not an IIN: enter the person's IIN", codeFor('IIN', 'is-bin'));
  }
  const seventh = digitAt(value, 7);
  const century = centuryStart(seventh);
  if (century === null) {
    return fail(path, `the 7th digit of an IIN gives the century of birth and sex and must be 1-6, got ${seventh}`, codeFor('IIN', 'century'));
  }
  const year = century + twoDigitsAt(value, 1);
  const month = twoDigitsAt(value, 3);
  const day = twoDigitsAt(value, 5);
  if (month < 1 || month > 12) {
    return fail(path, 'the first 6 digits of an IIN are the birth date (YYMMDD): the month (digits 3-4) must be 01-12', codeFor('IIN', 'birth-date'));
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    return fail(
      path,
      'the first 6 digits of an IIN are the birth date (YYMMDD): the day (digits 5-6) does not exist in that month',
      codeFor('IIN', 'birth-date'),
    );
  }
  return ok(
    Object.freeze({
      value,
      birthDate: `${year}-${pad2(month)}-${pad2(day)}`,
      sex: seventh % 2 === 1 ? 'male' : 'female',
    }),
  );
}

/** Parses an IIN. @throws ValidationError whose only issue has path `path` and an `iin.*` code. */
export function parseIin(input: string, path = 'iin'): Iin {
  const result = validateIin(input, path);
  if (!result.ok) throw result.error;
  return result.value;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * For tests, seeds and demo data: a valid IIN for a birth date (YYYY-MM-DD, 1800-01-01 to
 * 2099-12-31) and sex. `serial` (0–9999, digits 8–11) is moved to the next serial that has a check
 * digit (about 1 in 11 has none), wrapping after 9999.
 *
 * @throws RangeError for a malformed or impossible birth date, or a serial out of range.
 */
export function makeIin(parts: { birthDate: string; sex: Sex; serial: number }): string {
  const match = ISO_DATE.exec(parts.birthDate);
  if (match === null) throw new RangeError(`birthDate must be YYYY-MM-DD, got ${parts.birthDate}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  assertIntegerInRange('birth year', year, 1800, 2099);
  assertIntegerInRange('birth month', month, 1, 12);
  assertIntegerInRange('birth day', day, 1, daysInMonth(year, month));
  assertIntegerInRange('serial', parts.serial, 0, 9_999);
  const seventh = (Math.floor(year / 100) - 18) * 2 + (parts.sex === 'male' ? 1 : 2);
  const prefix = `${pad2(year % 100)}${pad2(month)}${pad2(day)}${seventh}`;
  return buildWithSerial(prefix, parts.serial, 4);
}
