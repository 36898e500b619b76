import { PARTICIPANT_FILE_ROLES, hasAnyRole, type Actor, type Role } from '@hub/contracts';
import { ForbiddenError } from '@hub/kernel';

/**
 * @deprecated Use `shared/application/access.ts` (an actor's access is an application concern; the
 * role groups come from @hub/contracts). Kept, with the same groups, only while the fees module
 * still imports this path; delete it when nothing does.
 */
export function assertMayActFor(actor: Actor, bin: string, staffRoles: readonly Role[] = PARTICIPANT_FILE_ROLES): void {
  if (hasAnyRole(actor, staffRoles)) return;
  if (actor.roles.includes('applicant') && actor.companies.includes(bin)) return;
  throw new ForbiddenError('you may act only for your own company', { bin });
}
