import { PARTICIPANT_FILE_ROLES, hasAnyRole, type Actor, type Role } from '@hub/contracts';
import { ForbiddenError, NotFoundError } from '@hub/kernel';

/**
 * Who may see a participant's records in this context (F-35), with the role groups of
 * `@hub/contracts` (ADR 0035 §7): the Fund's people who read a participant's file
 * (PARTICIPANT_FILE_ROLES) see every company; a company's applicant only its own. Routes declare
 * the same groups in their `@Endpoint({ access })`, in step with the gateway's table (ADR 0030).
 */
export const PARTICIPANT_FILE_READERS: readonly Role[] = ['applicant', ...PARTICIPANT_FILE_ROLES];

/** The record as its own "not found" names it: `[entity, id]` of the `NotFoundError` an unknown id gets. */
export type HiddenAs = readonly [entity: string, id: string];

/**
 * F-35: a participant's representative acts only for its own company; `staffRoles` are the Fund's
 * roles that may act for any company on this use case (e.g. F-42 personal data: the fund-officer only).
 * - A company's applicant reaching another company's record gets the very 404 an unknown id gets
 *   (`hidden`: the entity and id of that not-found) — F-35: whether another company's record exists is not
 *   disclosed (ADR 0141, as the corporate-notices route already did).
 * - A caller whose role may never act on such records here (no applicant role, none of `staffRoles`) gets
 *   403: its role refuses it whatever the record, so it learns nothing of the record (no BIN in the answer).
 */
export function assertMayActFor(actor: Actor, bin: string, hidden: HiddenAs, staffRoles: readonly Role[] = PARTICIPANT_FILE_ROLES): void {
  if (hasAnyRole(actor, staffRoles)) return;
  if (actor.roles.includes('applicant')) {
    if (actor.companies.includes(bin)) return;
    throw new NotFoundError(...hidden); // F-35
  }
  throw new ForbiddenError('your role may not act on a company’s records here');
}

/** F-35: whether the actor sees every company's records (else only the companies it holds). */
export const seesEveryCompany = (actor: Actor): boolean => hasAnyRole(actor, PARTICIPANT_FILE_ROLES);
