import { type IssuedDocumentsClient, archiveNotConfigured } from '@hub/nest-commons';
import { type ArchivableDocument, IssuedDocumentArchive } from '../../application/ports/issued-document-archive.port.js';

/**
 * The archive is the documents context's `POST /issued-documents`, reached through the admin gateway
 * (`REGISTRATION_DOCUMENTS_URL`, e.g. `http://gateway/api/documents`) as registration itself: a
 * client-credentials token of client `hub-registration` with the role `document-issuer` (ADR 0106),
 * through the platform's `IssuedDocumentsClient` (@hub/nest-commons, shared with services' invoices).
 * The issue key makes a repeated call return the same document; the archive's own hash must match
 * the bytes sent, or the copy is not trusted. Certificates (F-18) and protocol extracts (F-15).
 */
export class DocumentsIssuedDocumentArchive extends IssuedDocumentArchive {
  constructor(private readonly documents: IssuedDocumentsClient) {
    super();
  }

  store(d: ArchivableDocument): Promise<{ readonly documentId: string }> {
    return this.documents.issue({ ownerBin: d.ownerBin, kind: d.kind, issueKey: d.issueKey, fileName: d.fileName, bytes: d.pdf, sha256: d.sha256 });
  }
}

/** Without `REGISTRATION_DOCUMENTS_URL` and service credentials: archiving is owed but cannot happen — said loudly on every try (the timer retries, then fails for good and alerts). */
export class UnconfiguredIssuedDocumentArchive extends IssuedDocumentArchive {
  store(d: ArchivableDocument): Promise<{ readonly documentId: string }> {
    return Promise.reject(archiveNotConfigured(d.issueKey, 'REGISTRATION_DOCUMENTS_URL'));
  }
}
