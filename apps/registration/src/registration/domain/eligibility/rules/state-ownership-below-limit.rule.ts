import { CurrentRule, type EligibilityContext } from '../eligibility-rule.js';

/** F-7(4): not 50 % or more owned, directly or indirectly, by the state, national holdings or companies or their subsidiaries. */
export class StateOwnershipBelowLimitRule extends CurrentRule {
  readonly ruleId = 'F-7(4)';
  readonly name = 'state-ownership-below-limit';
  readonly field = 'eligibility.stateOwnershipPercent';
  check(ctx: EligibilityContext): string | null {
    const d = ctx.declaration;
    if (!d) return 'the eligibility declaration of F-7 is missing';
    const limit = ctx.reference.numberAt('eligibility.state-ownership-max-percent', ctx.filedOn);
    const share = d.stateOwnershipPercent;
    return share >= limit ? `the state and quasi-state share is ${share} %: it must be below ${limit} %` : null;
  }
}
