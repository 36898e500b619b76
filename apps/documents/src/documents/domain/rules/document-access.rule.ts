import { type Actor, PARTICIPANT_FILE_ROLES, hasAnyRole } from '@hub/contracts';

/**
 * F-35: a participant's documents are confidential — they reach the company itself (its
 * representatives, by the BINs in their token) and the Fund's people who read participant files
 * (`PARTICIPANT_FILE_ROLES`). F-42-class documents (passports, visas of foreign workers and their
 * families: personal data) are restricted further: the company and fund officers only.
 * ADR 0110: a kind may name the roles that handle it (`handlers`, e.g. the housing manager for the
 * Fund's own `dwelling-act`): they read and act on documents of that kind, and of no other.
 * ADR 0113: a kind an office owns (e.g. the Commission's protocol, C-19/C-20) is uploaded and attached
 * by the roles it names as `uploaders` and read by those and its `readers` — and by nobody else: not
 * the Fund's staff (the cluster selection is not the Fund's business), not a company.
 * Anyone else is answered "not found": a document's existence is not disclosed.
 */
export const RESTRICTED_DOCUMENT_ROLES = ['fund-officer'] as const;

/** What access needs to know of a document's kind (data/document-kinds.json, ADRs 0110 and 0113). */
export interface KindAccess {
  readonly owner: 'company' | 'fund' | 'office';
  readonly handlers: readonly string[];
  readonly uploaders?: readonly string[];
  readonly readers?: readonly string[];
}
const COMPANY_KIND: KindAccess = { owner: 'company', handlers: [] };

const hasOneOf = (actor: Actor, roles: readonly string[] | undefined): boolean => (roles ?? []).some((r) => (actor.roles as readonly string[]).includes(r));
const handles = (actor: Actor, kind: KindAccess): boolean => hasOneOf(actor, kind.handlers);
const represents = (actor: Actor, ownerBin: string | null, kind: KindAccess): boolean =>
  kind.owner === 'company' && ownerBin !== null && actor.roles.includes('applicant') && actor.companies.includes(ownerBin);

export function mayRead(actor: Actor, document: { readonly ownerBin: string | null; readonly restricted: boolean }, kind: KindAccess = COMPANY_KIND): boolean {
  if (kind.owner === 'office') return hasOneOf(actor, kind.uploaders) || hasOneOf(actor, kind.readers);
  if (represents(actor, document.ownerBin, kind) || handles(actor, kind)) return true;
  return hasAnyRole(actor, document.restricted ? RESTRICTED_DOCUMENT_ROLES : PARTICIPANT_FILE_ROLES);
}

/**
 * Who may upload or attach a document: a company's representatives for their company, a fund officer
 * on anyone's behalf, and the roles the kind names (ADR 0110) for documents of that kind. A Fund-owned
 * kind has no representative: the Fund's BIN in a token gives no right to it. An office's kind: its
 * uploaders only (ADR 0113).
 */
export function mayActFor(actor: Actor, ownerBin: string | null, kind: KindAccess = COMPANY_KIND): boolean {
  if (kind.owner === 'office') return hasOneOf(actor, kind.uploaders);
  return represents(actor, ownerBin, kind) || handles(actor, kind) || actor.roles.includes('fund-officer');
}
