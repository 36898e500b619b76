import { type IsoDate, addCalendarDays, addMonths } from '@hub/calendar';
import { RuleViolationError } from '@hub/kernel';

export interface ParticipationTerm {
  readonly months: number;
  readonly termStart: IsoDate;
  /** The last day of the term (inclusive). */
  readonly termEnd: IsoDate;
}

/**
 * F-24: the participation term is set by the Fund and is not less than the minimum (reference
 * data `participation-min-term-months`, read on the signing date; "cannot be 1 year" read as "not
 * less than 1 year"). Without a requested length the term is the minimum. It runs from the signing
 * day; the last day is the day before the same date `months` later.
 */
export function participationTerm(signedOn: IsoDate, requestedMonths: number | undefined, minimumMonths: number): ParticipationTerm {
  const months = requestedMonths ?? minimumMonths;
  if (months < minimumMonths) throw new RuleViolationError('F-24', `the participation term is at least ${minimumMonths} months; ${months} was given`);
  return { months, termStart: signedOn, termEnd: addCalendarDays(addMonths(signedOn, months), -1) };
}
