import { CurrentRule, type EligibilityContext } from '../eligibility-rule.js';

/**
 * F-7(3) («… іске асыратын (іске асырған) ұйымдарға жатпау»): the applicant neither implements NOR
 * HAS IMPLEMENTED an investment priority project (Entrepreneurial Code art. 284) or an investment
 * strategic project under a contract concluded before 1 Jan 2015. The declaration asks both tenses;
 * an unanswered "has implemented" question fails the check (it becomes a proposed F-14 remark).
 */
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
    if (d.hasImplementedInvestmentPriorityProject === undefined || d.hasImplementedInvestmentStrategicProjectBefore2015 === undefined)
      return 'answer whether the applicant has implemented an investment priority project, or an investment strategic project under a contract concluded before 1 Jan 2015 (F-7(3): «іске асырған»)';
    if (d.hasImplementedInvestmentPriorityProject) return 'the applicant has implemented an investment priority project (Entrepreneurial Code art. 284)';
    if (d.hasImplementedInvestmentStrategicProjectBefore2015)
      return 'the applicant has implemented an investment strategic project under a contract concluded before 1 Jan 2015';
    return null;
  }
}
