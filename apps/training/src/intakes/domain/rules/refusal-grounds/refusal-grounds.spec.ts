import { describe, expect, it } from 'vitest';
import { referenceData, taxDebtLimitTiyn } from '@hub/reference-data';
import { courseDurationGround } from './course-duration.ground.js';
import { detailedCurriculumGround } from './detailed-curriculum.ground.js';
import { taxDebtGround } from './tax-debt.ground.js';
import { falseInformationGround } from './false-information.ground.js';
import { bankruptcyLiquidationGround } from './bankruptcy-liquidation.ground.js';
import { unfairProcurementGround } from './unfair-procurement.ground.js';
import { debtorsRegisterGround } from './debtors-register.ground.js';
import { internetResourceGround } from './internet-resource.ground.js';
import { REFUSAL_GROUNDS, evaluateRefusalGrounds, inForce } from './refusal-grounds.js';

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

describe('F-68(2): false information (the officer’s finding)', () => {
  it('refuses when found, with the note', () => {
    expect(falseInformationGround({ found: true, note: 'licence number does not exist' })).toMatchObject({ ruleId: 'F-68(2)', refuses: true });
    expect(falseInformationGround({ found: false, note: null }).refuses).toBe(false);
  });
});

describe('F-68(3): bankruptcy or liquidation', () => {
  it('refuses an applicant in proceedings', () => {
    expect(bankruptcyLiquidationGround({ inProceedings: true })).toMatchObject({ ruleId: 'F-68(3)', refuses: true });
    expect(bankruptcyLiquidationGround({ inProceedings: false }).refuses).toBe(false);
  });
});

describe('F-68(4): the register of unfair procurement participants', () => {
  it('refuses a listed applicant', () => {
    expect(unfairProcurementGround({ listed: true })).toMatchObject({ ruleId: 'F-68(4)', refuses: true });
    expect(unfairProcurementGround({ listed: false }).refuses).toBe(false);
  });
});

describe('F-68(5): the unified register of debtors', () => {
  it('refuses a listed applicant', () => {
    expect(debtorsRegisterGround({ listed: true })).toMatchObject({ ruleId: 'F-68(5)', refuses: true });
    expect(debtorsRegisterGround({ listed: false }).refuses).toBe(false);
  });
});

describe('F-68(8): an internet resource stating Astana Hub participation', () => {
  it('refuses without a resource, or with one that does not say so', () => {
    expect(internetResourceGround({ url: null, statesParticipation: false })).toMatchObject({ ruleId: 'F-68(8)', refuses: true });
    expect(internetResourceGround({ url: 'https://school.kz', statesParticipation: false }).refuses).toBe(true);
    expect(internetResourceGround({ url: 'https://school.kz', statesParticipation: true }).refuses).toBe(false);
  });
});

describe('F-68: the eight grounds as effective-dated rules', () => {
  const week = (n: number) => ({ week: n, topics: `Week ${n}`, academicHours: 10 });
  const course = {
    name: 'A',
    description: 'd',
    curriculum: Array.from({ length: 24 }, (_, i) => week(i + 1)),
    durationMonths: 6,
    studentSelectionCriteria: 's',
    priceTiyn: 1,
  };
  const fact = <T>(value: T) => ({ value, source: 'test', checkedOn: '2026-11-16' as const, evidence: null });
  const facts = {
    taxDebt: fact({ taxDebtTiyn: 0, pensionSocialArrearsTiyn: 0 }),
    falseInformation: fact({ found: false, note: null }),
    bankruptcyOrLiquidation: fact({ inProceedings: false }),
    unfairProcurement: fact({ listed: false }),
    debtors: fact({ listed: true }),
    internetResource: fact({ url: 'https://school.kz', statesParticipation: true }),
  };
  const thresholds = { taxDebtLimitTiyn: 2_595_000, minCourseMonths: 6 };
  it('all eight are in force from 16 January 2026, in the order of F-68, each outcome with its source and date', () => {
    const outcomes = evaluateRefusalGrounds({ on: '2026-11-16', reviewedOn: '2026-11-18', courses: [course], facts, thresholds });
    expect(outcomes.map((o) => o.ruleId)).toEqual(['F-68(1)', 'F-68(2)', 'F-68(3)', 'F-68(4)', 'F-68(5)', 'F-68(6)', 'F-68(7)', 'F-68(8)']);
    expect(outcomes.filter((o) => o.refuses).map((o) => o.ruleId)).toEqual(['F-68(5)']);
    expect(outcomes[5]).toMatchObject({ source: 'application', checkedOn: '2026-11-18' });
    expect(outcomes[4]).toMatchObject({ source: 'test', checkedOn: '2026-11-16' });
  });
  it('before the rules were in force no ground applies', () => {
    expect(REFUSAL_GROUNDS.filter((g) => inForce(g, '2026-01-15'))).toEqual([]);
    expect(evaluateRefusalGrounds({ on: '2026-01-15', reviewedOn: '2026-01-15', courses: [course], facts, thresholds })).toEqual([]);
  });
});
