import { describe, expect, it } from 'vitest';
import { disclosableTotals, projectExpediency } from './analytics-content.rule.js';
import { tiyn } from '@hub/kernel';

const c = (conclusion: 'expedient' | 'not-expedient', project = 'P') => ({ project, conclusion, periodFrom: '2026-01-01', periodTo: '2026-03-31' });
const f = (revenue: number | null, headcount: number | null = 1) => ({
  revenueTiyn: revenue === null ? null : tiyn(revenue),
  exportRevenueTiyn: null,
  headcount,
  nonResidentHeadcount: 0,
});

describe('F-40, F-41: a participant’s projects in one word', () => {
  it('F-40: any "not expedient" project makes the participant not expedient; all expedient → expedient; none → not concluded', () => {
    expect(projectExpediency([])).toBe('not-concluded');
    expect(projectExpediency([c('expedient', 'A'), c('expedient', 'B')])).toBe('expedient');
    expect(projectExpediency([c('expedient', 'A'), c('not-expedient', 'B')])).toBe('not-expedient');
  });
});

describe('F-35: totals of commercial figures only over enough reports', () => {
  it('F-35: at the minimum the totals are exact integer tiyn (unknown amounts count as 0); one below it → null', () => {
    expect(disclosableTotals([f(10), f(20), f(null, null)], 3)).toEqual({
      reports: 3,
      revenueTiyn: 30,
      exportRevenueTiyn: 0,
      headcount: 2,
      nonResidentHeadcount: 0,
    });
    expect(disclosableTotals([f(10), f(20)], 3)).toBeNull();
    expect(disclosableTotals([], 1)).toBeNull();
  });

  it('F-35: a minimum that is not a positive integer is a configuration error, not "show everything"', () => {
    expect(() => disclosableTotals([f(1)], 0)).toThrow(RangeError);
    expect(() => disclosableTotals([f(1)], 2.5)).toThrow(RangeError);
  });
});
