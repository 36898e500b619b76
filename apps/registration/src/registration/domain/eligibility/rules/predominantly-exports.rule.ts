import { From2029Rule, type EligibilityContext } from '../eligibility-rule.js';

/** F-7(8)'s own effective-dated threshold (reference-data): not F-7(9)'s 50 % limit (ADR 0055). */
export const EXPORT_SHARE_MIN_KEY = 'eligibility.export-share-min-percent';

/**
 * F-7(8), for applications filed on or after 1 Jan 2029: predominantly exports goods/works/services
 * outside Kazakhstan. "Predominantly" is read as more than the percentage reference-data keeps for
 * F-7(8) under its own key (ADR 0011, ADR 0055) — F-7(9)'s quasi-state limit may change alone.
 */
export class PredominantlyExportsRule extends From2029Rule {
  readonly ruleId = 'F-7(8)';
  readonly name = 'predominantly-exports';
  readonly field = 'eligibility.exportRevenuePercent';
  check(ctx: EligibilityContext): string | null {
    const d = ctx.declaration;
    if (!d) return 'the eligibility declaration of F-7 is missing';
    const min = ctx.reference.numberAt(EXPORT_SHARE_MIN_KEY, ctx.filedOn);
    const share = d.exportRevenuePercent;
    if (share === undefined) return 'state the share of export revenue (required for applications filed from 1 Jan 2029)';
    return share > min ? null : `export revenue is ${share} %: it must be more than ${min} % (predominantly export)`;
  }
}
