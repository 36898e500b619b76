import { RuleViolationError } from '@hub/kernel';
import type { SelectionCriterion } from '../rule-set.js';

/** One Annex 4 criterion as the institute's experts analysed it: a SWOT and a finding (C-14, C-15). */
export interface CriterionAnalysis {
  readonly code: string;
  readonly strengths: readonly string[];
  readonly weaknesses: readonly string[];
  readonly opportunities: readonly string[];
  readonly threats: readonly string[];
  /** C-15: the conclusion on the application's compliance with the criterion. */
  readonly finding: 'meets' | 'partially-meets' | 'does-not-meet';
}

/**
 * C-14: the institute analyses the application against **every** Annex 4 criterion of the round's
 * rule set (four under the 2015 set; the list is data, ADR 0080) — each once, none other.
 */
export function assertAnalysisPerCriterion(criteria: readonly SelectionCriterion[], analyses: readonly CriterionAnalysis[]): void {
  const known = new Set(criteria.map((c) => c.code));
  analyses.forEach((a, i) => {
    if (!known.has(a.code))
      throw new RuleViolationError('C-14', `${a.code} is not an Annex 4 criterion of this rule set (${[...known].join(', ')})`, {
        field: `criteria.${i}.code`,
      });
    if (analyses.findIndex((b) => b.code === a.code) !== i)
      throw new RuleViolationError('C-14', `the criterion ${a.code} is analysed twice`, { field: `criteria.${i}.code` });
  });
  const missing = criteria.filter((c) => !analyses.some((a) => a.code === c.code)).map((c) => c.code);
  if (missing.length > 0)
    throw new RuleViolationError('C-14', `the analysis covers every Annex 4 criterion; missing: ${missing.join(', ')}`, { field: 'criteria', missing });
}

const QUADRANTS = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;

/**
 * C-15: the opinion consists of conclusions on each criterion: per criterion a SWOT — strengths,
 * weaknesses, opportunities and threats, each with at least one point — and the finding. The opinion
 * is recommendatory (its `recommendation` advises the Commission, which decides, C-19).
 */
export function assertSwotPerCriterion(analyses: readonly CriterionAnalysis[]): void {
  analyses.forEach((a, i) => {
    for (const q of QUADRANTS)
      if (a[q].length === 0)
        throw new RuleViolationError('C-15', `the SWOT of the criterion ${a.code} names at least one point under ${q}`, { field: `criteria.${i}.${q}` });
  });
}

export interface RankedApplication {
  readonly applicationId: string;
  readonly rank: number;
  readonly note?: string | undefined;
}

/**
 * C-14 (the comparative assessment across the round's applications): it ranks every application
 * before the institute once, ranks 1 … n without gaps or ties, and only once each of them has its
 * opinion (the comparison is made of the analyses).
 */
export function assertComparativeAssessment(underReview: readonly { id: string; hasOpinion: boolean }[], ranking: readonly RankedApplication[]): void {
  const ids = new Set(underReview.map((a) => a.id));
  ranking.forEach((r, i) => {
    if (!ids.has(r.applicationId))
      throw new RuleViolationError('C-14', `${r.applicationId} is not an application of this round before the institute`, {
        field: `ranking.${i}.applicationId`,
      });
    if (ranking.findIndex((s) => s.applicationId === r.applicationId) !== i)
      throw new RuleViolationError('C-14', `${r.applicationId} is ranked twice`, { field: `ranking.${i}.applicationId` });
  });
  const unranked = underReview.filter((a) => !ranking.some((r) => r.applicationId === a.id)).map((a) => a.id);
  if (unranked.length > 0)
    throw new RuleViolationError('C-14', `the comparison covers every application before the institute; not ranked: ${unranked.join(', ')}`, {
      field: 'ranking',
      unranked,
    });
  const ranks = ranking.map((r) => r.rank).sort((a, b) => a - b);
  if (ranks.some((r, i) => r !== i + 1)) throw new RuleViolationError('C-14', `the ranks are 1 … ${ranking.length}, each once`, { field: 'ranking' });
  const withoutOpinion = underReview.filter((a) => !a.hasOpinion).map((a) => a.id);
  if (withoutOpinion.length > 0)
    throw new RuleViolationError('C-14', `every application is analysed before they are compared; without an opinion: ${withoutOpinion.join(', ')}`, {
      field: 'ranking',
      withoutOpinion,
    });
}
