import type { Result, ValidationError } from '@hub/kernel';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDigit } from './check-digit.js';
import { makeBin, makeIin, parseBin, parseIin, validateBin, validateIin, type EntityKind, type OfficeKind } from './index.js';

const entityKinds: readonly EntityKind[] = ['resident-legal-entity', 'non-resident-legal-entity', 'joint-individual-entrepreneurship'];
const officeKinds: readonly OfficeKind[] = ['head-office', 'branch', 'representative-office', 'peasant-farm'];

const binParts = fc.record({
  year: fc.integer({ min: 1990, max: 2089 }),
  month: fc.integer({ min: 1, max: 12 }),
  entityKind: fc.constantFrom(...entityKinds),
  officeKind: fc.constantFrom(...officeKinds),
  serial: fc.integer({ min: 0, max: 99_999 }),
});

const iinParts = fc.record({
  birthDate: fc
    .date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  sex: fc.constantFrom('male' as const, 'female' as const),
  serial: fc.integer({ min: 0, max: 9_999 }),
});

/** A serial moved forward only past serials without a check digit (at most a few). */
function expectSerialMovedOnlyPastInvalid(prefix: string, asked: number, got: number, width: number): void {
  const modulus = 10 ** width;
  for (let s = asked; s !== got; s = (s + 1) % modulus) {
    expect(checkDigit(`${prefix}${String(s).padStart(width, '0')}`)).toBeNull();
  }
}

/** Every number obtained from `value` by changing exactly one digit. */
function singleDigitMutations(value: string): { mutated: string; position: number }[] {
  const out: { mutated: string; position: number }[] = [];
  for (let position = 1; position <= 12; position++) {
    for (let d = 0; d <= 9; d++) {
      const digit = String(d);
      if (value[position - 1] === digit) continue;
      out.push({ mutated: `${value.slice(0, position - 1)}${digit}${value.slice(position)}`, position });
    }
  }
  return out;
}

/** Whether the first pass (weights 1..11) gives 10, i.e. the check digit comes from the second pass. */
function usesSecondPass(value: string): boolean {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += Number(value[i]) * (i + 1);
  return sum % 11 === 10;
}

describe('properties: makeBin / parseBin', () => {
  it('makeBin output always parses back to its parts', () => {
    fc.assert(
      fc.property(binParts, (parts) => {
        const value = makeBin(parts);
        const bin = parseBin(value);
        expect(bin.value).toBe(value);
        expect(bin.registeredYear).toBe(parts.year);
        expect(bin.registeredMonth).toBe(parts.month);
        expect(bin.entityKind).toBe(parts.entityKind);
        expect(bin.officeKind).toBe(parts.officeKind);
        expect(bin.isHeadOffice).toBe(parts.officeKind === 'head-office');
        expectSerialMovedOnlyPastInvalid(value.slice(0, 6), parts.serial, Number(value.slice(6, 11)), 5);
      }),
      { numRuns: 2_000 },
    );
  });

  it('makeIin output always parses back to its parts', () => {
    fc.assert(
      fc.property(iinParts, (parts) => {
        const value = makeIin(parts);
        const iin = parseIin(value);
        expect(iin.value).toBe(value);
        expect(iin.birthDate).toBe(parts.birthDate);
        expect(iin.sex).toBe(parts.sex);
        expectSerialMovedOnlyPastInvalid(value.slice(0, 7), parts.serial, Number(value.slice(7, 11)), 4);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('properties: a single changed digit', () => {
  // With weights 1..11 mod 11 (11 is prime) a change of one of digits 1-10 always changes the
  // first-pass sum, and a change of digit 12 always contradicts the check digit. The 11th digit is
  // the blind spot of the national algorithm: its first-pass weight is 11 ≡ 0 (mod 11), so a change
  // there is only caught when the number takes its check digit from the second pass (weight 2).
  // Otherwise a change escapes only when the original or the changed number uses the second pass.
  function checkMutations(
    value: string,
    validate: (input: string) => Result<unknown, ValidationError>,
    label: 'bin' | 'iin',
  ): { total: number; escaped: number } {
    let total = 0;
    let escaped = 0;
    for (const { mutated, position } of singleDigitMutations(value)) {
      const stillMatches = checkDigit(mutated.slice(0, 11)) === Number(mutated[11]);
      const result = validate(mutated);
      if (!stillMatches) {
        // The check digit no longer matches: it must be caught, as a check-digit error.
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe(`${label}.check-digit`);
      } else {
        expect(position === 11 || usesSecondPass(value) || usesSecondPass(mutated)).toBe(true);
      }
      if (position !== 11) {
        total++;
        if (stillMatches) escaped++;
      }
    }
    return { total, escaped };
  }

  it('is caught for a BIN whenever the check digit stops matching', () => {
    fc.assert(
      fc.property(binParts, (parts) => {
        checkMutations(makeBin(parts), validateBin, 'bin');
      }),
      { numRuns: 300 },
    );
  });

  it('is caught for an IIN whenever the check digit stops matching', () => {
    fc.assert(
      fc.property(iinParts, (parts) => {
        checkMutations(makeIin(parts), validateIin, 'iin');
      }),
      { numRuns: 300 },
    );
  });

  it('is caught in the overwhelming majority of cases outside the 11th digit', () => {
    let total = 0;
    let escaped = 0;
    fc.assert(
      fc.property(binParts, (parts) => {
        const counts = checkMutations(makeBin(parts), validateBin, 'bin');
        total += counts.total;
        escaped += counts.escaped;
      }),
      { numRuns: 500, seed: 20_260_115 },
    );
    expect(escaped / total).toBeLessThan(0.03);
  });

  it('misses a changed 11th digit whenever neither number uses the second pass (documented blind spot)', () => {
    // 230140001236 (first-pass sum 94 ≡ 6): digit 11 is 3; as 4 the first-pass sum is 94 + 11 ≡ 6 too.
    expect(usesSecondPass('230140001236')).toBe(false);
    expect(validateBin('230140001246').ok).toBe(true);
    // With the second pass the 11th digit has weight 2 and is caught:
    // 150340000015 (first pass 10, second pass 5): as 150340000025 the first pass is 54 + 11 ≡ 10,
    // the second 71 + 2 = 73 ≡ 7, so the check digit 5 no longer matches.
    expect(validateBin('150340000025').ok).toBe(false);
  });
});

describe('properties: robustness', () => {
  it('validateBin / validateIin never throw, and always answer with one issue at the path', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\s*[0-9]{10,13}\s*$/)), (input) => {
        for (const [validate, prefix] of [
          [validateBin, 'bin.'],
          [validateIin, 'iin.'],
        ] as const) {
          const result = validate(input, 'x.y');
          if (!result.ok) {
            expect(result.error.issues).toHaveLength(1);
            expect(result.error.issues[0]?.path).toBe('x.y');
            expect(result.error.code.startsWith(prefix)).toBe(true);
          } else {
            expect(result.value.value).toBe(input.trim());
          }
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it('a 12-digit string is a valid BIN or a valid IIN, never both', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{12}$/), (input) => {
        expect(validateBin(input).ok && validateIin(input).ok).toBe(false);
      }),
      { numRuns: 3_000 },
    );
  });
});
