import { ValidationError } from '@hub/kernel';
import { compareIsoDates, type IsoDate } from '../../../shared/domain/calendar.js';

/**
 * F-25 (ADR 0050): the extended term ends after the current end, and its length (from the day after
 * the current end) lies within the Fund's configured bounds — `earliestEnd` … `latestEnd`. The rules
 * do not require an extension to last a year (F-24's minimum is for the participation term).
 */
export function assertExtensionTerm(requestedTermEnd: IsoDate, currentTermEnd: IsoDate, bounds: { earliestEnd: IsoDate; latestEnd: IsoDate }): void {
  if (compareIsoDates(requestedTermEnd, currentTermEnd) <= 0) {
    throw ValidationError.field('requestedTermEnd', `must be after the current term end ${currentTermEnd}`, 'extension.not-later');
  }
  if (compareIsoDates(requestedTermEnd, bounds.earliestEnd) < 0) {
    throw ValidationError.field(
      'requestedTermEnd',
      `F-25: the extension must run at least to ${bounds.earliestEnd} (the Fund's bounds)`,
      'extension.too-short',
    );
  }
  if (compareIsoDates(requestedTermEnd, bounds.latestEnd) > 0) {
    throw ValidationError.field('requestedTermEnd', `F-25: the extension may run at most to ${bounds.latestEnd} (the Fund's bounds)`, 'extension.too-long');
  }
}
