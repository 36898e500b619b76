import { ValidationError } from '@hub/kernel';
import { compareIsoDates, type IsoDate } from '../../../shared/domain/calendar.js';

/**
 * F-25 with F-24: the extended term ends after the current end, and the new period (from the day
 * after the current end) lasts at least the minimum term — `earliestEnd` is that period's earliest end.
 */
export function assertExtensionTerm(requestedTermEnd: IsoDate, currentTermEnd: IsoDate, earliestEnd: IsoDate): void {
  if (compareIsoDates(requestedTermEnd, currentTermEnd) <= 0) {
    throw ValidationError.field('requestedTermEnd', `must be after the current term end ${currentTermEnd}`, 'extension.not-later');
  }
  if (compareIsoDates(requestedTermEnd, earliestEnd) < 0) {
    throw ValidationError.field(
      'requestedTermEnd',
      `F-24: the extended term must last at least the minimum term: ${earliestEnd} or later`,
      'extension.too-short',
    );
  }
}
