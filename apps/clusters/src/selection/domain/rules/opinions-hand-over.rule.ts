import type { IsoDate } from '@hub/calendar';
import { IllegalStateError } from '@hub/kernel';

type AddWorkingDays = (date: IsoDate, n: number) => IsoDate;

/**
 * C-17: the institute's opinion on each application reaches the organiser no later than
 * `workingDays` (5 under the 2015 set) after the end of the analysis period (C-16) — counted from the
 * period's last day, whenever the opinions were finished.
 */
export function opinionsToOrganiserDueOn(opinionsDueOn: IsoDate, workingDays: number, addWorkingDays: AddWorkingDays): IsoDate {
  return addWorkingDays(opinionsDueOn, workingDays);
}

/** C-17: the opinions are handed over once, and only when complete (every opinion and the comparison, C-14 … C-16). */
export function assertOpinionsReadyForOrganiser(comparativeAssessmentGiven: boolean, atOrganiserAt: Date | null): void {
  if (!comparativeAssessmentGiven)
    throw new IllegalStateError(
      'expert review',
      'in-analysis',
      'hand the opinions to the organiser',
      'C-17: the opinions and the comparative assessment come first (C-14 … C-16)',
    );
  if (atOrganiserAt !== null)
    throw new IllegalStateError('expert review', 'at-organiser', 'hand the opinions to the organiser', `C-17: handed over on ${atOrganiserAt.toISOString()}`);
}

/**
 * C-18: the organiser puts the applications' materials and the opinions before the Commission no
 * later than `workingDays` (3 under the 2015 set) after it received them (C-17).
 */
export function toCommissionDueOn(receivedOn: IsoDate, workingDays: number, addWorkingDays: AddWorkingDays): IsoDate {
  return addWorkingDays(receivedOn, workingDays);
}

/** C-18: only opinions the organiser has received go to the Commission, once. */
export function assertOpinionsReadyForCommission(atOrganiserAt: Date | null, atCommissionAt: Date | null): void {
  if (atOrganiserAt === null)
    throw new IllegalStateError(
      'expert review',
      'not-at-organiser',
      'put the opinions before the Commission',
      'C-18: the organiser receives them first (C-17)',
    );
  if (atCommissionAt !== null)
    throw new IllegalStateError(
      'expert review',
      'at-commission',
      'put the opinions before the Commission',
      `C-18: put before it on ${atCommissionAt.toISOString()}`,
    );
}
