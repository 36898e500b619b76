import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidationError } from '@hub/kernel';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ReferenceDataError, ReferenceValueMissingError } from './reference-data.errors.js';
import {
  f42RetainUntil,
  f42RetentionEndsAt,
  mciFor,
  mergeThresholds,
  referenceData,
  referenceDataFrom,
  SHIPPED_THRESHOLDS_FILE,
  taxDebtLimitKzt,
  taxDebtLimitTiyn,
} from './reference-data.js';
import { readThresholdsFile, type ThresholdValue } from './thresholds-file.js';

// The shipped file only, whatever HUB_REFERENCE_DATA_FILE says in the environment.
const rd = referenceDataFrom(readThresholdsFile(SHIPPED_THRESHOLDS_FILE));

const root = mkdtempSync(join(tmpdir(), 'hub-reference-data-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let seq = 0;
function fileWith(content: unknown): string {
  seq += 1;
  const file = join(root, `t${seq}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

function entry(over: Partial<ThresholdValue> & { key: string }): ThresholdValue {
  return { value: 1, unit: 'WD', effectiveFrom: '2026-01-01', ruleIds: ['F-1'], source: 'test', ...over };
}

function caught<T extends Error>(type: new (...args: never[]) => T, fn: () => unknown): T {
  try {
    fn();
  } catch (e) {
    if (e instanceof type) return e;
    throw e;
  }
  throw new Error(`expected ${type.name}`);
}

const originalEnv = process.env.HUB_REFERENCE_DATA_FILE;
afterEach(() => {
  if (originalEnv === undefined) delete process.env.HUB_REFERENCE_DATA_FILE;
  else process.env.HUB_REFERENCE_DATA_FILE = originalEnv;
});

describe('MCI (budget law) and the F-9(2) / F-68(1) tax-debt limit', () => {
  it('MCI per year: 2024 3 692, 2025 3 932, 2026 4 325 KZT', () => {
    expect(mciFor(2024, rd)).toBe(3692);
    expect(mciFor(2025, rd)).toBe(3932);
    expect(mciFor(2026, rd)).toBe(4325);
    expect(rd.numberAt('mci', '2025-07-15')).toBe(3932);
    expect(rd.valueAt('mci', '2026-12-31')).toMatchObject({ value: 4325, unit: 'KZT', effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31' });
  });

  it('6 × MCI is 23 592 KZT for 2025 and 25 950 KZT for 2026', () => {
    expect(rd.numberAt('tax-debt-limit-mci-multiplier', '2026-03-20')).toBe(6);
    expect(rd.numberAt('tax-debt-limit-mci-multiplier', '2026-03-20') * mciFor(2025, rd)).toBe(23592);
    expect(taxDebtLimitKzt('2026-03-20', rd)).toBe(25950);
    expect(taxDebtLimitKzt('2026-12-31', rd)).toBe(25950);
  });

  it('F-9(2): the limit in tiyn is exact — 25 950 KZT = 2 595 000 tiyn in 2026; an MCI finer than a tiyn is an error, not rounded (ADR 0036)', () => {
    expect(taxDebtLimitTiyn('2026-03-20', rd)).toBe(2_595_000);
    expect(taxDebtLimitTiyn('2026-12-31', rd)).toBe(taxDebtLimitKzt('2026-12-31', rd) * 100);
    const mci = (value: number): ThresholdValue[] => [
      entry({ key: 'mci', value, unit: 'KZT', effectiveFrom: '2030-01-01', effectiveTo: '2030-12-31', ruleIds: ['F-9(2)'] }),
      entry({ key: 'tax-debt-limit-mci-multiplier', value: 6, unit: 'MCI', effectiveFrom: '2030-01-01', ruleIds: ['F-9(2)'] }),
    ];
    expect(taxDebtLimitTiyn('2030-05-01', referenceDataFrom(mci(4325.1)))).toBe(2_595_060); // 6 × 432 510 tiyn, where 6 × 4325.1 in floats is 25950.600000000002
    expect(() => taxDebtLimitTiyn('2030-05-01', referenceDataFrom(mci(4325.125)))).toThrow(/at most 2 decimals/);
  });

  it("a year without an MCI is an error, never last year's value", () => {
    const e = caught(ReferenceValueMissingError, () => mciFor(2027, rd));
    expect(e.kind).toBe('validation');
    expect(e.code).toBe('reference-data.value-missing');
    expect(e.message).toMatch(/no reference value 'mci' in force on 2027-01-01/);
    expect(e.message).toMatch(/2024-01-01…2024-12-31 = 3692 KZT, 2025-01-01…2025-12-31 = 3932 KZT, 2026-01-01…2026-12-31 = 4325 KZT/);
    expect(e.message).toMatch(/HUB_REFERENCE_DATA_FILE/);
    expect(() => mciFor(2023, rd)).toThrow(ReferenceValueMissingError);
    expect(() => taxDebtLimitKzt('2027-02-01', rd)).toThrow(/'mci' in force on 2027-01-01/);
  });

  it('F-9(2) under the Fund rules only: a filing before they are in force has no limit', () => {
    expect(() => taxDebtLimitKzt('2025-06-01', rd)).toThrow(/'tax-debt-limit-mci-multiplier' in force on 2025-06-01/);
  });

  it('rejects a malformed year or date', () => {
    expect(() => mciFor(26, rd)).toThrow(ValidationError);
    expect(() => taxDebtLimitKzt('20.03.2026', rd)).toThrow(/filingDate: expected a calendar date/);
  });
});

describe('thresholds of the Fund rules and the cluster-selection rules', () => {
  const on = '2026-06-01';
  it.each([
    ['tax-certificate-max-age-calendar-days', 10, 'CD', 'F-9(2)'],
    ['audit-income-threshold-kzt', 100_000_000, 'KZT', 'F-33'],
    ['training-course-min-months', 6, 'months', 'F-68(6)'],
    ['participation-min-term-months', 12, 'months', 'F-24'],
    ['deadline.completeness-review-wd', 5, 'WD', 'F-12'],
    ['deadline.completeness-review-wd', 5, 'WD', 'F-14'],
    ['deadline.commission-decision-wd', 10, 'WD', 'F-15'],
    ['deadline.notification-wd', 5, 'WD', 'F-17'],
    ['deadline.certificate-wd', 3, 'WD', 'F-18'],
    ['deadline.registry-listing-wd', 3, 'WD', 'F-19'],
    ['deadline.activity-change-wd', 10, 'WD', 'F-20'],
    ['deadline.extension-before-end-wd', 10, 'WD', 'F-25'],
    ['deadline.withdrawal-notice-wd', 10, 'WD', 'F-29'],
    ['deadline.information-request-wd', 10, 'WD', 'F-32'],
    ['deadline.information-request-wd', 10, 'WD', 'F-38'],
    ['deadline.reorganisation-notice-wd', 10, 'WD', 'F-34'],
    ['deadline.fee-day-of-month', 25, 'day-of-month', 'F-21'],
    ['deadline.quarterly-report-day-of-month', 20, 'day-of-month', 'F-37'],
    ['deadline.audit-opinion-month', 7, 'month-of-year', 'F-33'],
    ['deadline.audit-opinion-day', 1, 'day-of-month', 'F-33'],
    ['deadline.housing-handover-wd', 2, 'WD', 'F-61'],
    ['deadline.training-review-wd', 10, 'WD', 'F-68'],
    ['deadline.training-remarks-fix-wd', 10, 'WD', 'F-71'],
    ['deadline.training-decision-notice-wd', 5, 'WD', 'F-74'],
    ['deadline.training-contract-wd', 10, 'WD', 'F-75'],
    ['deadline.cluster.announcement-before-deadline-cd', 60, 'CD', 'C-5'],
    ['deadline.cluster.compliance-check-wd', 5, 'WD', 'C-12'],
    ['deadline.cluster.transfer-to-institute-wd', 3, 'WD', 'C-13'],
    ['deadline.cluster.expert-opinion-cd', 60, 'CD', 'C-16'],
    ['deadline.cluster.opinions-to-organiser-wd', 5, 'WD', 'C-17'],
    ['deadline.cluster.materials-to-commission-wd', 3, 'WD', 'C-18'],
    ['deadline.cluster.results-publication-wd', 3, 'WD', 'C-21'],
  ] as const)('%s = %d %s (%s)', (key, value, unit, ruleId) => {
    const v = rd.valueAt(key, on);
    expect(v.value).toBe(value);
    expect(v.unit).toBe(unit);
    expect(v.ruleIds).toContain(ruleId);
    expect(v.source).not.toBe('');
  });

  it('F-7(8)/(9) are in force from 2029-01-01 only (50 % limit of F-7(9))', () => {
    expect(rd.findAt('eligibility.export-and-quasi-state-rules', '2028-12-31')).toBeUndefined();
    expect(() => rd.valueAt('eligibility.export-and-quasi-state-rules', '2028-12-31')).toThrow(ReferenceValueMissingError);
    expect(rd.valueAt('eligibility.export-and-quasi-state-rules', '2029-01-01')).toMatchObject({ value: 50, unit: 'percent', ruleIds: ['F-7(8)', 'F-7(9)'] });
  });

  it('every value carries a source and rule IDs (or is the budget-law MCI)', () => {
    for (const key of rd.keys()) {
      for (const v of rd.history(key)) {
        expect(v.source.length).toBeGreaterThan(10);
        expect(v.ruleIds.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('ReferenceData API', () => {
  it('history is oldest first; keys are sorted', () => {
    expect(rd.history('mci').map((v) => v.value)).toEqual([3692, 3932, 4325]);
    const keys = rd.keys();
    expect([...keys].sort()).toEqual(keys);
    expect(keys).toContain('mci');
  });

  it('an unknown key names the known keys', () => {
    const e = caught(ReferenceValueMissingError, () => rd.numberAt('deadline.nonexistent', '2026-06-01'));
    expect(e.message).toMatch(/no reference value 'deadline.nonexistent' in force on 2026-06-01; unknown key; known keys: .*mci/);
    expect(() => rd.history('nope')).toThrow(/unknown reference key 'nope'/);
  });

  it('returns copies: callers cannot change the loaded data', () => {
    const v = rd.valueAt('mci', '2026-02-01');
    v.value = 1;
    v.ruleIds.push('X');
    expect(rd.numberAt('mci', '2026-02-01')).toBe(4325);
    expect(rd.valueAt('mci', '2026-02-01').ruleIds).toEqual(['F-9(2)', 'F-68(1)']);
  });

  it('the default instance is cached', () => {
    delete process.env.HUB_REFERENCE_DATA_FILE;
    expect(referenceData()).toBe(referenceData());
  });
});

describe('validation on load', () => {
  it('overlapping periods of one key are an error naming the key', () => {
    const file = fileWith({
      thresholds: [
        entry({ key: 'mci', value: 3932, effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31' }),
        entry({ key: 'mci', value: 4325, effectiveFrom: '2025-12-31' }),
      ],
    });
    const e = caught(ReferenceDataError, () => readThresholdsFile(file));
    expect(e.file).toBe(file);
    expect(e.message).toMatch(/thresholds\[1\]: key 'mci': the period 2025-12-31…\(open\) overlaps 2025-01-01…2025-12-31 of thresholds\[0\]/);
  });

  it('an open-ended period followed by a later one overlaps it', () => {
    const file = fileWith({
      thresholds: [entry({ key: 'deadline.x-wd', effectiveFrom: '2026-01-01' }), entry({ key: 'deadline.x-wd', effectiveFrom: '2027-01-01' })],
    });
    expect(() => readThresholdsFile(file)).toThrow(/key 'deadline.x-wd': the period 2027-01-01…\(open\) overlaps 2026-01-01…\(open\)/);
  });

  it('effectiveTo before effectiveFrom is an error', () => {
    const file = fileWith({ thresholds: [entry({ key: 'mci', effectiveFrom: '2026-01-01', effectiveTo: '2025-12-31' })] });
    expect(() => readThresholdsFile(file)).toThrow(/thresholds\[0\]\.effectiveTo: key 'mci': effectiveTo 2025-12-31 is before effectiveFrom 2026-01-01/);
  });

  it('malformed entries are reported field by field', () => {
    const file = fileWith({
      thresholds: [{ key: 'mci', value: '4325', unit: 'KZT', effectiveFrom: '2026-13-01', ruleIds: 'F-9', source: '', extra: 1 }],
    });
    const e = caught(ReferenceDataError, () => readThresholdsFile(file));
    expect(e.code).toBe('reference-data.invalid');
    expect(e.issues.map((i) => i.path)).toEqual([
      'thresholds[0].extra',
      'thresholds[0].value',
      'thresholds[0].effectiveFrom',
      'thresholds[0].ruleIds',
      'thresholds[0].source',
    ]);
  });

  it('invalid JSON and a missing file name the file', () => {
    expect(() => readThresholdsFile(fileWith('{"thresholds": ['))).toThrow(/invalid reference data file .*\.json: \(file\): not valid JSON/);
    expect(() => referenceData({ extraFile: join(root, 'missing.json') })).toThrow(/missing\.json: \(file\): cannot be read/);
  });
});

describe('extra file (option extraFile or HUB_REFERENCE_DATA_FILE)', () => {
  const extra = {
    thresholds: [
      entry({
        key: 'mci',
        value: 4600,
        unit: 'KZT',
        effectiveFrom: '2027-01-01',
        effectiveTo: '2027-12-31',
        ruleIds: ['F-9(2)'],
        source: 'budget law 2027 (test)',
      }),
      entry({
        key: 'deadline.fee-day-of-month',
        value: 15,
        unit: 'day-of-month',
        effectiveFrom: '2027-01-01',
        ruleIds: ['F-21'],
        source: 'amended tariff (test)',
      }),
      entry({ key: 'deadline.new-thing-wd', value: 4, source: 'new rule (test)' }),
    ],
  };

  it('adds years and keys, and overrides values from its effective date on', () => {
    const merged = referenceData({ extraFile: fileWith(extra) });
    expect(mciFor(2026, merged)).toBe(4325);
    expect(mciFor(2027, merged)).toBe(4600);
    expect(taxDebtLimitKzt('2027-02-01', merged)).toBe(27600);
    expect(merged.history('deadline.fee-day-of-month').map((v) => [v.effectiveFrom, v.effectiveTo, v.value])).toEqual([
      ['2026-01-16', '2026-12-31', 25],
      ['2027-01-01', undefined, 15],
    ]);
    expect(merged.numberAt('deadline.new-thing-wd', '2026-05-05')).toBe(4);
  });

  it('is read from HUB_REFERENCE_DATA_FILE by the default instance', () => {
    process.env.HUB_REFERENCE_DATA_FILE = fileWith(extra);
    expect(mciFor(2027, referenceData())).toBe(4600);
    delete process.env.HUB_REFERENCE_DATA_FILE;
    expect(() => mciFor(2027, referenceData())).toThrow(ReferenceValueMissingError);
  });

  it('an override in the middle of a period splits the shipped value around it', () => {
    const merged = mergeThresholds(
      [entry({ key: 'k', value: 1, effectiveFrom: '2026-01-01' })],
      [entry({ key: 'k', value: 2, effectiveFrom: '2026-03-01', effectiveTo: '2026-03-31' })],
    );
    const data = referenceDataFrom(merged);
    expect(data.history('k').map((v) => `${v.effectiveFrom}…${v.effectiveTo ?? ''}=${v.value}`)).toEqual([
      '2026-01-01…2026-02-28=1',
      '2026-03-01…2026-03-31=2',
      '2026-04-01…=1',
    ]);
  });

  it('overlaps inside the extra file are still errors', () => {
    const bad = { thresholds: [entry({ key: 'mci', effectiveFrom: '2027-01-01' }), entry({ key: 'mci', effectiveFrom: '2027-06-01' })] };
    expect(() => referenceData({ extraFile: fileWith(bad) })).toThrow(ReferenceDataError);
  });
});

describe('F-42 retention of personal data (ADRs 0119, 0124)', () => {
  it('F-42: kept until 31 December of the year the purpose ended plus the shipped 5 years; gone at 00:00 Almaty the day after', () => {
    expect(f42RetainUntil(2026, '2026-12-18')).toBe('2031-12-31');
    expect(f42RetentionEndsAt('2031-12-31').toISOString()).toBe('2031-12-31T19:00:00.000Z'); // 1 January 2032, 00:00 in Almaty (UTC+5)
  });

  it('F-42: the period in force on the day the purpose ended applies (effective-dated), a later change only to what ends after it', () => {
    const key = 'f42.personal-data-retention-years';
    const rdF42 = referenceDataFrom([
      entry({ key, value: 5, unit: 'years', effectiveFrom: '2026-01-16', effectiveTo: '2027-12-31' }),
      entry({ key, value: 3, unit: 'years', effectiveFrom: '2028-01-01' }),
    ]);
    expect(f42RetainUntil(2027, '2027-12-31', rdF42)).toBe('2032-12-31');
    expect(f42RetainUntil(2027, '2028-01-01', rdF42)).toBe('2030-12-31');
    expect(() => f42RetainUntil(2025, '2025-06-01', rdF42)).toThrow(ReferenceValueMissingError);
    expect(() => f42RetainUntil(26, '2026-06-01', rdF42)).toThrow(ValidationError);
  });
});
