import type { GroundOutcome, RefusalGroundDefinition } from './ground-outcome.js';

/** F-68(3): refusal when the applicant is in bankruptcy or liquidation proceedings (the officer's recorded check with evidence). */
export const BANKRUPTCY_LIQUIDATION_GROUND: RefusalGroundDefinition = {
  ruleId: 'F-68(3)',
  name: 'bankruptcy-or-liquidation',
  effectiveFrom: '2026-01-16',
  effectiveTo: null,
};

export function bankruptcyLiquidationGround(input: { inProceedings: boolean }): GroundOutcome {
  return {
    ruleId: BANKRUPTCY_LIQUIDATION_GROUND.ruleId,
    name: BANKRUPTCY_LIQUIDATION_GROUND.name,
    refuses: input.inProceedings,
    message: input.inProceedings ? 'the applicant is in bankruptcy or liquidation proceedings' : 'no bankruptcy or liquidation proceedings',
    details: { inProceedings: input.inProceedings },
  };
}
