import { addCalendarDays, compareIsoDates } from '@hub/calendar';
import { CurrentRule, type EligibilityContext } from '../eligibility-rule.js';

/** F-9(2): the tax-authority information is issued no earlier than 10 CD before the application date (and not in the future). */
export class TaxCertificateIsRecentRule extends CurrentRule {
  readonly ruleId = 'F-9(2)/age';
  readonly name = 'tax-certificate-is-recent';
  readonly field = 'taxCertificate.issuedOn';
  check(ctx: EligibilityContext): string | null {
    const cert = ctx.taxCertificate;
    if (!cert) return 'attach the tax authority information on tax debt';
    const maxAge = ctx.reference.numberAt('tax-certificate-max-age-calendar-days', ctx.evaluatedOn);
    const earliest = addCalendarDays(ctx.evaluatedOn, -maxAge);
    if (compareIsoDates(cert.issuedOn, ctx.evaluatedOn) > 0)
      return `the tax certificate is dated ${cert.issuedOn}, after the application date ${ctx.evaluatedOn}`;
    if (compareIsoDates(cert.issuedOn, earliest) < 0) {
      return `the tax certificate was issued on ${cert.issuedOn}: it must be issued no earlier than ${maxAge} calendar days before the application date (${earliest} or later)`;
    }
    return null;
  }
}
