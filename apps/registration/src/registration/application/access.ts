import { type Actor, APPLICATION_REVIEWER_ROLES, hasAnyRole } from '@hub/contracts';
import { NotFoundError } from '@hub/kernel';

/** F-35: an applicant sees only its own companies' applications; the reviewers (APPLICATION_REVIEWER_ROLES) see all; anybody else's answers 404 (no existence leak). */
export function assertMayReadApplication(actor: Actor, app: { id: string; bin: string }): void {
  if (hasAnyRole(actor, APPLICATION_REVIEWER_ROLES)) return;
  if (actor.roles.includes('applicant') && actor.companies.includes(app.bin)) return;
  throw new NotFoundError('application', app.id);
}

/** Only the company's own representative acts on its application as applicant (others: 404). */
export function assertApplicantOwns(actor: Actor, app: { id: string; bin: string }): void {
  if (!actor.roles.includes('applicant') || !actor.companies.includes(app.bin)) throw new NotFoundError('application', app.id);
}
