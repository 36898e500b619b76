import type { IsoDate } from '@hub/calendar';
import { RuleViolationError } from '@hub/kernel';

export const F59 = 'F-59';

/** What housing knows of a person's enrolment (services' cohort events). */
export interface EnrolmentFacts {
  readonly status: 'enrolled' | 'expelled' | 'completed';
  readonly enrolledOn: IsoDate;
  readonly cohortEndsOn: IsoDate;
  readonly townName: string;
}

/** The person's declaration (with evidence) of having no housing in the programme's town. */
export interface NoHousingDeclaration {
  readonly noHousingInTown: boolean;
  readonly evidence: string;
}

/**
 * F-59: the Fund houses people in acceleration who have no housing in the town where the programme
 * runs. Eligible on `date` only while enrolled (not expelled, not completed, from the enrolment
 * day to the cohort's last day) and with the declaration made.
 */
export function isEligibleForHousing(
  enrolment: EnrolmentFacts | null,
  declaration: NoHousingDeclaration | null,
  date: IsoDate,
): { eligible: boolean; reason: string } {
  if (!enrolment) return { eligible: false, reason: 'the person is not enrolled in an acceleration programme' };
  if (enrolment.status !== 'enrolled') return { eligible: false, reason: `the person is no longer in acceleration (${enrolment.status})` };
  if (date < enrolment.enrolledOn || date > enrolment.cohortEndsOn)
    return { eligible: false, reason: `the enrolment runs from ${enrolment.enrolledOn} to ${enrolment.cohortEndsOn}` };
  if (!declaration?.noHousingInTown || declaration.evidence.trim().length === 0)
    return { eligible: false, reason: `housing is for people without housing in ${enrolment.townName}: declare it, with evidence` };
  return { eligible: true, reason: 'enrolled and without housing in the programme’s town' };
}

export function assertEligibleForHousing(enrolment: EnrolmentFacts | null, declaration: NoHousingDeclaration | null, date: IsoDate): void {
  const { eligible, reason } = isEligibleForHousing(enrolment, declaration, date);
  if (!eligible) throw new RuleViolationError(F59, reason);
}
