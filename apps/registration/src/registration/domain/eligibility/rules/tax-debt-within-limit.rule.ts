import { taxDebtLimitKzt } from '@hub/reference-data';
import { CurrentRule, type EligibilityContext } from '../eligibility-rule.js';

/** F-9(2): tax debt above 6 × MCI of the filing year makes the application non-compliant. */
export class TaxDebtWithinLimitRule extends CurrentRule {
  readonly ruleId = 'F-9(2)/debt';
  readonly name = 'tax-debt-within-limit';
  readonly field = 'taxCertificate.debtKzt';
  check(ctx: EligibilityContext): string | null {
    const cert = ctx.taxCertificate;
    if (!cert) return 'attach the tax authority information on tax debt';
    const limit = taxDebtLimitKzt(ctx.filedOn, ctx.reference);
    return cert.debtKzt > limit ? `the tax debt of ${cert.debtKzt} KZT is above 6 × MCI of ${ctx.filedOn.slice(0, 4)} (${limit} KZT)` : null;
  }
}
