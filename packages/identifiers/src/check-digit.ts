/**
 * The check digit shared by BIN and IIN (12 digits; the 12th is the check digit).
 *
 * s = Σ d_i · i for i = 1..11, mod 11. If s = 10, recompute with the weights
 * 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 (mod 11); if that is 10 again, no valid number starts with
 * these 11 digits. Source: docs/kz-reference.md ("BIN and IIN").
 */

export const FIRST_PASS_WEIGHTS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
export const SECOND_PASS_WEIGHTS: readonly number[] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

const ELEVEN_DIGITS = /^[0-9]{11}$/;

function weightedSumMod11(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) {
    sum += (digits.charCodeAt(i) - 48) * (weights[i] ?? 0);
  }
  return sum % 11;
}

/**
 * The check digit for the first 11 digits of a BIN or IIN, or `null` when no check digit exists
 * (both passes give 10: no valid BIN/IIN starts with these digits).
 *
 * @throws RangeError when `first11` is not exactly 11 ASCII digits (a programming error: callers
 *   validate user input first).
 */
export function checkDigit(first11: string): number | null {
  if (!ELEVEN_DIGITS.test(first11)) {
    throw new RangeError('checkDigit expects exactly 11 digits');
  }
  const first = weightedSumMod11(first11, FIRST_PASS_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedSumMod11(first11, SECOND_PASS_WEIGHTS);
  return second === 10 ? null : second;
}
