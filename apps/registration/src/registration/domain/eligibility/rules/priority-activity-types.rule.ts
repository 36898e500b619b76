import { CurrentRule, type EligibilityContext } from '../eligibility-rule.js';

/** F-7(7): one or more priority ICT activity types of the official list, and within each type one or more of the works it names. */
export class PriorityActivityTypesRule extends CurrentRule {
  readonly ruleId = 'F-7(7)';
  readonly name = 'priority-ict-activity-types';
  readonly field = 'activityTypes';
  check(ctx: EligibilityContext): string | null {
    if (!ctx.activityTypes.length) return 'choose at least one priority ICT activity type of the official list';
    const problems: string[] = [];
    for (const chosen of ctx.activityTypes) {
      const type = ctx.catalogue.find(chosen.code);
      if (!type) {
        problems.push(`${chosen.code} is not a priority ICT activity type of the list`);
        continue;
      }
      if (!chosen.works.length) problems.push(`${chosen.code}: choose at least one of the works the list names for this type`);
      for (const w of chosen.works) if (!type.works.some((x) => x.code === w)) problems.push(`${chosen.code}: ${w} is not a work of this type`);
    }
    return problems.length ? problems.join('; ') : null;
  }
}
