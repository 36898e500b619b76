import { type IssuedDocumentsClient, archiveNotConfigured } from '@hub/nest-commons';
import { type ArchivableCertificate, CertificateArchive } from '../../application/ports/certificate.ports.js';

/**
 * The archive is the documents context's `POST /issued-documents`, reached through the admin gateway
 * (`REGISTRATION_DOCUMENTS_URL`, e.g. `http://gateway/api/documents`) as registration itself: a
 * client-credentials token of client `hub-registration` with the role `document-issuer` (ADR 0106),
 * through the platform's `IssuedDocumentsClient` (@hub/nest-commons, shared with services' invoices).
 * The issue key is the certificate's number, so a repeated call returns the same document; the
 * archive's own hash must match the certificate's, or the copy is not trusted.
 */
export class DocumentsCertificateArchive extends CertificateArchive {
  constructor(private readonly documents: IssuedDocumentsClient) {
    super();
  }

  archive(c: ArchivableCertificate): Promise<{ readonly documentId: string }> {
    return this.documents.issue({
      ownerBin: c.bin,
      kind: 'participant-certificate',
      issueKey: `registration/certificate/${c.number}`,
      fileName: `certificate-${c.number}.pdf`,
      bytes: c.pdf,
      sha256: c.sha256,
    });
  }
}

/** Without `REGISTRATION_DOCUMENTS_URL` and service credentials: archiving is owed but cannot happen — said loudly on every try (the timer retries, then fails for good and alerts). */
export class UnconfiguredCertificateArchive extends CertificateArchive {
  archive(c: ArchivableCertificate): Promise<{ readonly documentId: string }> {
    return Promise.reject(archiveNotConfigured(`certificate ${c.number}`, 'REGISTRATION_DOCUMENTS_URL'));
  }
}
