import { describe, expect, it } from 'vitest';
import { loadTrainingParameters, parametersOn } from './intakes.mikro-orm.js';

describe('data/training-rules.json (effective-dated, F-68)', () => {
  it('the shipped file gives 10 working days for the completeness review (F-68)', () => {
    expect(parametersOn(loadTrainingParameters(), '2026-12-01').completenessReviewWorkingDays).toBe(10);
  });
  it('the version in force is the latest effective on the day; before the first there is none', () => {
    const versions = [
      { effectiveFrom: '2020-01-01', completenessReviewWorkingDays: 10, source: 'a' },
      { effectiveFrom: '2027-01-01', completenessReviewWorkingDays: 7, source: 'b' },
    ];
    expect(parametersOn(versions, '2026-12-31').completenessReviewWorkingDays).toBe(10);
    expect(parametersOn(versions, '2027-01-01').completenessReviewWorkingDays).toBe(7);
    expect(() => parametersOn(versions, '2019-12-31')).toThrow(/no training parameters/);
  });
});
