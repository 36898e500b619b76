import { z } from 'zod';
import { ClientCredentialsTokenSource, type ServiceCredentials, ServiceTokenError } from '../auth/service-token.js';

/** A document a context issued, as the Fund's archive (the documents context, ADR 0045) takes it. */
export interface DocumentToArchive {
  /** The company the document belongs to (documents keeps files per BIN); absent for a kind the Fund owns (ADR 0122: documents sets the Fund). */
  readonly ownerBin?: string | undefined;
  /** A kind of documents' catalogue whose `issuers` name this worker's client (ADR 0106 §4). */
  readonly kind: string;
  /** Unique per document platform-wide, `<context>/<thing>/<number>`: the same key and bytes return the stored document. */
  readonly issueKey: string;
  readonly fileName: string;
  readonly bytes: Buffer;
  /** The SHA-256 (hex) of `bytes` as the context issued them: the archive's answer must carry the same. */
  readonly sha256: string;
}

/** The part of documents' answer (its `DocumentView`) the issuing context keeps. */
const IssuedDocumentSchema = z.object({ id: z.uuid(), status: z.literal('issued'), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/**
 * The documents context's `POST /issued-documents` as a platform worker calls it (ADR 0106): through
 * the admin gateway (`<CONTEXT>_DOCUMENTS_URL`, e.g. `http://gateway/api/documents`) with the worker's
 * own client-credentials token, the role `document-issuer`. A repeat with the same issue key and bytes
 * returns the same document (ADR 0045 §9), so a retried timer is harmless; other bytes are a 409,
 * reported as an error. The archive's SHA-256 must be the issuer's, or the copy is not trusted.
 * Shared by registration's certificates (F-18) and services' invoices (F-55, ADR 0067/0109).
 */
export class IssuedDocumentsClient {
  constructor(
    private readonly documentsUrl: string,
    private readonly tokens: ClientCredentialsTokenSource,
  ) {}

  async issue(d: DocumentToArchive): Promise<{ readonly documentId: string }> {
    const res = await this.tokens.fetch(`${this.documentsUrl.replace(/\/+$/, '')}/issued-documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, application/problem+json' },
      body: JSON.stringify({
        ...(d.ownerBin ? { ownerBin: d.ownerBin } : {}),
        kind: d.kind,
        issueKey: d.issueKey,
        fileName: d.fileName,
        contentBase64: d.bytes.toString('base64'),
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

/**
 * The client from a context's settings: its documents URL and its service credentials go together.
 * Neither → undefined (the context's archive is owed but cannot happen: its adapter says so loudly on
 * every try, naming `urlSetting`); one without the other stops the app, naming what is missing.
 */
export function issuedDocumentsClientFrom(
  urlSetting: string,
  url: string | undefined,
  credentials: ServiceCredentials | undefined,
): IssuedDocumentsClient | undefined {
  if (url === undefined && credentials === undefined) return undefined;
  if (url === undefined || credentials === undefined)
    throw new Error(`${urlSetting} and the service credentials (HUB_SERVICE_AUTH_URL, HUB_SERVICE_CLIENT_ID, HUB_SERVICE_CLIENT_SECRET) go together`);
  return new IssuedDocumentsClient(url, new ClientCredentialsTokenSource(credentials));
}

/** The error an unconfigured archive answers with on every try (the timer retries, then fails for good and alerts). */
export function archiveNotConfigured(what: string, urlSetting: string): ServiceTokenError {
  return new ServiceTokenError(
    `${what} cannot be archived: set ${urlSetting} and HUB_SERVICE_AUTH_URL, HUB_SERVICE_CLIENT_ID, HUB_SERVICE_CLIENT_SECRET (ADR 0106)`,
  );
}
