import { RuleViolationError } from '@hub/kernel';

/**
 * F-44: an acceleration cohort takes at most `capacity` people. Enrolled and completed people hold a
 * seat; an expelled person's seat is free again (ADR 0064). The caller counts under a row lock on
 * the cohort, in the enrolment's transaction, so that concurrent enrolments cannot both take the last seat.
 */
export function assertSeatFree(capacity: number, seatsTaken: number, cohortId: string): void {
  if (seatsTaken >= capacity) {
    throw new RuleViolationError('F-44', `the cohort ${cohortId} is full: ${seatsTaken} of ${capacity} seats taken`, {
      cohortId,
      capacity,
      seatsTaken,
    });
  }
}
