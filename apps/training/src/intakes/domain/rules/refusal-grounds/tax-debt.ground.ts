import type { GroundOutcome, RefusalGroundDefinition } from './ground-outcome.js';

/**
 * F-68(1): refusal when the applicant's tax debt together with its pension and social contribution
 * arrears exceed 6 × MCI of the year. The limit is effective-dated data (packages/reference-data:
 * `tax-debt-limit-mci-multiplier` × `mci`, `TrainingThresholds.taxDebtLimitTiyn`); amounts in
 * integer tiyn (ADR 0036). A debt equal to the limit does not refuse ("above").
 */
export const TAX_DEBT_GROUND = 'F-68(1)';
export const TAX_DEBT_GROUND_DEFINITION: RefusalGroundDefinition = {
  ruleId: TAX_DEBT_GROUND,
  name: 'tax-debt-above-6-mci',
  effectiveFrom: '2026-01-16',
  effectiveTo: null,
};

export function taxDebtGround(input: { taxDebtTiyn: number; pensionSocialArrearsTiyn: number; limitTiyn: number }): GroundOutcome {
  const total = input.taxDebtTiyn + input.pensionSocialArrearsTiyn;
  const refuses = total > input.limitTiyn;
  return {
    ruleId: TAX_DEBT_GROUND,
    name: 'tax-debt-above-6-mci',
    refuses,
    message: refuses ? `tax debt and arrears ${total} tiyn exceed the limit of ${input.limitTiyn} tiyn (6 × MCI)` : 'tax debt and arrears within the limit',
    details: { totalTiyn: total, limitTiyn: input.limitTiyn },
  };
}
