import { type Actor, PARTICIPANT_FILE_ROLES, hasAnyRole } from '@hub/contracts';

/**
 * F-35: a participant's documents are confidential — they reach the company itself (its
 * representatives, by the BINs in their token) and the Fund's people who read participant files
 * (`PARTICIPANT_FILE_ROLES`). F-42-class documents (passports, visas of foreign workers and their
 * families: personal data) are restricted further: the company and fund officers only.
 * Anyone else is answered "not found": a document's existence is not disclosed.
 */
export const RESTRICTED_DOCUMENT_ROLES = ['fund-officer'] as const;

export function mayRead(actor: Actor, document: { readonly ownerBin: string; readonly restricted: boolean }): boolean {
  if (actor.roles.includes('applicant') && actor.companies.includes(document.ownerBin)) return true;
  return hasAnyRole(actor, document.restricted ? RESTRICTED_DOCUMENT_ROLES : PARTICIPANT_FILE_ROLES);
}

/** Who may upload or attach a company's document: its representatives, or a fund officer on its behalf. */
export function mayActFor(actor: Actor, ownerBin: string): boolean {
  return (actor.roles.includes('applicant') && actor.companies.includes(ownerBin)) || actor.roles.includes('fund-officer');
}
