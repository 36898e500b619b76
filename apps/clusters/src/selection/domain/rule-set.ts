import type { IsoDate } from '@hub/calendar';
import { NotFoundError, RuleViolationError } from '@hub/kernel';

/** One Annex 4 criterion of a rule set (C-15): the expert analysis gives a SWOT per criterion. */
export interface SelectionCriterion {
  readonly code: string;
  readonly ruleId: string;
  readonly title: string;
}

/**
 * A selection programme's rule set (ADR 0080): its parameters as effective-dated data
 * (data/cluster-selection-rules.json), never literals in code. The 2015 set is repealed; its rounds
 * stay readable, a new round under it is refused. A successor set is a new entry in the file.
 */
export interface SelectionRuleSet {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly effectiveFrom: IsoDate;
  /** The first day the set is no longer in force (null: in force). */
  readonly repealedFrom: IsoDate | null;
  /** C-5: the announcement is published at least this many calendar days before the application deadline. */
  readonly announcementLeadCalendarDays: number;
  /** C-12: the organiser checks compliance within this many working days of registration. */
  readonly complianceCheckWorkingDays: number;
  /** C-13 */
  readonly toInstituteWorkingDays: number;
  /** C-16 */
  readonly expertOpinionCalendarDaysAfterDeadline: number;
  /** C-17 */
  readonly opinionsToOrganiserWorkingDays: number;
  /** C-18 */
  readonly toCommissionWorkingDays: number;
  /** C-21 */
  readonly publicationWorkingDays: number;
  readonly criteria: readonly SelectionCriterion[];
}

export function ruleSetById(sets: readonly SelectionRuleSet[], id: string): SelectionRuleSet {
  const set = sets.find((s) => s.id === id);
  if (!set) throw new NotFoundError('rule set', id);
  return set;
}

/** Whether the set is in force on `date` (effectiveFrom ≤ date < repealedFrom). */
export const inForceOn = (set: SelectionRuleSet, date: IsoDate): boolean => set.effectiveFrom <= date && (set.repealedFrom === null || date < set.repealedFrom);

/**
 * C-3 with ADR 0080: a new round is held only under a rule set in force on the day it is announced.
 * A repealed set (the 2015 rules since 27 June 2022) runs no new round; its rounds stay readable.
 */
export function assertRuleSetOpenForNewRounds(set: SelectionRuleSet, announcedOn: IsoDate): void {
  if (set.repealedFrom !== null && announcedOn >= set.repealedFrom)
    throw new RuleViolationError('C-3', `the rule set ${set.id} was repealed from ${set.repealedFrom}: no new round may be announced under it`, {
      field: 'ruleSetId',
      ruleSetId: set.id,
      repealedFrom: set.repealedFrom,
    });
  if (announcedOn < set.effectiveFrom)
    throw new RuleViolationError('C-3', `the rule set ${set.id} is in force only from ${set.effectiveFrom}`, {
      field: 'ruleSetId',
      ruleSetId: set.id,
      effectiveFrom: set.effectiveFrom,
    });
}
