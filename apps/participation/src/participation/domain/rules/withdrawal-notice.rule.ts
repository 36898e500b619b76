import { RuleViolationError, ValidationError } from '@hub/kernel';
import { compareIsoDates, type IsoDate } from '../../../shared/domain/calendar.js';

/**
 * F-29: a withdrawing participant notifies the Fund 10 WD before the withdrawal (`earliest` is that
 * date, computed on the working-day calendar); F-27: a withdrawal after the term end is meaningless —
 * the participation ends as planned then.
 */
export function assertWithdrawalNotice(noticeDate: IsoDate, withdrawalDate: IsoDate | undefined | null, earliest: IsoDate, termEnd: IsoDate): IsoDate {
  if (!withdrawalDate) {
    throw new RuleViolationError('F-29', `a withdrawal needs its date (withdrawalDate), at least 10 working days after the notice: ${earliest} or later`, {
      field: 'withdrawalDate',
      earliestWithdrawalDate: earliest,
    });
  }
  if (compareIsoDates(withdrawalDate, earliest) < 0) {
    throw new RuleViolationError(
      'F-29',
      `the withdrawal date ${withdrawalDate} is less than 10 working days after the notice of ${noticeDate}: the earliest is ${earliest}`,
      {
        field: 'withdrawalDate',
        earliestWithdrawalDate: earliest,
      },
    );
  }
  if (compareIsoDates(withdrawalDate, termEnd) > 0) {
    throw ValidationError.field(
      'withdrawalDate',
      `must not be after the term end ${termEnd}: the participation ends as planned then (F-27)`,
      'withdrawal.after-term',
    );
  }
  return withdrawalDate;
}
