/**
 * Port: the Fund's archive of issued documents (the documents context, ADR 0045), reached as
 * registration itself — a platform worker with the `document-issuer` role (ADR 0106). Storing the same
 * issue key again returns the same document; the archive's hash must equal the bytes sent.
 */
export interface ArchivableDocument {
  /** The documents context's issued kind (data/document-kinds.json names registration as its issuer). */
  readonly kind: 'participant-certificate' | 'commission-protocol' | 'commission-protocol-full';
  /** The company the document belongs to: it may download it. Absent for the Fund's own kind (`commission-protocol-full`, ADR 0122). */
  readonly ownerBin?: string | undefined;
  /** Idempotency: one document per key (e.g. `registration/certificate/<number>`). */
  readonly issueKey: string;
  readonly fileName: string;
  readonly pdf: Buffer;
  readonly sha256: string;
}

export abstract class IssuedDocumentArchive {
  abstract store(document: ArchivableDocument): Promise<{ readonly documentId: string }>;
}
