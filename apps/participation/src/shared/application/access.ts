import { PARTICIPANT_FILE_ROLES, hasAnyRole, type Actor, type Role } from '@hub/contracts';
import { ForbiddenError } from '@hub/kernel';

/**
 * Who may see a participant's records in this context (F-35), with the role groups of
 * `@hub/contracts` (ADR 0035 §7): the Fund's people who read a participant's file
 * (PARTICIPANT_FILE_ROLES) see every company; a company's applicant only its own. Routes declare
 * the same groups in their `@Endpoint({ access })`, in step with the gateway's table (ADR 0030).
 */
export const PARTICIPANT_FILE_READERS: readonly Role[] = ['applicant', ...PARTICIPANT_FILE_ROLES];

/**
 * F-35: a participant's representative acts only for its own company; `staffRoles` are the Fund's
 * roles that may act for any company on this use case (e.g. F-42 personal data: the fund-officer only).
 */
export function assertMayActFor(actor: Actor, bin: string, staffRoles: readonly Role[] = PARTICIPANT_FILE_ROLES): void {
  if (hasAnyRole(actor, staffRoles)) return;
  if (actor.roles.includes('applicant') && actor.companies.includes(bin)) return;
  throw new ForbiddenError('you may act only for your own company', { bin });
}

/** F-35: whether the actor sees every company's records (else only the companies it holds). */
export const seesEveryCompany = (actor: Actor): boolean => hasAnyRole(actor, PARTICIPANT_FILE_ROLES);
