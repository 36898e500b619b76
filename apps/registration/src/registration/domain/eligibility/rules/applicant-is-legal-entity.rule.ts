import { validateBin } from '@hub/identifiers';
import { CurrentRule, type EligibilityContext } from '../eligibility-rule.js';

/** F-7(1): the applicant is a legal entity, and files as its head office (a branch is not a legal entity). */
export class ApplicantIsLegalEntityRule extends CurrentRule {
  readonly ruleId = 'F-7(1)';
  readonly name = 'applicant-is-legal-entity';
  readonly field = 'bin';
  check(ctx: EligibilityContext): string | null {
    const r = validateBin(ctx.bin);
    if (!r.ok) return `the BIN is not valid: ${r.error.message}`;
    const bin = r.value;
    if (bin.entityKind === 'joint-individual-entrepreneurship' || bin.officeKind === 'peasant-farm') {
      return 'the BIN does not belong to a legal entity (joint individual entrepreneurship or peasant farm)';
    }
    if (bin.officeKind !== 'head-office') {
      return `this is a ${bin.officeKind === 'branch' ? 'branch' : 'representative office'} BIN: the application must be filed by the legal entity's head office with its own BIN (F-7(1), F-7(2))`;
    }
    return null;
  }
}
