import type { GroundOutcome, RefusalGroundDefinition } from './ground-outcome.js';

/**
 * F-68(2): refusal when the application contains false information. There is no register of it:
 * the Fund's officer records the finding (with a note and, when found, evidence).
 */
export const FALSE_INFORMATION_GROUND: RefusalGroundDefinition = {
  ruleId: 'F-68(2)',
  name: 'false-information',
  effectiveFrom: '2026-01-16',
  effectiveTo: null,
};

export function falseInformationGround(input: { found: boolean; note: string | null }): GroundOutcome {
  return {
    ruleId: FALSE_INFORMATION_GROUND.ruleId,
    name: FALSE_INFORMATION_GROUND.name,
    refuses: input.found,
    message: input.found ? `the application contains false information${input.note ? `: ${input.note}` : ''}` : 'no false information found',
    details: { found: input.found, note: input.note },
  };
}
