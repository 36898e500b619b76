import { ValidationError } from '@hub/kernel';
import { describe, expect, it } from 'vitest';
import { checkDigit } from './check-digit.js';
import { makeBin, parseBin, requireHeadOfficeLegalEntity, validateBin, type Bin } from './index.js';

/** Appends the check digit (checkDigit is tested on its own in check-digit.spec.ts). */
function withCheck(first11: string): string {
  const check = checkDigit(first11);
  if (check === null) throw new Error(`test setup: ${first11} has no check digit`);
  return `${first11}${check}`;
}

function issueOf(input: string, path?: string): { path: string; message: string; code?: string } {
  const result = validateBin(input, path);
  if (result.ok) throw new Error(`expected ${input} to be rejected`);
  expect(result.error).toBeInstanceOf(ValidationError);
  expect(result.error.issues).toHaveLength(1);
  const [issue] = result.error.issues;
  if (issue === undefined) throw new Error('no issue');
  return issue;
}

describe('parseBin: valid numbers worked by hand (see check-digit.spec.ts for the sums)', () => {
  it('150340000015: registered March 2015, resident legal entity, head office (second-pass check digit)', () => {
    expect(parseBin('150340000015')).toEqual({
      value: '150340000015',
      registeredYear: 2015,
      registeredMonth: 3,
      entityKind: 'resident-legal-entity',
      officeKind: 'head-office',
      isHeadOffice: true,
    });
  });

  it('230140001236: registered January 2023, resident legal entity, head office', () => {
    const bin = parseBin('230140001236');
    expect([bin.registeredYear, bin.registeredMonth, bin.entityKind, bin.officeKind]).toEqual([2023, 1, 'resident-legal-entity', 'head-office']);
  });

  it('191141000078: registered November 2019, a branch of a resident legal entity', () => {
    const bin = parseBin('191141000078');
    expect(bin.officeKind).toBe('branch');
    expect(bin.isHeadOffice).toBe(false);
    expect(bin.registeredYear).toBe(2019);
    expect(bin.registeredMonth).toBe(11);
  });

  it('maps every entity and office digit', () => {
    const cases = [
      ['0801', '5', '0', 'non-resident-legal-entity', 'head-office'],
      ['0801', '6', '0', 'joint-individual-entrepreneurship', 'head-office'],
      ['0801', '4', '2', 'resident-legal-entity', 'representative-office'],
      ['0801', '4', '3', 'resident-legal-entity', 'peasant-farm'],
    ] as const;
    for (const [yymm, kind, office, entityKind, officeKind] of cases) {
      const bin = parseBin(withCheck(`${yymm}${kind}${office}00100`));
      expect(bin.entityKind).toBe(entityKind);
      expect(bin.officeKind).toBe(officeKind);
    }
  });

  it('reads YY 90-99 as 1990s and 00-89 as 2000s', () => {
    expect(parseBin(withCheck('94074000091')).registeredYear).toBe(1994);
    expect(parseBin(withCheck('99124000001')).registeredYear).toBe(1999);
    expect(parseBin(withCheck('00014000001')).registeredYear).toBe(2000);
    expect(parseBin(withCheck('89124000001')).registeredYear).toBe(2089);
  });

  it('trims surrounding whitespace', () => {
    expect(parseBin('  150340000015\t\n').value).toBe('150340000015');
  });

  it('returns a frozen value', () => {
    expect(Object.isFrozen(parseBin('150340000015'))).toBe(true);
  });

  it('validateBin returns ok with the same value', () => {
    expect(validateBin('150340000015')).toEqual({ ok: true, value: parseBin('150340000015') });
  });
});

