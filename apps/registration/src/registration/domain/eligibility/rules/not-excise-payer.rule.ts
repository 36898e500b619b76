import { CurrentRule, type EligibilityContext } from '../eligibility-rule.js';

/** F-7(6): not an excise payer (Tax Code art. 535). */
export class NotExcisePayerRule extends CurrentRule {
  readonly ruleId = 'F-7(6)';
  readonly name = 'not-excise-payer';
  readonly field = 'eligibility.isExcisePayer';
  check(ctx: EligibilityContext): string | null {
    const d = ctx.declaration;
    if (!d) return 'the eligibility declaration of F-7 is missing';
    return d.isExcisePayer ? 'the applicant is an excise payer (Tax Code art. 535)' : null;
  }
}
