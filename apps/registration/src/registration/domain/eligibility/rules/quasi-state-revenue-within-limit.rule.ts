import { From2029Rule, FROM_2029_KEY, type EligibilityContext } from '../eligibility-rule.js';

/** F-7(9), for applications filed on or after 1 Jan 2029: revenue from contracts with state bodies and quasi-state entities is at most 50 % of annual aggregate income. */
export class QuasiStateRevenueWithinLimitRule extends From2029Rule {
  readonly ruleId = 'F-7(9)';
  readonly name = 'quasi-state-revenue-within-limit';
  readonly field = 'eligibility.quasiStateRevenuePercent';
  check(ctx: EligibilityContext): string | null {
    const d = ctx.declaration;
    if (!d) return 'the eligibility declaration of F-7 is missing';
    const max = ctx.reference.numberAt(FROM_2029_KEY, ctx.filedOn);
    const share = d.quasiStateRevenuePercent;
    if (share === undefined) return 'state the share of income from state and quasi-state contracts (required for applications filed from 1 Jan 2029)';
    return share > max ? `income from state and quasi-state contracts is ${share} %: at most ${max} % is allowed` : null;
  }
}
