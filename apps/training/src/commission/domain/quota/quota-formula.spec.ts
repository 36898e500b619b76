import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { largestRemainder } from './largest-remainder.js';
import { QUOTA_FORMULA_V1, allocateQuotas, quotaCalculationCsv, type QuotaInput } from './quota-formula.js';

const input = fc.record({
  commissionScoreMilli: fc.integer({ min: 0, max: 100_000 }),
  courseMonths: fc.integer({ min: 6, max: 24 }),
  pricePerTraineeTiyn: fc.integer({ min: 1, max: 500_000_000 }),
});
const inputs = fc
  .array(input, { minLength: 1, maxLength: 12 })
  .map((xs): QuotaInput[] => xs.map((x, i) => ({ ...x, applicationId: `app-${String(i).padStart(2, '0')}` })));
const budget = fc.integer({ min: 0, max: 5_000 });
const quotas = (c: { lines: readonly { applicationId: string; quota: number }[] }) => Object.fromEntries(c.lines.map((l) => [l.applicationId, l.quota]));

describe('F-73: the quota mechanism (training-quota-v1, largest remainder)', () => {
  it('the sum of the quotas equals the budget exactly', () => {
    fc.assert(fc.property(budget, inputs, (b, xs) => allocateQuotas({ formulaVersion: 'training-quota-v1', budget: b, inputs: xs }).total === b));
  });

  it('the same inputs give the same result, in any order (deterministic, re-runnable from the snapshot)', () => {
    fc.assert(
      fc.property(budget, inputs, fc.infiniteStream(fc.nat()), (b, xs, seeds) => {
        const once = allocateQuotas({ formulaVersion: 'training-quota-v1', budget: b, inputs: xs });
        const shuffled = [...xs]
          .map((x) => ({ x, k: seeds.next().value as number }))
          .sort((a, c) => a.k - c.k)
          .map((p) => p.x);
        const again = allocateQuotas({ formulaVersion: 'training-quota-v1', budget: b, inputs: shuffled });
        expect(quotas(again)).toEqual(quotas(once));
        const snapshot = JSON.parse(JSON.stringify({ formulaVersion: 'training-quota-v1', budget: b, inputs: xs })) as Parameters<typeof allocateQuotas>[0];
        expect(allocateQuotas(snapshot)).toEqual(once);
      }),
    );
  });

  it('monotone in the score: raising one application’s Commission score never lowers its quota', () => {
    fc.assert(
      fc.property(budget, inputs, fc.nat(), fc.integer({ min: 1, max: 100_000 }), (b, xs, pick, raise) => {
        const i = pick % xs.length;
        const before = allocateQuotas({ formulaVersion: 'training-quota-v1', budget: b, inputs: xs });
        const higher = xs.map((x, j) => (j === i ? { ...x, commissionScoreMilli: x.commissionScoreMilli + raise } : x));
        const after = allocateQuotas({ formulaVersion: 'training-quota-v1', budget: b, inputs: higher });
        expect(after.lines[i]!.quota).toBeGreaterThanOrEqual(before.lines[i]!.quota);
      }),
      { numRuns: 500 },
    );
  });

  it('largest remainder, by hand: 10 places over weights 5 : 3 : 2 : 0 and the documented tie-break', () => {
    expect(
      largestRemainder(10, [
        { key: 'a', weight: 5n },
        { key: 'b', weight: 3n },
        { key: 'c', weight: 2n },
        { key: 'd', weight: 0n },
      ]).map((r) => r.quota),
    ).toEqual([5, 3, 2, 0]);
    // 7 over 1 : 1 : 1 → 2, 2, 2 and one left: equal remainders and weights → the smaller key
    expect(
      largestRemainder(7, [
        { key: 'b', weight: 1n },
        { key: 'a', weight: 1n },
        { key: 'c', weight: 1n },
      ]).map((r) => [r.key, r.quota]),
    ).toEqual([
      ['b', 2],
      ['a', 3],
      ['c', 2],
    ]);
    // 1 over 1 : 2 : 1 (remainders 1/4, 2/4, 1/4): the largest remainder wins
    expect(
      largestRemainder(1, [
        { key: 'x', weight: 1n },
        { key: 'y', weight: 2n },
        { key: 'z', weight: 1n },
      ]).map((r) => r.quota),
    ).toEqual([0, 1, 0]);
  });

  it('a worked example of v1, with its CSV report', () => {
    const c = allocateQuotas({
      formulaVersion: 'training-quota-v1',
      budget: 100,
      inputs: [
        { applicationId: 'A', commissionScoreMilli: 90_000, courseMonths: 6, pricePerTraineeTiyn: 45_000_000 },
        { applicationId: 'B', commissionScoreMilli: 60_000, courseMonths: 9, pricePerTraineeTiyn: 45_000_000 },
        { applicationId: 'C', commissionScoreMilli: 80_000, courseMonths: 6, pricePerTraineeTiyn: 90_000_000 },
      ],
    });
    // weights 540 : 540 : 240 (×10^12/45·10^6 …) → 100 × 540/1320 = 40.9, 40.9, 18.2 → 41, 41, 18
    expect(c.lines.map((l) => l.quota)).toEqual([41, 41, 18]);
    expect(c.total).toBe(100);
    expect(QUOTA_FORMULA_V1.version).toBe('training-quota-v1');
    const csv = quotaCalculationCsv(c).trim().split('\n');
    expect(csv).toHaveLength(4);
    expect(csv[1]).toMatch(/^training-quota-v1,100,A,90000,6,45000000,/);
  });
});
