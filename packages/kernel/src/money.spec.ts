import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.js';
import { addTiyn, displayKzt, formatKzt, legacyKztNumber, parseKzt, parseRate, shareOf, sumTiyn, tiyn, tiynFromKztNumber, type Tiyn } from './money.js';

const t = (n: number): Tiyn => tiyn(n);

describe('money as integer tiyn (F-21 … F-23, ADR 0036)', () => {
  it('F-21: decimal KZT text is read into tiyn exactly, digit by digit', () => {
    expect(parseKzt('1234.56')).toBe(123_456);
    expect(parseKzt('0.1')).toBe(10);
    expect(parseKzt('0.29')).toBe(29); // parseFloat('0.29') * 100 = 28.999999999999996
    expect(parseKzt('1.005')).toBeNull(); // a third decimal is refused, not rounded
    expect(parseKzt('5')).toBe(500);
    expect(parseKzt('9999999999999.99')).toBe(999_999_999_999_999);
    for (const bad of ['', '-1', '+1', '1,5', '1e3', '.5', '5.', ' 5', '0x10', '12345678901234']) expect(parseKzt(bad), bad).toBeNull();
  });

  it('F-21: 0.1 + 0.2 KZT is 0.30 KZT (a float says 0.30000000000000004)', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    const sum = addTiyn(parseKzt('0.1')!, parseKzt('0.2')!);
    expect(sum).toBe(30);
    expect(formatKzt(sum)).toBe('0.30');
    expect(legacyKztNumber(sum)).toBe(0.3);
    expect(sumTiyn(Array.from({ length: 10 }, () => t(10)))).toBe(100); // ten times 0.1 KZT is 1 KZT
  });

  it('ADR 0036: tiyn is a safe integer; fractions, NaN and unsafe integers are refused', () => {
    expect(() => tiyn(0.5)).toThrow(ValidationError);
    expect(() => tiyn(Number.NaN)).toThrow(ValidationError);
    expect(() => tiyn(2 ** 53)).toThrow(ValidationError);
    expect(() => addTiyn(t(999_999_999_999_999), t(1))).toThrow(/largest/);
  });

  it('ADR 0036: a deprecated KZT JSON number is read from its decimal text, not multiplied as a float', () => {
    expect(tiynFromKztNumber(0.29)).toBe(29);
    expect(tiynFromKztNumber(100_000_000.01)).toBe(10_000_000_001);
    expect(tiynFromKztNumber(1.115)).toBeNull();
    expect(tiynFromKztNumber(-1)).toBeNull();
    expect(tiynFromKztNumber(1e21)).toBeNull();
  });

  it('ADR 0036: tiyn is printed as decimal KZT with two decimals', () => {
    expect(formatKzt(t(0))).toBe('0.00');
    expect(formatKzt(t(5))).toBe('0.05');
    expect(formatKzt(t(-5))).toBe('-0.05');
    expect(formatKzt(t(123_456_789))).toBe('1234567.89');
    expect(displayKzt(t(123_456_789))).toBe('1,234,567.89');
    expect(displayKzt(t(99))).toBe('0.99');
  });

  it('F-22, F-23: the rounding rule — a share is rounded once, to the nearest tiyn, halves up', () => {
    const onePercent = parseRate('0.01');
    expect(shareOf(t(50), onePercent)).toBe(1); // 1 % of 0.50 KZT = 0.005 → 0.01
    expect(shareOf(t(49), onePercent)).toBe(0); // 0.0049 → 0.00
    expect(shareOf(t(150), onePercent)).toBe(2); // 0.015 → 0.02 (half up, not half even)
    expect(shareOf(t(249), onePercent)).toBe(2); // 0.0249 → 0.02
    expect(shareOf(t(1_000_000_000), onePercent)).toBe(10_000_000); // 10 M KZT → 100 000 KZT
    expect(shareOf(t(999_999_999_999_999), parseRate('0.0125'))).toBe(12_500_000_000_000); // product 1.25e17 > 2^53: exact in BigInt
    expect(() => parseRate('1%')).toThrow(ValidationError);
  });
});
