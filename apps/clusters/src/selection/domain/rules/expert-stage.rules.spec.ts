import { describe, expect, it } from 'vitest';
import { kzCalendar } from '@hub/calendar';
import { IllegalStateError, RuleViolationError } from '@hub/kernel';
import { loadRuleSets } from '../../infrastructure/selection.providers.js';
import { ruleSetById } from '../rule-set.js';
import { type CriterionAnalysis, assertAnalysisPerCriterion, assertComparativeAssessment, assertSwotPerCriterion } from './expert-analysis.rule.js';
import { assertTransferableToInstitute, instituteTransferDueOn } from './institute-transfer.rule.js';
import { expertOpinionsDueOn } from './opinion-period.rule.js';
import { assertOpinionsReadyForCommission, assertOpinionsReadyForOrganiser, opinionsToOrganiserDueOn, toCommissionDueOn } from './opinions-hand-over.rule.js';

const calendar = kzCalendar();
const addWd = (d: string, n: number) => calendar.addWorkingDays(d, n);
// The periods come from the 2015 set's data (ADR 0080), never from literals in the rules.
const set = ruleSetById(loadRuleSets(), 'kz-2015-1212');

const failure = (f: () => void): { rule?: string; field?: unknown; conflict?: boolean } | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof RuleViolationError) return { rule: e.ruleId, field: (e.details as Record<string, unknown>)['field'] };
    if (e instanceof IllegalStateError) return { conflict: true };
    throw e;
  }
  return undefined;
};

const swot = (code: string, over: Partial<CriterionAnalysis> = {}): CriterionAnalysis => ({
  code,
  strengths: ['38 interlinked firms'],
  weaknesses: ['one dyeing plant'],
  opportunities: ['export to Uzbekistan'],
  threats: ['cotton price'],
  finding: 'meets',
  ...over,
});

describe('C-13: to the national institute within 3 WD after the check period', () => {
  it('the data says 3 WD; counted from the last day of the check period (C-12), not from the check day', () => {
    expect(set.toInstituteWorkingDays).toBe(3);
    // Filed Monday 16 Nov 2026: check period ends Monday 23 Nov (5 WD); + 3 WD = Thursday 26 Nov.
    expect(instituteTransferDueOn('2026-11-23', set.toInstituteWorkingDays, addWd)).toBe('2026-11-26');
  });
  it('skips the weekend and the Kazakh holidays (Independence Day, 16 December 2026)', () => {
    // Check period ends Monday 14 Dec 2026; 16 Dec is a holiday: 15, 17, 18 December.
    expect(instituteTransferDueOn('2026-12-14', set.toInstituteWorkingDays, addWd)).toBe('2026-12-18');
  });
  it('only a compliant application goes, and once', () => {
    expect(failure(() => assertTransferableToInstitute('compliant', null))).toBeUndefined();
    expect(failure(() => assertTransferableToInstitute('filed', null))).toEqual({ conflict: true });
    expect(failure(() => assertTransferableToInstitute('returned', null))).toEqual({ conflict: true });
    expect(failure(() => assertTransferableToInstitute('compliant', new Date('2026-11-24T05:00:00Z')))).toEqual({ conflict: true });
  });
});

describe('C-14: the analysis covers every Annex 4 criterion of the set; the comparison covers every application', () => {
  const codes = set.criteria.map((c) => c.code);
  it('the 2015 set has the four Annex 4 criteria (data)', () => {
    expect(codes).toEqual(['value-chain', 'regional-environment', 'socio-economic-impact', 'development-prospects']);
  });
  it('accepts the four in any order', () => {
    expect(
      failure(() =>
        assertAnalysisPerCriterion(
          set.criteria,
          [...codes].reverse().map((c) => swot(c)),
        ),
      ),
    ).toBeUndefined();
  });
  it('refuses a missing, an unknown or a repeated criterion, naming the field', () => {
    expect(
      failure(() =>
        assertAnalysisPerCriterion(
          set.criteria,
          codes.slice(0, 3).map((c) => swot(c)),
        ),
      ),
    ).toEqual({ rule: 'C-14', field: 'criteria' });
    expect(failure(() => assertAnalysisPerCriterion(set.criteria, [...codes.map((c) => swot(c)), swot('innovation')]))).toEqual({
      rule: 'C-14',
      field: 'criteria.4.code',
    });
    expect(failure(() => assertAnalysisPerCriterion(set.criteria, [swot(codes[0]!), swot(codes[0]!)]))).toEqual({ rule: 'C-14', field: 'criteria.1.code' });
  });
  it('a successor set with other criteria is analysed against its own list (no code change)', () => {
    const successor = [{ code: 'digital-maturity', ruleId: 'X-1', title: 'Digital maturity' }];
    expect(failure(() => assertAnalysisPerCriterion(successor, [swot('digital-maturity')]))).toBeUndefined();
    expect(failure(() => assertAnalysisPerCriterion(successor, [swot('value-chain')]))?.rule).toBe('C-14');
  });
  it('the comparison ranks every application before the institute once, 1 … n, after each has its opinion', () => {
    const under = [
      { id: 'a', hasOpinion: true },
      { id: 'b', hasOpinion: true },
    ];
    expect(
      failure(() =>
        assertComparativeAssessment(under, [
          { applicationId: 'b', rank: 1 },
          { applicationId: 'a', rank: 2 },
        ]),
      ),
    ).toBeUndefined();
    expect(failure(() => assertComparativeAssessment(under, [{ applicationId: 'a', rank: 1 }]))).toEqual({ rule: 'C-14', field: 'ranking' });
    expect(
      failure(() =>
        assertComparativeAssessment(under, [
          { applicationId: 'a', rank: 1 },
          { applicationId: 'x', rank: 2 },
        ]),
      ),
    ).toEqual({ rule: 'C-14', field: 'ranking.1.applicationId' });
    expect(
      failure(() =>
        assertComparativeAssessment(under, [
          { applicationId: 'a', rank: 1 },
          { applicationId: 'b', rank: 1 },
        ]),
      ),
    ).toEqual({ rule: 'C-14', field: 'ranking' });
    expect(failure(() => assertComparativeAssessment([{ id: 'a', hasOpinion: false }], [{ applicationId: 'a', rank: 1 }]))).toEqual({
      rule: 'C-14',
      field: 'ranking',
    });
  });
});

