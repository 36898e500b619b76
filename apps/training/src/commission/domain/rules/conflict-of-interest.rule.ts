import { ConflictError, ForbiddenError } from '@hub/kernel';
import type { CommissionMember } from '../commission-member.js';

/**
 * F-69, F-72 (ADR 0072): a Commission member sees an application and votes on it only after
 * declaring conflicts of interest, and never on an applicant they declared a conflict with.
 * Not a member of this intake's Commission → 403; not yet declared → 409; conflicted → 403.
 */
export const CONFLICT_OF_INTEREST_RULE = 'F-69';

export function assertMaySeeApplications(member: CommissionMember | null): asserts member is CommissionMember {
  if (!member) throw new ForbiddenError('you are not a member of this intake’s Independent Commission', { ruleId: CONFLICT_OF_INTEREST_RULE });
  if (!member.declaration)
    throw new ConflictError('training.conflict-declaration-required', 'declare your conflicts of interest before you see applications (F-69)', {
      ruleId: CONFLICT_OF_INTEREST_RULE,
    });
}

export function assertMayReviewApplicant(member: CommissionMember | null, bin: string): asserts member is CommissionMember {
  assertMaySeeApplications(member);
  if (member.declaration?.conflictingBins.includes(bin))
    throw new ForbiddenError('you declared a conflict of interest with this applicant', { ruleId: CONFLICT_OF_INTEREST_RULE, bin });
}

/** Whether a declared member may see the applicant (list filters). */
export const maySee = (member: CommissionMember, bin: string): boolean => member.declaration !== null && !member.declaration.conflictingBins.includes(bin);
