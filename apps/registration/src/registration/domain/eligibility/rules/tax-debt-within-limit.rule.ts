import { kztTextFromTiyn } from '@hub/contracts';
import { taxDebtLimitTiyn } from '@hub/reference-data';
import { CurrentRule, type EligibilityContext } from '../eligibility-rule.js';

/**
 * F-9(2): tax debt above 6 × MCI of the filing year makes the application non-compliant. Both sides
 * are integer tiyn (ADR 0036): the debt as stated, the limit as 6 × MCI × 100 from the reference
 * data — compared exactly, a debt one tiyn above the limit fails.
 */
export class TaxDebtWithinLimitRule extends CurrentRule {
  readonly ruleId = 'F-9(2)/debt';
  readonly name = 'tax-debt-within-limit';
  readonly field = 'taxCertificate.debtTiyn';
  check(ctx: EligibilityContext): string | null {
    const cert = ctx.taxCertificate;
    if (!cert) return 'attach the tax authority information on tax debt';
    if (!Number.isSafeInteger(cert.debtTiyn) || cert.debtTiyn < 0) return 'the tax debt must be a non-negative whole number of tiyn';
    const limit = taxDebtLimitTiyn(ctx.filedOn, ctx.reference);
    return cert.debtTiyn > limit
      ? `the tax debt of ${kztTextFromTiyn(cert.debtTiyn)} KZT is above 6 × MCI of ${ctx.filedOn.slice(0, 4)} (${kztTextFromTiyn(limit)} KZT)`
      : null;
  }
}