describe('C-15: a SWOT per criterion, with a finding; the opinion is recommendatory', () => {
  it('each of strengths, weaknesses, opportunities and threats has a point', () => {
    expect(failure(() => assertSwotPerCriterion([swot('value-chain')]))).toBeUndefined();
    expect(failure(() => assertSwotPerCriterion([swot('value-chain'), swot('regional-environment', { threats: [] })]))).toEqual({
      rule: 'C-15',
      field: 'criteria.1.threats',
    });
    expect(failure(() => assertSwotPerCriterion([swot('value-chain', { strengths: [] })]))).toEqual({ rule: 'C-15', field: 'criteria.0.strengths' });
  });
});

describe('C-16: the opinions within 60 calendar days after the application deadline', () => {
  it('the data says 60 CD; weekends and holidays count, across a year end', () => {
    expect(set.expertOpinionCalendarDaysAfterDeadline).toBe(60);
    expect(expertOpinionsDueOn('2027-01-15', set.expertOpinionCalendarDaysAfterDeadline)).toBe('2027-03-16');
    expect(expertOpinionsDueOn('2026-12-01', set.expertOpinionCalendarDaysAfterDeadline)).toBe('2027-01-30'); // a Saturday: calendar days do not move
  });
});

describe('C-17: the opinions to the organiser within 5 WD after the analysis period', () => {
  it('counted from the last day of the period (16 Mar 2027, a Tuesday) on the working-day calendar', () => {
    expect(set.opinionsToOrganiserWorkingDays).toBe(5);
    // 17, 18, 19 March, then the weekend and Nauryz (21 – 23 March 2027, with the day off carried over from the Sunday): Friday 26 March.
    expect(opinionsToOrganiserDueOn('2027-03-16', set.opinionsToOrganiserWorkingDays, addWd)).toBe('2027-03-26');
  });
  it('handed over once, only when the analysis is complete', () => {
    expect(failure(() => assertOpinionsReadyForOrganiser(true, null))).toBeUndefined();
    expect(failure(() => assertOpinionsReadyForOrganiser(false, null))).toEqual({ conflict: true });
    expect(failure(() => assertOpinionsReadyForOrganiser(true, new Date('2027-03-20T05:00:00Z')))).toEqual({ conflict: true });
  });
});

describe('C-18: the opinions before the Commission within 3 WD of the organiser receiving them', () => {
  it('the data says 3 WD, counted from the receipt day', () => {
    expect(set.toCommissionWorkingDays).toBe(3);
    expect(toCommissionDueOn('2027-03-26', set.toCommissionWorkingDays, addWd)).toBe('2027-03-31'); // Fri 26 → Mon 29, Tue 30, Wed 31
  });
  it('only opinions the organiser received, once', () => {
    expect(failure(() => assertOpinionsReadyForCommission(new Date('2027-03-20T05:00:00Z'), null))).toBeUndefined();
    expect(failure(() => assertOpinionsReadyForCommission(null, null))).toEqual({ conflict: true });
    expect(failure(() => assertOpinionsReadyForCommission(new Date('2027-03-20T05:00:00Z'), new Date('2027-03-22T05:00:00Z')))).toEqual({ conflict: true });
  });
});
