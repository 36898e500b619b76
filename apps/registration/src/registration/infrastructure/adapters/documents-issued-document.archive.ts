import { type ClientCredentialsTokenSource, ServiceTokenError } from '@hub/nest-commons';
import { z } from 'zod';
import { type ArchivableDocument, IssuedDocumentArchive } from '../../application/ports/issued-document-archive.port.js';

/** The part of the documents context's answer registration keeps (its `DocumentView`). */
const IssuedDocumentSchema = z.object({ id: z.uuid(), status: z.literal('issued'), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/**
 * The archive is the documents context's `POST /issued-documents`, reached through the admin gateway
 * (`REGISTRATION_DOCUMENTS_URL`, e.g. `http://gateway/api/documents`) as registration itself: a
 * client-credentials token of client `hub-registration` with the role `document-issuer` (ADR 0106).
 * The issue key makes a repeated call return the same document; the archive's own hash must match
 * the bytes sent, or the copy is not trusted. Certificates (F-18) and Commission protocols (F-15).
 */
export class DocumentsIssuedDocumentArchive extends IssuedDocumentArchive {
  constructor(
    private readonly documentsUrl: string,
    private readonly tokens: ClientCredentialsTokenSource,
  ) {
    super();
  }

  async store(d: ArchivableDocument): Promise<{ readonly documentId: string }> {
    const res = await this.tokens.fetch(`${this.documentsUrl.replace(/\/+$/, '')}/issued-documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, application/problem+json' },
      body: JSON.stringify({
        ownerBin: d.ownerBin,
        kind: d.kind,
        issueKey: d.issueKey,
        fileName: d.fileName,
        contentBase64: d.pdf.toString('base64'),
      }),
    });
    const body: unknown = await res.json().catch(() => undefined);
    if (res.status !== 201 && res.status !== 200) {
      const detail = (body as { detail?: unknown } | undefined)?.detail;
      throw new Error(`the archive refused ${d.issueKey}: ${res.status}${typeof detail === 'string' ? ` ${detail}` : ''}`);
    }
    const doc = IssuedDocumentSchema.parse(body);
    if (doc.sha256 !== d.sha256) throw new Error(`the archive holds other bytes for ${d.issueKey} (sha256 ${doc.sha256}, issued ${d.sha256})`);
    return { documentId: doc.id };
  }
}

/** Without `REGISTRATION_DOCUMENTS_URL` and service credentials: archiving is owed but cannot happen — said loudly on every try (the timer retries, then fails for good and alerts). */
export class UnconfiguredIssuedDocumentArchive extends IssuedDocumentArchive {
  store(d: ArchivableDocument): Promise<{ readonly documentId: string }> {
    return Promise.reject(
      new ServiceTokenError(
        `${d.issueKey} cannot be archived: set REGISTRATION_DOCUMENTS_URL and HUB_SERVICE_AUTH_URL, HUB_SERVICE_CLIENT_ID, HUB_SERVICE_CLIENT_SECRET (ADR 0106)`,
      ),
    );
  }
}
