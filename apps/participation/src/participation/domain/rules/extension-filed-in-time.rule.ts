import { RuleViolationError } from '@hub/kernel';
import { compareIsoDates, type IsoDate } from '../../../shared/domain/calendar.js';

/**
 * F-25: an extension application is due no later than 10 WD before the term ends; a late one is
 * refused, and the way on is a new application for registration under F-8.
 */
export function assertExtensionFiledInTime(filedOn: IsoDate, extensionDeadline: IsoDate, termEnd: IsoDate): void {
  if (compareIsoDates(filedOn, extensionDeadline) > 0) {
    throw new RuleViolationError(
      'F-25',
      `an extension had to be applied for by ${extensionDeadline} (10 working days before the term ends on ${termEnd}); it is too late to extend — file a new participation application under F-8 (re-registration)`,
      { extensionDeadline, termEnd, field: 'filedOn', next: 're-register under F-8' },
    );
  }
}
