import type { IsoDate } from '@hub/calendar';
import { RuleViolationError } from '@hub/kernel';

export const F60 = 'F-60';

/** F-60: the duty the person takes on in the housing contract. */
export const F60_DUTY = 'The resident keeps the dwelling and the common property intact and hands them back in the condition received (F-60).';

/**
 * F-60: people are housed under a contract in which they keep the dwelling and the common property
 * intact. No contract without the duty accepted. The contract runs until the cohort's last day
 * (ADR 0058), unless the person leaves acceleration earlier.
 */
export function concludeHousingContract(input: { acceptsDuties: boolean; startsOn: IsoDate; cohortEndsOn: IsoDate }): { duty: string; endsOn: IsoDate } {
  if (!input.acceptsDuties)
    throw new RuleViolationError(F60, 'the housing contract needs the resident’s duty to keep the dwelling and common property intact accepted');
  if (input.cohortEndsOn < input.startsOn) throw new RuleViolationError(F60, `the cohort ended on ${input.cohortEndsOn}: no contract from ${input.startsOn}`);
  return { duty: F60_DUTY, endsOn: input.cohortEndsOn };
}
