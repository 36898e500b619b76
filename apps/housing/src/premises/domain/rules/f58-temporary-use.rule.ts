import { type IsoDate, addCalendarDays } from '@hub/calendar';
import { RuleViolationError } from '@hub/kernel';
import type { ParticipantTerm } from './f57-premises-for-participants.rule.js';

export const F58 = 'F-58';

/**
 * F-58: the use is temporary, on the terms of the participant contract: it ends no later than the
 * last day of the participation term (or the day before the participation ended), whatever was asked.
 */
export function lastDayOfUse(participant: ParticipantTerm, requestedUntil: IsoDate | null): IsoDate {
  const lastOfParticipation = participant.endedOn !== null ? addCalendarDays(participant.endedOn, -1) : participant.termEnd;
  const last = requestedUntil !== null && requestedUntil < lastOfParticipation ? requestedUntil : lastOfParticipation;
  return last;
}

export function assertTemporaryPeriod(from: IsoDate, until: IsoDate): void {
  if (until < from) throw new RuleViolationError(F58, `the use would end (${until}) before it starts (${from})`);
}
