import { RuleViolationError } from '@hub/kernel';
import { compareIsoDates, type IsoDate } from '../../../shared/domain/calendar.js';
import type { Deadlines } from '../../../shared/domain/deadlines.js';

/** F-24: the participation term is set by the Fund and is not less than the configured minimum (12 months). */
export function assertMinimumTerm(termStart: IsoDate, termEnd: IsoDate, deadlines: Deadlines): void {
  const earliest = deadlines.earliestTermEnd(termStart);
  if (compareIsoDates(termEnd, earliest) < 0) {
    throw new RuleViolationError(
      'F-24',
      `the term ${termStart} … ${termEnd} is shorter than the minimum of ${deadlines.minimumTermMonths(termStart)} months (it must end on ${earliest} or later)`,
      {
        field: 'termEnd',
        earliestTermEnd: earliest,
      },
    );
  }
}
