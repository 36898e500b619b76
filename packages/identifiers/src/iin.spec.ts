import { ValidationError } from '@hub/kernel';
import { describe, expect, it } from 'vitest';
import { checkDigit } from './check-digit.js';
import { makeIin, parseIin, validateIin } from './index.js';

function withCheck(first11: string): string {
  const check = checkDigit(first11);
  if (check === null) throw new Error(`test setup: ${first11} has no check digit`);
  return `${first11}${check}`;
}

function issueOf(input: string, path?: string): { path: string; message: string; code?: string } {
  const result = validateIin(input, path);
  if (result.ok) throw new Error(`expected ${input} to be rejected`);
  expect(result.error).toBeInstanceOf(ValidationError);
  expect(result.error.issues).toHaveLength(1);
  const [issue] = result.error.issues;
  if (issue === undefined) throw new Error('no issue');
  return issue;
}

describe('parseIin: valid numbers worked by hand', () => {
  it('900517300425: a man born 17 May 1990 (7th digit 3)', () => {
    // 9·1 + 0·2 + 0·3 + 5·4 + 1·5 + 7·6 + 3·7 + 0·8 + 0·9 + 4·10 + 2·11 = 159; 159 mod 11 = 5
    expect(parseIin('900517300425')).toEqual({ value: '900517300425', birthDate: '1990-05-17', sex: 'male' });
  });

  it('010228600010: a woman born 28 February 2001 (7th digit 6)', () => {
    // 0 + 1·2 + 0 + 2·4 + 2·5 + 8·6 + 6·7 + 0 + 0 + 0 + 1·11 = 121; 121 mod 11 = 0
    expect(parseIin('010228600010')).toEqual({ value: '010228600010', birthDate: '2001-02-28', sex: 'female' });
  });

  it('000229500078: 29 February 2000 exists (2000 is a leap year)', () => {
    // 0 + 0 + 0 + 2·4 + 2·5 + 9·6 + 5·7 + 0 + 0 + 0 + 7·11 = 184; 184 mod 11 = 8
    expect(parseIin('000229500078')).toEqual({ value: '000229500078', birthDate: '2000-02-29', sex: 'male' });
  });

  it.each([
    ['1', '1885-12-01', 'male'],
    ['2', '1885-12-01', 'female'],
    ['3', '1985-12-01', 'male'],
    ['4', '1985-12-01', 'female'],
    ['5', '2085-12-01', 'male'],
    ['6', '2085-12-01', 'female'],
  ])('7th digit %s: century and sex', (seventh, birthDate, sex) => {
    expect(parseIin(withCheck(`851201${seventh}0100`))).toMatchObject({ birthDate, sex });
  });

  it('trims surrounding whitespace and returns a frozen value', () => {
    const iin = parseIin(' 900517300425\n');
    expect(iin.value).toBe('900517300425');
    expect(Object.isFrozen(iin)).toBe(true);
  });
});

