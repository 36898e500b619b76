import type { GroundOutcome, RefusalGroundDefinition } from './ground-outcome.js';

/**
 * F-68(8): refusal when the applicant has no internet resource carrying the information that it is
 * an Astana Hub participant. The officer records the address checked and whether it says so.
 */
export const INTERNET_RESOURCE_GROUND: RefusalGroundDefinition = {
  ruleId: 'F-68(8)',
  name: 'no-internet-resource-stating-participation',
  effectiveFrom: '2026-01-16',
  effectiveTo: null,
};

export function internetResourceGround(input: { url: string | null; statesParticipation: boolean }): GroundOutcome {
  const ok = input.url !== null && input.statesParticipation;
  return {
    ruleId: INTERNET_RESOURCE_GROUND.ruleId,
    name: INTERNET_RESOURCE_GROUND.name,
    refuses: !ok,
    message: ok
      ? `${input.url} states that the applicant is an Astana Hub participant`
      : input.url === null
        ? 'the applicant has no internet resource'
        : `${input.url} does not state that the applicant is an Astana Hub participant`,
    details: { url: input.url, statesParticipation: input.statesParticipation },
  };
}
