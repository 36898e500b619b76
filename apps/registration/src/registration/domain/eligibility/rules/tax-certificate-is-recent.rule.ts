import { addCalendarDays, compareIsoDates } from '@hub/calendar';
import { CurrentRule, type EligibilityContext } from '../eligibility-rule.js';

/**
 * F-9(2) («қатысуға өтініш берілген күннің алдындағы күнтізбелік 10 күннен ерте емес»): the
 * tax-authority information is issued no earlier than 10 CD before the day the application was
 * FILED (`filedOn`, the first filing) — a resubmission after remarks (F-14) is measured from the same
 * day, so it never forces a new certificate. A certificate dated after today (`evaluatedOn`) is
 * refused; a newer one attached while answering remarks is fine.
 */
export class TaxCertificateIsRecentRule extends CurrentRule {
  readonly ruleId = 'F-9(2)/age';
  readonly name = 'tax-certificate-is-recent';
  readonly field = 'taxCertificate.issuedOn';
  check(ctx: EligibilityContext): string | null {
    const cert = ctx.taxCertificate;
    if (!cert) return 'attach the tax authority information on tax debt';
    const maxAge = ctx.reference.numberAt('tax-certificate-max-age-calendar-days', ctx.filedOn);
    const earliest = addCalendarDays(ctx.filedOn, -maxAge);
    if (compareIsoDates(cert.issuedOn, ctx.evaluatedOn) > 0)
      return `the tax certificate is dated ${cert.issuedOn}, in the future (today is ${ctx.evaluatedOn})`;
    if (compareIsoDates(cert.issuedOn, earliest) < 0) {
      return `the tax certificate was issued on ${cert.issuedOn}: it must be issued no earlier than ${maxAge} calendar days before the filing date ${ctx.filedOn} (${earliest} or later)`;
    }
    return null;
  }
}
