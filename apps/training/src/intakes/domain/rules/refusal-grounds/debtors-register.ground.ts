import type { GroundOutcome, RefusalGroundDefinition } from './ground-outcome.js';

/**
 * F-68(5): refusal when the applicant is in the unified register of debtors (enforcement
 * proceedings). The fact comes from the `DebtorsRegister` port or the officer's recorded check.
 */
export const DEBTORS_REGISTER_GROUND: RefusalGroundDefinition = {
  ruleId: 'F-68(5)',
  name: 'unified-register-of-debtors',
  effectiveFrom: '2026-01-16',
  effectiveTo: null,
};

export function debtorsRegisterGround(input: { listed: boolean }): GroundOutcome {
  return {
    ruleId: DEBTORS_REGISTER_GROUND.ruleId,
    name: DEBTORS_REGISTER_GROUND.name,
    refuses: input.listed,
    message: input.listed ? 'the applicant is in the unified register of debtors' : 'not in the unified register of debtors',
    details: { listed: input.listed },
  };
}
