import type { Actor, Role } from '@hub/contracts';
import { ForbiddenError } from '@hub/kernel';

/** Staff roles that see every participant's records in this context. */
export const STAFF: readonly Role[] = ['fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'auditor'];

/**
 * F-35: a participant's representative sees only its own company's records; Fund staff see all.
 * `staffRoles` narrows which staff may act (e.g. F-42 personal data: the fund-officer only).
 */
export function assertMayActFor(actor: Actor, bin: string, staffRoles: readonly Role[] = STAFF): void {
  if (actor.roles.some((r) => staffRoles.includes(r))) return;
  if (actor.roles.includes('applicant') && actor.companies.includes(bin)) return;
  throw new ForbiddenError('you may act only for your own company', { bin });
}

export const isStaff = (actor: Actor, staffRoles: readonly Role[] = STAFF): boolean => actor.roles.some((r) => staffRoles.includes(r));
