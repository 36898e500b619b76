import { type ClientCredentialsTokenSource, ServiceTokenError } from '@hub/nest-commons';
import { z } from 'zod';
import { type ArchivableCertificate, CertificateArchive } from '../../application/ports/certificate.ports.js';

/** The part of the documents context's answer registration keeps (its `DocumentView`). */
const IssuedDocumentSchema = z.object({ id: z.uuid(), status: z.literal('issued'), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/**
 * The archive is the documents context's `POST /issued-documents`, reached through the admin gateway
 * (`REGISTRATION_DOCUMENTS_URL`, e.g. `http://gateway/api/documents`) as registration itself: a
 * client-credentials token of client `hub-registration` with the role `document-issuer` (ADR 0106).
 * The issue key is the certificate's number, so a repeated call returns the same document; the
 * archive's own hash must match the certificate's, or the copy is not trusted.
 */
export class DocumentsCertificateArchive extends CertificateArchive {
  constructor(
    private readonly documentsUrl: string,
    private readonly tokens: ClientCredentialsTokenSource,
  ) {
    super();
  }

  async archive(c: ArchivableCertificate): Promise<{ readonly documentId: string }> {
    const res = await this.tokens.fetch(`${this.documentsUrl.replace(/\/+$/, '')}/issued-documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, application/problem+json' },
      body: JSON.stringify({
        ownerBin: c.bin,
        kind: 'participant-certificate',
        issueKey: `registration/certificate/${c.number}`,
        fileName: `certificate-${c.number}.pdf`,
        contentBase64: c.pdf.toString('base64'),
      }),
    });
    const body: unknown = await res.json().catch(() => undefined);
    if (res.status !== 201 && res.status !== 200) {
      const detail = (body as { detail?: unknown } | undefined)?.detail;
      throw new Error(`the archive refused certificate ${c.number}: ${res.status}${typeof detail === 'string' ? ` ${detail}` : ''}`);
    }
    const doc = IssuedDocumentSchema.parse(body);
    if (doc.sha256 !== c.sha256) throw new Error(`the archive holds other bytes for certificate ${c.number} (sha256 ${doc.sha256}, issued ${c.sha256})`);
    return { documentId: doc.id };
  }
}

/** Without `REGISTRATION_DOCUMENTS_URL` and service credentials: archiving is owed but cannot happen — said loudly on every try (the timer retries, then fails for good and alerts). */
export class UnconfiguredCertificateArchive extends CertificateArchive {
  archive(c: ArchivableCertificate): Promise<{ readonly documentId: string }> {
    return Promise.reject(
      new ServiceTokenError(
        `certificate ${c.number} cannot be archived: set REGISTRATION_DOCUMENTS_URL and HUB_SERVICE_AUTH_URL, HUB_SERVICE_CLIENT_ID, HUB_SERVICE_CLIENT_SECRET (ADR 0106)`,
      ),
    );
  }
}
