import { describe, expect, it } from 'vitest';
import { referenceData, taxDebtLimitTiyn } from '@hub/reference-data';
import { courseDurationGround } from './course-duration.ground.js';
import { detailedCurriculumGround } from './detailed-curriculum.ground.js';
import { taxDebtGround } from './tax-debt.ground.js';

describe('F-68(1): tax debt and pension/social arrears above 6 × MCI of the year', () => {
  // 2026: MCI 4 325 KZT → 6 × 4 325 = 25 950 KZT = 2 595 000 tiyn (packages/reference-data, effective-dated).
  const limitTiyn = taxDebtLimitTiyn('2026-11-16', referenceData());
  it('the limit of 2026 is 6 × MCI 4 325 KZT, in tiyn', () => {
    expect(limitTiyn).toBe(2_595_000);
  });
  it('equal to the limit does not refuse; one tiyn above does, debt and arrears counted together', () => {
    expect(taxDebtGround({ taxDebtTiyn: 2_000_000, pensionSocialArrearsTiyn: 595_000, limitTiyn }).refuses).toBe(false);
    const over = taxDebtGround({ taxDebtTiyn: 2_000_000, pensionSocialArrearsTiyn: 595_001, limitTiyn });
    expect(over).toMatchObject({ ruleId: 'F-68(1)', refuses: true, details: { totalTiyn: 2_595_001, limitTiyn } });
  });
});

describe('F-68(6): a course shorter than 6 months', () => {
  const min = referenceData().numberAt('training-course-min-months', '2026-11-16');
  it('the minimum is 6 months (packages/reference-data)', () => expect(min).toBe(6));
  it('refuses when any course is shorter and names it; 6 months passes', () => {
    expect(courseDurationGround([{ name: 'A', durationMonths: 6 }], min).refuses).toBe(false);
    expect(
      courseDurationGround(
        [
          { name: 'A', durationMonths: 6 },
          { name: 'B', durationMonths: 5 },
        ],
        min,
      ),
    ).toMatchObject({
      ruleId: 'F-68(6)',
      refuses: true,
      details: { shortCourses: ['B'] },
    });
  });
});

describe('F-68(7): no detailed curriculum', () => {
  const week = (n: number) => ({ week: n, topics: `Week ${n}`, academicHours: 10 });
  const full = Array.from({ length: 24 }, (_, i) => week(i + 1));
  it('a curriculum covering every week of a 6-month course passes', () => {
    expect(detailedCurriculumGround([{ name: 'A', durationMonths: 6, curriculum: full }]).refuses).toBe(false);
  });
  it('a gap or a week without hours refuses', () => {
    expect(detailedCurriculumGround([{ name: 'A', durationMonths: 6, curriculum: full.filter((w) => w.week !== 7) }])).toMatchObject({
      ruleId: 'F-68(7)',
      refuses: true,
    });
    expect(
      detailedCurriculumGround([{ name: 'A', durationMonths: 6, curriculum: full.map((w) => (w.week === 3 ? { ...w, academicHours: 0 } : w)) }]).refuses,
    ).toBe(true);
  });
});
