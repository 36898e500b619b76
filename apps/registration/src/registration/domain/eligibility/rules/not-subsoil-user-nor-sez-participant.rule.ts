import { CurrentRule, type EligibilityContext } from '../eligibility-rule.js';

/** F-7(5): not a subsoil user, not a special economic zone participant. */
export class NotSubsoilUserNorSezParticipantRule extends CurrentRule {
  readonly ruleId = 'F-7(5)';
  readonly name = 'not-subsoil-user-nor-sez-participant';
  readonly field = 'eligibility.isSubsoilUser';
  check(ctx: EligibilityContext): string | null {
    const d = ctx.declaration;
    if (!d) return 'the eligibility declaration of F-7 is missing';
    if (d.isSubsoilUser) return 'the applicant is a subsoil user';
    if (d.isSezParticipant) return 'the applicant is a special economic zone participant';
    return null;
  }
}
