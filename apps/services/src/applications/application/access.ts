import { type Actor, hasAnyRole } from '@hub/contracts';
import { ForbiddenError } from '@hub/kernel';

/** The Fund's people who read service applications: the reviewing officer, finance (contracts, payments), the auditor. */
export const APPLICATION_READER_ROLES = ['fund-officer', 'finance-officer', 'auditor'] as const;

/** Whether the actor is the applicant of this application: a representative of the BIN, or the individual who filed it (ADR 0060). */
export function isApplicantOf(actor: Actor, a: { recipientKind: string; recipientId: string; filedBy: string }): boolean {
  return a.recipientKind === 'legal-entity' ? actor.companies.includes(a.recipientId) : actor.subject === a.filedBy;
}
export function mayRead(actor: Actor, a: { recipientKind: string; recipientId: string; filedBy: string }): boolean {
  return hasAnyRole(actor, APPLICATION_READER_ROLES) || isApplicantOf(actor, a);
}
export function assertApplicant(actor: Actor, a: { recipientKind: string; recipientId: string; filedBy: string }): void {
  if (!isApplicantOf(actor, a)) throw new ForbiddenError('you are not the applicant of this application');
}
