import type { IsoDate } from '@hub/calendar';
import { RuleViolationError } from '@hub/kernel';

/**
 * F-77: applications come only from technology companies that are *active* Astana Hub participants
 * on the day — started and not terminated (the local read model of participation's events,
 * src/participants/domain/participation.aggregate.ts, ADR 0062).
 */
export const PARTICIPANT_ELIGIBILITY_RULE = 'F-77';

export function assertActiveParticipant(bin: string, active: boolean, on: IsoDate): void {
  if (!active) throw new RuleViolationError(PARTICIPANT_ELIGIBILITY_RULE, `the company ${bin} is not an active Astana Hub participant on ${on}`, { bin, on });
}
