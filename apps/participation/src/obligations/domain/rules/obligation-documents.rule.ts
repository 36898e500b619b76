import { ruleOfInformationRequest, type InformationKind } from '../obligation.types.js';

/**
 * Issue #10 (ADR 0049): the documents a counter-obligation is met with are uploads of the documents
 * context, by id, of the kind the rule requires (document kinds: apps/documents/data/document-kinds.json):
 * - F-32, F-38: an answer to a request — `request-answer`; a requested audit opinion or audit report
 *   (F-32 "the audit opinion on annual financial statements", F-33 "the audit report on request") may
 *   also be the `audit-opinion` itself;
 * - F-33: the annual audit opinion — `audit-opinion`;
 * - F-34: copies of the re-registration or liquidation decision — `decision-copy`.
 * Each reference names the field it came from, for a 422 (the context checks them against its copy
 * of the verified documents); `target` is where documents attaches them.
 */
export interface RequiredDocument {
  readonly path: string;
  readonly documentId: string;
  readonly kind: readonly string[];
  readonly ruleId: string;
}

export function answerDocuments(requestKind: InformationKind, documentIds: readonly string[]): RequiredDocument[] {
  const kinds = requestKind === 'audit-opinion' || requestKind === 'audit-report' ? ['request-answer', 'audit-opinion'] : ['request-answer'];
  const ruleId = ruleOfInformationRequest(requestKind);
  return documentIds.map((documentId, i) => ({ path: `documentIds.${i}`, documentId, kind: kinds, ruleId }));
}

export const auditOpinionDocument = (documentId: string): RequiredDocument => ({ path: 'documentId', documentId, kind: ['audit-opinion'], ruleId: 'F-33' });

export const decisionCopies = (documentIds: readonly string[]): RequiredDocument[] =>
  documentIds.map((documentId, i) => ({ path: `documentIds.${i}`, documentId, kind: ['decision-copy'], ruleId: 'F-34' }));

/** Where documents attaches them: `participation/<thing>/<id>`. */
export const attachmentTarget = (thing: 'information-request' | 'audit-obligation' | 'corporate-notice', id: string): string => `participation/${thing}/${id}`;
