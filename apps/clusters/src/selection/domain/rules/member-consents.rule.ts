import { validateBin, validateIin } from '@hub/identifiers';
import { RuleViolationError, ValidationError } from '@hub/kernel';

export interface MemberConsent {
  /** The member's BIN (legal entity) or IIN (individual entrepreneur). */
  readonly memberId: string;
  readonly idKind: 'bin' | 'iin';
  readonly memberName: string;
  /** Issue #10: the signed consent (Annex 2) uploaded to documents by the applicant (kind member-consent). */
  readonly consentDocumentId?: string | undefined;
  /** Deprecated (issue #10): a free-text reference of the signed consent. */
  readonly consentDocumentRef?: string | undefined;
}

/**
 * C-7 (Annex 2) with issue #10 (ADR 0049): each consent given by id must be the applicant's own verified
 * upload of kind member-consent (the context checks it against its copy of documents; 422 naming the field).
 */
export const consentDocuments = (consents: readonly MemberConsent[]) =>
  consents.flatMap((c, i) =>
    c.consentDocumentId
      ? [{ path: `memberConsents.${i}.consentDocumentId`, documentId: c.consentDocumentId, kind: ['member-consent'], ruleId: 'C-7 (Annex 2)' }]
      : [],
  );

/** Where documents attaches them. */
export const applicationTarget = (applicationId: string): string => `clusters/application/${applicationId}`;

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
    if (!c.consentDocumentId && !c.consentDocumentRef)
      throw ValidationError.field(`memberConsents.${i}.consentDocumentId`, 'C-7 (Annex 2): the signed consent is required', 'documents-required');
    seen.add(c.memberId);
  });
}
