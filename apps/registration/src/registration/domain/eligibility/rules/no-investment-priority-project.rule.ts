import { CurrentRule, type EligibilityContext } from '../eligibility-rule.js';

/** F-7(3): no investment priority project (Entrepreneurial Code art. 284), no investment strategic project under a contract before 1 Jan 2015. */
export class NoInvestmentPriorityProjectRule extends CurrentRule {
  readonly ruleId = 'F-7(3)';
  readonly name = 'no-investment-priority-or-strategic-project';
  readonly field = 'eligibility.implementsInvestmentPriorityProject';
  check(ctx: EligibilityContext): string | null {
    const d = ctx.declaration;
    if (!d) return 'the eligibility declaration of F-7 is missing';
    if (d.implementsInvestmentPriorityProject) return 'the applicant implements an investment priority project (Entrepreneurial Code art. 284)';
    if (d.implementsInvestmentStrategicProjectBefore2015)
      return 'the applicant implements an investment strategic project under a contract concluded before 1 Jan 2015';
    return null;
  }
}
