import { RuleViolationError } from '@hub/kernel';
import { compareIsoDates, quarterEnd, type IsoDate } from '../../../shared/domain/calendar.js';

/** F-21: the fee is paid from the *previous* quarter's income — a quarter's income is declared once that quarter has ended. */
export function assertQuarterEnded(year: number, quarter: number, today: IsoDate): void {
  const end = quarterEnd(year, quarter);
  if (compareIsoDates(end, today) >= 0) {
    throw new RuleViolationError('F-21', `the income of ${year}-Q${quarter} can be declared once the quarter has ended (after ${end})`, { field: 'quarter' });
  }
}
