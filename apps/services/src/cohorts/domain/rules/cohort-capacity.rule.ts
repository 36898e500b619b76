import { RuleViolationError } from '@hub/kernel';

/**
 * F-44 — acceleration runs in cohorts of a set size: a cohort takes no more people than its capacity
 * (places). A person who leaves early frees the place (ADR 0064). The database holds the same limit
 * as a CHECK on `services_cohort.enrolled_count`, and enrolments take the cohort's row lock, so the
 * limit holds under concurrent requests too.
 */
export function assertPlaceLeft(enrolled: number, capacity: number): void {
  if (enrolled >= capacity) {
    throw new RuleViolationError('F-44', `the cohort is full: ${enrolled} of ${capacity} places taken`, { enrolled, capacity });
  }
}
