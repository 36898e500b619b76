import type { GroundOutcome, RefusalGroundDefinition } from './ground-outcome.js';

/**
 * F-68(4): refusal when the applicant is in the register of unfair participants of public
 * procurement. The fact comes from the `UnfairProcurementRegister` port or the officer's recorded check.
 */
export const UNFAIR_PROCUREMENT_GROUND: RefusalGroundDefinition = {
  ruleId: 'F-68(4)',
  name: 'unfair-procurement-register',
  effectiveFrom: '2026-01-16',
  effectiveTo: null,
};

export function unfairProcurementGround(input: { listed: boolean }): GroundOutcome {
  return {
    ruleId: UNFAIR_PROCUREMENT_GROUND.ruleId,
    name: UNFAIR_PROCUREMENT_GROUND.name,
    refuses: input.listed,
    message: input.listed ? 'the applicant is in the register of unfair procurement participants' : 'not in the register of unfair procurement participants',
    details: { listed: input.listed },
  };
}
