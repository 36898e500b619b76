import { ValidationError, type Result, ok } from '@hub/kernel';
import { assertIntegerInRange, buildWithSerial, codeFor, digitAt, fail, readTwelveDigits, twoDigitsAt } from './twelve-digits.js';

/**
 * BIN (business identification number), 12 digits (docs/kz-reference.md, "BIN and IIN"):
 *
 * | digits | meaning                                                                     |
 * | ------ | --------------------------------------------------------------------------- |
 * | 1–4    | YYMM of registration                                                        |
 * | 5      | 4 resident legal entity, 5 non-resident legal entity, 6 joint individual     |
 * |        | entrepreneurship (0–3: the number is an IIN, the 5th digit is a day of birth) |
 * | 6      | 0 head office, 1 branch, 2 representative office, 3 peasant farm            |
 * | 7–11   | serial                                                                      |
 * | 12     | check digit                                                                 |
 */

export type EntityKind = 'resident-legal-entity' | 'non-resident-legal-entity' | 'joint-individual-entrepreneurship';
export type OfficeKind = 'head-office' | 'branch' | 'representative-office' | 'peasant-farm';

export interface Bin {
  /** The 12 digits, trimmed. */
  readonly value: string;
  /** Four-digit year of registration, see {@link BIN_CENTURY_PIVOT}. */
  readonly registeredYear: number;
  /** 1–12. */
  readonly registeredMonth: number;
  readonly entityKind: EntityKind;
  readonly officeKind: OfficeKind;
  readonly isHeadOffice: boolean;
}

/**
 * Century rule for the registration year YY (digits 1–2), fixed so that parsing never depends on
 * the clock (no "current year" pivot that would change a parsed value over time):
 * YY ≥ 90 → 19YY, YY < 90 → 20YY. Organisations registered in the Republic of Kazakhstan in the
 * 1990s carry 9x (their BIN encodes the original registration); nothing was registered by the
 * Republic before 1990, and 00–89 covers 2000–2089. Re-check this before 2089.
 * Whether a registration month lies in the future is not checked here (that needs a Clock).
 */
export const BIN_CENTURY_PIVOT = 90;

export function binRegistrationYear(yy: number): number {
  return yy >= BIN_CENTURY_PIVOT ? 1900 + yy : 2000 + yy;
}

const ENTITY_KIND_BY_DIGIT: Readonly<Record<number, EntityKind>> = {
  4: 'resident-legal-entity',
  5: 'non-resident-legal-entity',
  6: 'joint-individual-entrepreneurship',
};
const OFFICE_KIND_BY_DIGIT: Readonly<Record<number, OfficeKind>> = {
  0: 'head-office',
  1: 'branch',
  2: 'representative-office',
  3: 'peasant-farm',
};

export function entityKindDigit(kind: EntityKind): number {
  switch (kind) {
    case 'resident-legal-entity':
      return 4;
    case 'non-resident-legal-entity':
      return 5;
    case 'joint-individual-entrepreneurship':
      return 6;
  }
}

export function officeKindDigit(kind: OfficeKind): number {
  switch (kind) {
    case 'head-office':
      return 0;
    case 'branch':
      return 1;
    case 'representative-office':
      return 2;
    case 'peasant-farm':
      return 3;
  }
}

