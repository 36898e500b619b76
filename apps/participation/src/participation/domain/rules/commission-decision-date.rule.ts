import { RuleViolationError } from '@hub/kernel';
import { compareIsoDates, type IsoDate } from '../../../shared/domain/calendar.js';

/** F-30: the Commission's decision is dated between the referral and today (never in the future). */
export function assertCommissionDecisionDate(decidedOn: IsoDate, referredOn: IsoDate, today: IsoDate): void {
  if (compareIsoDates(decidedOn, today) > 0)
    throw new RuleViolationError('F-30', 'a Commission decision cannot be dated in the future', { field: 'decidedOn' });
  if (compareIsoDates(decidedOn, referredOn) < 0)
    throw new RuleViolationError('F-30', `the decision cannot predate the referral of ${referredOn}`, { field: 'decidedOn' });
}
