import type { IsoDate } from '@hub/calendar';
import { RuleViolationError } from '@hub/kernel';

export const F57 = 'F-57';

/** What premises need to know of a participant (housing's copy of registration's participant, ended by participation's termination). */
export interface ParticipantTerm {
  readonly termStart: IsoDate;
  readonly termEnd: IsoDate;
  /** The day the participation ended (the first day it no longer counts), or null. */
  readonly endedOn: IsoDate | null;
}

/**
 * F-57: where the Fund has premises, it lets **participants** use administrative, production and
 * auxiliary premises temporarily. Premises are for a company that is a participant on the first day
 * of use.
 */
export function assertParticipantOn(participant: ParticipantTerm | null, date: IsoDate): void {
  if (!participant) throw new RuleViolationError(F57, 'premises are for Astana Hub participants; this company is not one');
  if (date < participant.termStart || date > participant.termEnd || (participant.endedOn !== null && date >= participant.endedOn))
    throw new RuleViolationError(F57, `the company is not a participant on ${date} (term ${participant.termStart} … ${participant.termEnd})`);
}
