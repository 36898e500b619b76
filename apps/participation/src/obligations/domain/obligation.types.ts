/** F-32, F-38, F-33: what the Fund may ask a participant for. */
export type InformationKind = 'tax-and-accounting' | 'statistical-reports' | 'tax-declarations' | 'audit-opinion' | 'audit-report' | 'additional-documents';
export type InformationRequestStatus = 'open' | 'answered' | 'overdue' | 'answered-late';

/** A document provided (its content is stored elsewhere; the record keeps what identifies it). */
export interface Attachment {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}