describe('IIN errors', () => {
  it('is required', () => {
    expect(issueOf(' ')).toEqual({ path: 'iin', code: 'iin.required', message: 'IIN is required' });
  });

  it('must be 12 digits', () => {
    expect(issueOf('90051730042')).toEqual({
      path: 'iin',
      code: 'iin.format',
      message: 'IIN must be exactly 12 digits (got 11)',
    });
    expect(issueOf('900517 300425')).toEqual({
      path: 'iin',
      code: 'iin.format',
      message: 'IIN must be exactly 12 digits: only the digits 0-9 are allowed (no spaces, dashes or letters)',
    });
    expect(issueOf(undefined as unknown as string).code).toBe('iin.format');
  });

  it('reports a wrong check digit', () => {
    expect(issueOf('900517300426')).toEqual({
      path: 'iin',
      code: 'iin.check-digit',
      message: 'the check digit of this IIN does not match (expected 5, got 6): please re-check the number',
    });
  });

  it('reports first 11 digits for which no check digit exists', () => {
    // 90051730260: no check digit (found with checkDigit; asserted here)
    expect(checkDigit('90051730260')).toBeNull();
    expect(issueOf('900517302600')).toEqual({
      path: 'iin',
      code: 'iin.check-digit',
      message: 'this IIN is not valid: no valid IIN begins with these 11 digits (its check digit cannot be computed): please re-check the number',
    });
  });

  it('says so when the number is a BIN', () => {
    expect(issueOf('150340000015')).toEqual({
      path: 'iin',
      code: 'iin.is-bin',
      message: "this is a BIN (an organisation's number: its 5th digit is 4-6), not an IIN: enter the person's IIN",
    });
  });

  it.each(['0', '7', '8', '9'])('rejects the 7th digit %s', (seventh) => {
    expect(issueOf(withCheck(`900517${seventh}0042`))).toEqual({
      path: 'iin',
      code: 'iin.century',
      message: `the 7th digit of an IIN gives the century of birth and sex and must be 1-6, got ${seventh}`,
    });
  });

  it.each(['901317', '900017'])('rejects a month that does not exist: %s', (yymmdd) => {
    expect(issueOf(withCheck(`${yymmdd}30042`))).toEqual({
      path: 'iin',
      code: 'iin.birth-date',
      message: 'the first 6 digits of an IIN are the birth date (YYMMDD): the month (digits 3-4) must be 01-12',
    });
  });

  it.each([
    ['900431', '3', '31 April'],
    ['900500', '3', 'day 00'],
    ['900532', '3', '32 May'],
    ['010229', '5', '29 February 2001'],
    ['000229', '3', '29 February 1900 (not a leap year)'],
    ['960230', '3', '30 February'],
  ])('rejects a day that does not exist: %s (7th digit %s, %s)', (yymmdd, seventh) => {
    expect(issueOf(withCheck(`${yymmdd}${seventh}0042`))).toEqual({
      path: 'iin',
      code: 'iin.birth-date',
      message: 'the first 6 digits of an IIN are the birth date (YYMMDD): the day (digits 5-6) does not exist in that month',
    });
  });

  it('accepts 29 February 1996 and 2000 but not 1900', () => {
    expect(parseIin(withCheck('96022930042')).birthDate).toBe('1996-02-29');
    expect(parseIin(withCheck('00022950042')).birthDate).toBe('2000-02-29');
    expect(validateIin(withCheck('00022930042')).ok).toBe(false);
  });

  it('parseIin throws with the given path and code', () => {
    expect(() => parseIin('900517300426', 'founders.0.iin')).toThrow(ValidationError);
    try {
      parseIin('900517300426', 'founders.0.iin');
    } catch (error) {
      expect((error as ValidationError).code).toBe('iin.check-digit');
      expect((error as ValidationError).issues[0]?.path).toBe('founders.0.iin');
      expect((error as ValidationError).message).not.toContain('900517300426');
    }
  });
});

describe('makeIin', () => {
  it('builds the numbers worked by hand', () => {
    expect(makeIin({ birthDate: '1990-05-17', sex: 'male', serial: 42 })).toBe('900517300425');
    expect(makeIin({ birthDate: '2001-02-28', sex: 'female', serial: 1 })).toBe('010228600010');
    expect(makeIin({ birthDate: '2000-02-29', sex: 'male', serial: 7 })).toBe('000229500078');
  });

  it('skips a serial that has no check digit', () => {
    // 9005173 0260 has none (see above); serial 0261, first pass:
    // 9 + 0 + 0 + 20 + 5 + 42 + 21 + 0·8 + 2·9 + 6·10 + 1·11 = 186 ≡ 10, so the second pass:
    // 27 + 0 + 0 + 30 + 7 + 56 + 27 + 0 + 22 + 6 + 2 = 177 ≡ 1
    const iin = makeIin({ birthDate: '1990-05-17', sex: 'male', serial: 260 });
    expect(iin).toBe('900517302611');
    expect(parseIin(iin).birthDate).toBe('1990-05-17');
  });

  it.each([
    [{ birthDate: '17.05.1990', sex: 'male', serial: 0 }, 'birthDate must be YYYY-MM-DD, got 17.05.1990'],
    [{ birthDate: '1799-12-31', sex: 'male', serial: 0 }, 'birth year must be an integer from 1800 to 2099, got 1799'],
    [{ birthDate: '2100-01-01', sex: 'male', serial: 0 }, 'birth year must be an integer from 1800 to 2099, got 2100'],
    [{ birthDate: '1990-13-01', sex: 'male', serial: 0 }, 'birth month must be an integer from 1 to 12, got 13'],
    [{ birthDate: '1900-02-29', sex: 'male', serial: 0 }, 'birth day must be an integer from 1 to 28, got 29'],
    [{ birthDate: '1990-05-17', sex: 'female', serial: 10_000 }, 'serial must be an integer from 0 to 9999, got 10000'],
  ] as const)('refuses parts no IIN can encode: %j', (parts, message) => {
    expect(() => makeIin(parts)).toThrow(new RangeError(message));
  });
});
