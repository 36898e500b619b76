/** F-32, F-38, F-33: what the Fund may ask a participant for. */
export type InformationKind = 'tax-and-accounting' | 'statistical-reports' | 'tax-declarations' | 'audit-opinion' | 'audit-report' | 'additional-documents';
export type InformationRequestStatus = 'open' | 'answered' | 'overdue' | 'answered-late';

/** Which rule a request rests on: F-38 extra documents in monitoring (ground 4 when missed), F-33 the audit report, else F-32 (ground 7 when missed). */
export const ruleOfInformationRequest = (kind: string): 'F-32' | 'F-33' | 'F-38' =>
  kind === 'additional-documents' ? 'F-38' : kind === 'audit-report' ? 'F-33' : 'F-32';

/** A document provided (its content is stored elsewhere; the record keeps what identifies it). */
export interface Attachment {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}
