import { validateBin } from '@hub/identifiers';
import { CurrentRule, type EligibilityContext } from '../eligibility-rule.js';

/** F-7(2): the applicant has no branches at the moment of applying (and is not itself a branch). */
export class ApplicantHasNoBranchesRule extends CurrentRule {
  readonly ruleId = 'F-7(2)';
  readonly name = 'applicant-has-no-branches';
  readonly field = 'eligibility.hasBranches';
  check(ctx: EligibilityContext): string | null {
    const d = ctx.declaration;
    if (!d) return 'the eligibility declaration of F-7 is missing';
    const r = validateBin(ctx.bin);
    if (r.ok && r.value.officeKind !== 'head-office')
      return 'a branch or representative office BIN cannot apply: the head office applies, and it must have no branches';
    if (d.hasBranches) return 'the applicant declares branches: a company with branches at the moment of applying is not eligible';
    return null;
  }
}