/** Validates a BIN without throwing. The error's single issue has path `path` and a `bin.*` code. */
export function validateBin(input: string, path = 'bin'): Result<Bin, ValidationError> {
  const digits = readTwelveDigits(input, 'BIN', path);
  if (!digits.ok) return digits;
  const value = digits.value;

  const fifth = digitAt(value, 5);
  if (fifth <= 3) {
    return fail(
      path,
      "this is an IIN (an individual's number: its 5th digit is 0-3), not a BIN: enter the organisation's BIN, whose 5th digit is 4, 5 or 6",
      codeFor('BIN', 'is-iin'),
    );
  }
  const entityKind = ENTITY_KIND_BY_DIGIT[fifth];
  if (entityKind === undefined) {
    return fail(
      path,
      `the 5th digit of a BIN must be 4 (resident legal entity), 5 (non-resident legal entity) or 6 (joint individual entrepreneurship), got ${fifth}`,
      codeFor('BIN', 'entity-kind'),
    );
  }
  const month = twoDigitsAt(value, 3);
  if (month < 1 || month > 12) {
    return fail(
      path,
      `digits 3-4 of a BIN are the month of registration and must be 01-12, got ${String(month).padStart(2, '0')}`,
      codeFor('BIN', 'registration-month'),
    );
  }
  const sixth = digitAt(value, 6);
  const officeKind = OFFICE_KIND_BY_DIGIT[sixth];
  if (officeKind === undefined) {
    return fail(
      path,
      `the 6th digit of a BIN must be 0 (head office), 1 (branch), 2 (representative office) or 3 (peasant farm), got ${sixth}`,
      codeFor('BIN', 'office-kind'),
    );
  }
  return ok(
    Object.freeze({
      value,
      registeredYear: binRegistrationYear(twoDigitsAt(value, 1)),
      registeredMonth: month,
      entityKind,
      officeKind,
      isHeadOffice: officeKind === 'head-office',
    }),
  );
}

/** Parses a BIN. @throws ValidationError whose only issue has path `path` and a `bin.*` code. */
export function parseBin(input: string, path = 'bin'): Bin {
  const result = validateBin(input, path);
  if (!result.ok) throw result.error;
  return result.value;
}

/**
 * The applicant must be a legal entity's head office (F-7(1), F-7(2)). Identifiers only reports
 * what the BIN says; this helper is for the domain rule that needs it.
 *
 * @throws ValidationError with code `bin.not-legal-entity` (joint individual entrepreneurship or
 *   peasant farm) or `bin.not-head-office` (branch or representative office).
 */
export function requireHeadOfficeLegalEntity(bin: Bin, path = 'bin'): void {
  if (bin.entityKind === 'joint-individual-entrepreneurship') {
    throw ValidationError.field(
      path,
      'this BIN belongs to a joint individual entrepreneurship (5th digit 6), not a legal entity: the application must be filed by a legal entity (F-7(1))',
      'bin.not-legal-entity',
    );
  }
  switch (bin.officeKind) {
    case 'head-office':
      return;
    case 'peasant-farm':
      throw ValidationError.field(
        path,
        'this BIN belongs to a peasant farm (6th digit 3), not a legal entity: the application must be filed by a legal entity (F-7(1))',
        'bin.not-legal-entity',
      );
    case 'branch':
      throw ValidationError.field(
        path,
        "this is a branch BIN (6th digit 1): the application must be filed by the legal entity's head office (F-7(1), F-7(2))",
        'bin.not-head-office',
      );
    case 'representative-office':
      throw ValidationError.field(
        path,
        "this is a representative office BIN (6th digit 2): the application must be filed by the legal entity's head office (F-7(1), F-7(2))",
        'bin.not-head-office',
      );
  }
}

/**
 * For tests, seeds and demo data: a valid BIN from its parts, with the check digit computed.
 * `serial` (0–99999, digits 7–11) is moved to the next serial that has a check digit (about 1
 * in 11 has none), wrapping after 99999, so the serial of the result may be larger than asked.
 * Defaults: a resident legal entity's head office.
 *
 * @throws RangeError for parts that no BIN can encode (year outside 1990–2089, month outside 1–12).
 */
export function makeBin(parts: { year: number; month: number; entityKind?: EntityKind; officeKind?: OfficeKind; serial: number }): string {
  assertIntegerInRange('year', parts.year, 1900 + BIN_CENTURY_PIVOT, 2000 + BIN_CENTURY_PIVOT - 1);
  assertIntegerInRange('month', parts.month, 1, 12);
  assertIntegerInRange('serial', parts.serial, 0, 99_999);
  const yy = String(parts.year % 100).padStart(2, '0');
  const mm = String(parts.month).padStart(2, '0');
  const kind = entityKindDigit(parts.entityKind ?? 'resident-legal-entity');
  const office = officeKindDigit(parts.officeKind ?? 'head-office');
  return buildWithSerial(`${yy}${mm}${kind}${office}`, parts.serial, 5);
}
