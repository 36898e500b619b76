import { validateBin, validateIin } from '@hub/identifiers';
import { RuleViolationError, ValidationError } from '@hub/kernel';

export interface MemberConsent {
  /** The member's BIN (legal entity) or IIN (individual entrepreneur). */
  readonly memberId: string;
  readonly idKind: 'bin' | 'iin';
  readonly memberName: string;
  /** Reference of the signed consent document (Annex 2), e.g. a documents-context id. */
  readonly consentDocumentRef: string;
}

/**
 * C-6, C-7 (Annex 2): the application carries the consent of each member of the cluster, each member
 * identified by a valid BIN or IIN (@hub/identifiers) with its signed consent document; no member twice.
 */
export function assertMemberConsents(consents: readonly MemberConsent[]): void {
  if (consents.length === 0)
    throw new RuleViolationError('C-7', 'the application needs the consents of the cluster members (Annex 2)', { field: 'memberConsents' });
  const seen = new Set<string>();
  consents.forEach((c, i) => {
    const path = `memberConsents.${i}.memberId`;
    const result = c.idKind === 'bin' ? validateBin(c.memberId, path) : validateIin(c.memberId, path);
    if (!result.ok) throw result.error;
    if (seen.has(c.memberId)) throw ValidationError.field(path, `member ${c.memberId} is listed twice`);
    seen.add(c.memberId);
  });
}
