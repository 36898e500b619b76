import { describe, expect, it } from 'vitest';
import { FIRST_PASS_WEIGHTS, SECOND_PASS_WEIGHTS, checkDigit } from './check-digit.js';

/** The weighted sum mod 11, written out independently of the implementation. */
function sumMod11(first11: string, weights: readonly number[]): number {
  return [...first11].reduce((sum, d, i) => sum + Number(d) * (weights[i] ?? Number.NaN), 0) % 11;
}

describe('checkDigit', () => {
  it('uses weights 1..11 mod 11 when that is not 10 (worked by hand)', () => {
    // 2301 4 0 00123 → 2·1 + 3·2 + 0·3 + 1·4 + 4·5 + 0·6 + 0·7 + 0·8 + 1·9 + 2·10 + 3·11
    //                = 2 + 6 + 0 + 4 + 20 + 0 + 0 + 0 + 9 + 20 + 33 = 94; 94 mod 11 = 6
    expect(checkDigit('23014000123')).toBe(6);
    // 1911 4 1 00007 → 1 + 18 + 3 + 4 + 20 + 6 + 0 + 0 + 0 + 0 + 77 = 129; 129 mod 11 = 8
    expect(checkDigit('19114100007')).toBe(8);
    // IIN 900517 3 0042 → 9 + 0 + 0 + 20 + 5 + 42 + 21 + 0 + 0 + 40 + 22 = 159; 159 mod 11 = 5
    expect(checkDigit('90051730042')).toBe(5);
    // IIN 010228 6 0001 → 0 + 2 + 0 + 8 + 10 + 48 + 42 + 0 + 0 + 0 + 11 = 121; 121 mod 11 = 0
    expect(checkDigit('01022860001')).toBe(0);
  });

  it('recomputes with weights 3,4,5,6,7,8,9,10,11,1,2 when the first pass gives 10', () => {
    // 1503 4 0 00001, first pass: 1 + 10 + 0 + 12 + 20 + 0 + 0 + 0 + 0 + 0 + 11 = 54; 54 mod 11 = 10
    // second pass: 1·3 + 5·4 + 0·5 + 3·6 + 4·7 + 0·8 + 0·9 + 0·10 + 0·11 + 0·1 + 1·2
    //            = 3 + 20 + 18 + 28 + 2 = 71; 71 mod 11 = 5
    expect(sumMod11('15034000001', FIRST_PASS_WEIGHTS)).toBe(10);
    expect(sumMod11('15034000001', SECOND_PASS_WEIGHTS)).toBe(5);
    expect(checkDigit('15034000001')).toBe(5);
  });

  it('returns null when both passes give 10', () => {
    // 1503 4 0 00009, first pass: 1 + 10 + 0 + 12 + 20 + 0 + 0 + 0 + 0 + 0 + 99 = 142 ≡ 10
    // second pass: 3 + 20 + 0 + 18 + 28 + 0 + 0 + 0 + 0 + 0 + 18 = 87 ≡ 10
    expect(sumMod11('15034000009', FIRST_PASS_WEIGHTS)).toBe(10);
    expect(sumMod11('15034000009', SECOND_PASS_WEIGHTS)).toBe(10);
    expect(checkDigit('15034000009')).toBeNull();
    // 00000000281: first 2·9 + 8·10 + 1·11 = 109 ≡ 10; second 2·11 + 8·1 + 1·2 = 32 ≡ 10
    expect(checkDigit('00000000281')).toBeNull();
  });

  it('agrees with the written-out definition on a sweep of inputs', () => {
    for (let i = 0; i < 20_000; i++) {
      const first11 = String((i * 7_919_393) % 100_000_000_000).padStart(11, '0');
      const first = sumMod11(first11, FIRST_PASS_WEIGHTS);
      const second = sumMod11(first11, SECOND_PASS_WEIGHTS);
      const expected = first !== 10 ? first : second !== 10 ? second : null;
      expect(checkDigit(first11)).toBe(expected);
    }
  });

  it.each(['', '1234567890', '123456789012', '1234567890a', ' 12345678901', '１２３４５６７８９０１'])(
    'rejects %j as a programming error (RangeError)',
    (input) => {
      expect(() => checkDigit(input)).toThrow(RangeError);
    },
  );
});
