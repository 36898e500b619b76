import { describe, expect, it } from 'vitest';
import {
  DeclareIncomeBody,
  FeeDto,
  MAX_TIYN,
  PositiveTiynSchema,
  RecordPaymentBody,
  TaxCertificateSchema,
  TiynSchema,
  kztTextFromTiyn,
  tiynFromKztText,
} from './index.js';

describe('money in the published language (ADR 0036): integer tiyn', () => {
  it('TiynSchema takes a non-negative safe integer up to MAX_TIYN and refuses a fraction of a tiyn', () => {
    expect(TiynSchema.parse(0)).toBe(0);
    expect(TiynSchema.parse(MAX_TIYN)).toBe(MAX_TIYN);
    expect(TiynSchema.safeParse(MAX_TIYN + 1).success).toBe(false);
    expect(TiynSchema.safeParse(0.5).success).toBe(false);
    expect(TiynSchema.safeParse(-1).success).toBe(false);
    expect(TiynSchema.safeParse('100').success).toBe(false);
    expect(PositiveTiynSchema.safeParse(0).success).toBe(false);
  });

  it('decimal KZT text is read digit by digit, never rounded: 0.29 → 29, a third decimal or a sign → null', () => {
    expect(tiynFromKztText('0.29')).toBe(29);
    expect(tiynFromKztText('1234.56')).toBe(123_456);
    expect(tiynFromKztText('25950')).toBe(2_595_000);
    expect(tiynFromKztText('0.1')).toBe(10);
    expect(tiynFromKztText('9999999999999.99')).toBe(MAX_TIYN);
    for (const bad of ['1.115', '-1', '1,5', '1e3', '', '.5', '10000000000000']) expect(tiynFromKztText(bad)).toBeNull();
  });

  it('tiyn print back as decimal KZT text with two decimals, and read back to the same integer', () => {
    expect(kztTextFromTiyn(2_595_001)).toBe('25950.01');
    expect(kztTextFromTiyn(5)).toBe('0.05');
    expect(kztTextFromTiyn(0)).toBe('0.00');
    expect(() => kztTextFromTiyn(0.5)).toThrow(RangeError);
    for (const t of [0, 1, 29, 99, 100, 123_456, MAX_TIYN]) expect(tiynFromKztText(kztTextFromTiyn(t))).toBe(t);
  });

  it('HTTP bodies and responses carry …Tiyn only: a KZT field is no longer part of the contract', () => {
    expect(DeclareIncomeBody.safeParse({ year: 2026, quarter: 1, incomeKzt: 100 }).success).toBe(false);
    expect(DeclareIncomeBody.parse({ year: 2026, quarter: 1, incomeTiyn: 10_000 })).toEqual({ year: 2026, quarter: 1, incomeTiyn: 10_000 });
    expect(RecordPaymentBody.safeParse({ amountKzt: 1, paidOn: '2026-04-01', reference: 'P' }).success).toBe(false);
    expect(Object.keys(FeeDto.shape).filter((k) => k.endsWith('Kzt'))).toEqual([]);
    expect(TaxCertificateSchema.safeParse({ issuedOn: '2026-11-15', debtTiyn: 0.5 }).success).toBe(false);
    expect(TaxCertificateSchema.parse({ issuedOn: '2026-11-15', debtTiyn: 2_595_001 })).toEqual({ issuedOn: '2026-11-15', debtTiyn: 2_595_001 });
  });
});
