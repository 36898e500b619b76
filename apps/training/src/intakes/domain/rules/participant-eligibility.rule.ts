import type { IsoDate } from '@hub/calendar';
import { RuleViolationError } from '@hub/kernel';

/**
 * F-77: applications come only from technology companies that are Astana Hub participants — a
 * participation term covering the day of filing (the local read model in src/participants).
 */
export const PARTICIPANT_ELIGIBILITY_RULE = 'F-77';

export function assertActiveParticipant(bin: string, terms: readonly { termStart: IsoDate; termEnd: IsoDate }[], on: IsoDate): void {
  if (!terms.some((t) => t.termStart <= on && on <= t.termEnd))
    throw new RuleViolationError(PARTICIPANT_ELIGIBILITY_RULE, `the company ${bin} is not an active Astana Hub participant on ${on}`, { bin, on });
}
