import { From2029Rule, FROM_2029_KEY, type EligibilityContext } from '../eligibility-rule.js';

/**
 * F-7(8), for applications filed on or after 1 Jan 2029: predominantly exports goods/works/services
 * outside Kazakhstan. "Predominantly" is read as more than half of revenue (ADR 0011); the half is
 * the percentage reference-data keeps for the 2029 rules.
 */
export class PredominantlyExportsRule extends From2029Rule {
  readonly ruleId = 'F-7(8)';
  readonly name = 'predominantly-exports';
  readonly field = 'eligibility.exportRevenuePercent';
  check(ctx: EligibilityContext): string | null {
    const d = ctx.declaration;
    if (!d) return 'the eligibility declaration of F-7 is missing';
    const half = ctx.reference.numberAt(FROM_2029_KEY, ctx.filedOn);
    const share = d.exportRevenuePercent;
    if (share === undefined) return 'state the share of export revenue (required for applications filed from 1 Jan 2029)';
    return share > half ? null : `export revenue is ${share} %: it must be more than ${half} % (predominantly export)`;
  }
}