describe('BIN errors: one issue, at the given path, with a code and a message a user understands', () => {
  it('is required', () => {
    expect(issueOf('')).toEqual({ path: 'bin', code: 'bin.required', message: 'BIN is required' });
    expect(issueOf('   ').code).toBe('bin.required');
  });

  it('must be 12 digits', () => {
    expect(issueOf('15034000001')).toEqual({
      path: 'bin',
      code: 'bin.format',
      message: 'BIN must be exactly 12 digits (got 11)',
    });
    expect(issueOf('1503400000150').message).toBe('BIN must be exactly 12 digits (got 13)');
  });

  it.each(['1503 4000 0015', '1503-4000-0015', '15034000001O', '１５０３４０００００１５', '+150340000015'])('accepts only the digits 0-9: %j', (input) => {
    expect(issueOf(input)).toEqual({
      path: 'bin',
      code: 'bin.format',
      message: 'BIN must be exactly 12 digits: only the digits 0-9 are allowed (no spaces, dashes or letters)',
    });
  });

  it('rejects a non-string at runtime (e.g. a number from untyped JSON)', () => {
    expect(issueOf(150340000015 as unknown as string)).toEqual({
      path: 'bin',
      code: 'bin.format',
      message: 'BIN must be exactly 12 digits',
    });
  });

  it('reports a wrong check digit with the expected and the given digit', () => {
    expect(issueOf('150340000016')).toEqual({
      path: 'bin',
      code: 'bin.check-digit',
      message: 'the check digit of this BIN does not match (expected 5, got 6): please re-check the number',
    });
  });

  it('reports first 11 digits for which no check digit exists', () => {
    expect(issueOf('150340000090')).toEqual({
      path: 'bin',
      code: 'bin.check-digit',
      message: 'this BIN is not valid: no valid BIN begins with these 11 digits (its check digit cannot be computed): please re-check the number',
    });
  });

  it('says so when the number is an IIN (5th digit 0-3)', () => {
    // 900517300425 is a valid IIN (see iin.spec.ts)
    expect(issueOf('900517300425')).toEqual({
      path: 'bin',
      code: 'bin.is-iin',
      message: "this is an IIN (an individual's number: its 5th digit is 0-3), not a BIN: enter the organisation's BIN, whose 5th digit is 4, 5 or 6",
    });
  });

  it.each(['7', '8', '9'])('rejects the 5th digit %s', (digit) => {
    expect(issueOf(withCheck(`1503${digit}000001`))).toEqual({
      path: 'bin',
      code: 'bin.entity-kind',
      message: `the 5th digit of a BIN must be 4 (resident legal entity), 5 (non-resident legal entity) or 6 (joint individual entrepreneurship), got ${digit}`,
    });
  });

  it.each(['00', '13', '99'])('rejects registration month %s', (mm) => {
    expect(issueOf(withCheck(`15${mm}4000001`))).toEqual({
      path: 'bin',
      code: 'bin.registration-month',
      message: `digits 3-4 of a BIN are the month of registration and must be 01-12, got ${mm}`,
    });
  });

  it.each(['4', '5', '9'])('rejects the 6th digit %s', (digit) => {
    expect(issueOf(withCheck(`15034${digit}00001`))).toEqual({
      path: 'bin',
      code: 'bin.office-kind',
      message: `the 6th digit of a BIN must be 0 (head office), 1 (branch), 2 (representative office) or 3 (peasant farm), got ${digit}`,
    });
  });

  it('uses the given path', () => {
    expect(issueOf('', 'applicant.bin').path).toBe('applicant.bin');
  });

  it('parseBin throws the same ValidationError, with the code on the error too', () => {
    let thrown: unknown;
    try {
      parseBin('150340000016', 'company.bin');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    const error = thrown as ValidationError;
    expect(error.code).toBe('bin.check-digit');
    expect(error.kind).toBe('validation');
    expect(error.issues[0]?.path).toBe('company.bin');
  });

  it('never echoes the number in a message (IINs are personal data)', () => {
    for (const input of ['150340000016', '900517300425', withCheck('15034500001'), withCheck('15134000001')]) {
      expect(issueOf(input).message).not.toContain(input);
    }
  });
});

describe('requireHeadOfficeLegalEntity (F-7(1), F-7(2))', () => {
  function thrownBy(bin: Bin, path?: string): ValidationError {
    try {
      requireHeadOfficeLegalEntity(bin, path);
    } catch (error) {
      if (error instanceof ValidationError) return error;
      throw error;
    }
    throw new Error('expected a ValidationError');
  }

  it('accepts the head office of a resident or non-resident legal entity', () => {
    expect(() => requireHeadOfficeLegalEntity(parseBin('150340000015'))).not.toThrow();
    const nonResident = parseBin(makeBin({ year: 2010, month: 6, entityKind: 'non-resident-legal-entity', serial: 1 }));
    expect(() => requireHeadOfficeLegalEntity(nonResident)).not.toThrow();
  });

  it('refuses a branch', () => {
    const error = thrownBy(parseBin('191141000078'));
    expect(error.code).toBe('bin.not-head-office');
    expect(error.issues).toEqual([
      {
        path: 'bin',
        code: 'bin.not-head-office',
        message: "this is a branch BIN (6th digit 1): the application must be filed by the legal entity's head office (F-7(1), F-7(2))",
      },
    ]);
  });

  it('refuses a representative office', () => {
    const bin = parseBin(makeBin({ year: 2012, month: 2, officeKind: 'representative-office', serial: 7 }));
    const error = thrownBy(bin, 'applicant.bin');
    expect(error.code).toBe('bin.not-head-office');
    expect(error.issues[0]).toEqual({
      path: 'applicant.bin',
      code: 'bin.not-head-office',
      message: "this is a representative office BIN (6th digit 2): the application must be filed by the legal entity's head office (F-7(1), F-7(2))",
    });
  });

  it('refuses a joint individual entrepreneurship', () => {
    const bin = parseBin(makeBin({ year: 2012, month: 2, entityKind: 'joint-individual-entrepreneurship', serial: 7 }));
    const error = thrownBy(bin);
    expect(error.code).toBe('bin.not-legal-entity');
    expect(error.issues[0]?.message).toBe(
      'this BIN belongs to a joint individual entrepreneurship (5th digit 6), not a legal entity: the application must be filed by a legal entity (F-7(1))',
    );
  });

  it('refuses a peasant farm', () => {
    const bin = parseBin(makeBin({ year: 2012, month: 2, officeKind: 'peasant-farm', serial: 7 }));
    const error = thrownBy(bin);
    expect(error.code).toBe('bin.not-legal-entity');
    expect(error.issues[0]?.message).toBe(
      'this BIN belongs to a peasant farm (6th digit 3), not a legal entity: the application must be filed by a legal entity (F-7(1))',
    );
  });
});

describe('makeBin', () => {
  it('builds the numbers worked by hand', () => {
    expect(makeBin({ year: 2015, month: 3, serial: 1 })).toBe('150340000015');
    expect(makeBin({ year: 2023, month: 1, serial: 123 })).toBe('230140001236');
    expect(makeBin({ year: 2019, month: 11, officeKind: 'branch', serial: 7 })).toBe('191141000078');
  });

  it('skips a serial that has no check digit', () => {
    // 15034000009 has no check digit (check-digit.spec.ts); serial 10:
    // 1 + 10 + 0 + 12 + 20 + 0 + 0 + 0 + 0 + 1·10 + 0 = 53; 53 mod 11 = 9
    expect(makeBin({ year: 2015, month: 3, serial: 9 })).toBe('150340000109');
  });

  it('wraps to serial 00000 after 99999', () => {
    let prefix: string | undefined;
    for (let month = 1; month <= 12 && prefix === undefined; month++) {
      for (let yy = 0; yy < 90 && prefix === undefined; yy++) {
        const candidate = `${String(yy).padStart(2, '0')}${String(month).padStart(2, '0')}40`;
        if (checkDigit(`${candidate}99999`) === null) prefix = candidate;
      }
    }
    if (prefix === undefined) throw new Error('test setup: no prefix found');
    const bin = makeBin({ year: 2000 + Number(prefix.slice(0, 2)), month: Number(prefix.slice(2, 4)), serial: 99_999 });
    expect(bin.slice(0, 6)).toBe(prefix);
    expect(bin.slice(6, 11)).toBe(checkDigit(`${prefix}00000`) === null ? '00001' : '00000');
  });

  it.each([
    [{ year: 1989, month: 1, serial: 0 }, 'year must be an integer from 1990 to 2089, got 1989'],
    [{ year: 2090, month: 1, serial: 0 }, 'year must be an integer from 1990 to 2089, got 2090'],
    [{ year: 2015.5, month: 1, serial: 0 }, 'year must be an integer from 1990 to 2089, got 2015.5'],
    [{ year: 2015, month: 0, serial: 0 }, 'month must be an integer from 1 to 12, got 0'],
    [{ year: 2015, month: 13, serial: 0 }, 'month must be an integer from 1 to 12, got 13'],
    [{ year: 2015, month: 1, serial: -1 }, 'serial must be an integer from 0 to 99999, got -1'],
    [{ year: 2015, month: 1, serial: 100_000 }, 'serial must be an integer from 0 to 99999, got 100000'],
  ])('refuses parts no BIN can encode: %j', (parts, message) => {
    expect(() => makeBin(parts)).toThrow(new RangeError(message));
  });
});
