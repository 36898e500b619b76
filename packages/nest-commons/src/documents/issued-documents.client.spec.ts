import { createHash } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientCredentialsTokenSource, ServiceTokenError } from '../auth/service-token.js';
import { IssuedDocumentsClient, archiveNotConfigured, issuedDocumentsClientFrom } from './issued-documents.client.js';

/**
 * ADR 0106 / 0109. `fakeArchive` stands in for the documents context's POST /issued-documents (the real
 * one is proven by documents' own integration test and end to end by the gateway's issued-documents
 * e2e); `fakeIdp` for the token endpoint. What is checked here is the client's side of the exchange.
 */
let fakeIdp: Server;
let fakeArchive: Server;
const stored = new Map<string, { id: string; sha256: string }>();
const requests: { authorization?: string; body: Record<string, unknown> }[] = [];
let tamper = false;
const url = (s: Server, path: string) => `http://127.0.0.1:${(s.address() as AddressInfo).port}${path}`;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  fakeIdp = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'svc-token', token_type: 'Bearer', expires_in: 300 })),
  );
  fakeArchive = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw) as { issueKey: string; contentBase64: string };
      requests.push({ authorization: req.headers.authorization, body });
      const hash = tamper ? '0'.repeat(64) : sha(Buffer.from(body.contentBase64, 'base64'));
      const known = stored.get(body.issueKey);
      if (known && known.sha256 !== hash) {
        res.writeHead(409, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ detail: 'an issued document never changes' }));
        return;
      }
      const doc = known ?? { id: `0195a3c2-0000-7000-8000-${String(stored.size + 1).padStart(12, '0')}`, sha256: hash };
      stored.set(body.issueKey, doc);
      res.writeHead(known ? 200 : 201, { 'content-type': 'application/json' }).end(JSON.stringify({ ...doc, status: 'issued' }));
    });
  });
  await Promise.all([new Promise<void>((r) => fakeIdp.listen(0, '127.0.0.1', r)), new Promise<void>((r) => fakeArchive.listen(0, '127.0.0.1', r))]);
});
afterAll(() => {
  fakeIdp.close();
  fakeArchive.close();
});

const client = () =>
  new IssuedDocumentsClient(
    url(fakeArchive, '/api/documents/'),
    new ClientCredentialsTokenSource({ tokenUrl: url(fakeIdp, '/token'), clientId: 'hub-services', clientSecret: 's3cret-s3cret-s3cret' }),
  );
const doc = (bytes: Buffer, key = 'services/invoice/SRV-2026-000001') => ({
  ownerBin: '240540010013',
  kind: 'service-invoice',
  issueKey: key,
  fileName: 'SRV-2026-000001.pdf',
  bytes,
  sha256: sha(bytes),
});

describe('IssuedDocumentsClient (ADR 0106, 0109)', () => {
  it('posts the bytes as the worker under the issue key; a repeat returns the same document', async () => {
    const bytes = Buffer.from('%PDF-1.3 invoice');
    const first = await client().issue(doc(bytes));
    const again = await client().issue(doc(bytes));
    expect(again.documentId).toBe(first.documentId);
    expect(requests.at(-1)).toMatchObject({
      authorization: 'Bearer svc-token',
      body: { ownerBin: '240540010013', kind: 'service-invoice', issueKey: 'services/invoice/SRV-2026-000001', contentBase64: bytes.toString('base64') },
    });
  });

  it('other bytes under the same key are refused with the archive’s reason; a copy with another hash is not trusted', async () => {
    await expect(client().issue({ ...doc(Buffer.from('%PDF-1.3 other')) })).rejects.toThrow(
      /the archive refused services\/invoice\/SRV-2026-000001: 409 an issued document never changes/,
    );
    tamper = true;
    try {
      await expect(client().issue(doc(Buffer.from('%PDF-1.3 x'), 'services/invoice/SRV-2026-000002'))).rejects.toThrow(/the archive holds other bytes/);
    } finally {
      tamper = false;
    }
  });

  it('settings: the URL and the credentials go together; none is an archive that names what to set', () => {
    const credentials = { tokenUrl: 'http://idp/token', clientId: 'hub-services', clientSecret: 's3cret-s3cret-s3cret' };
    expect(issuedDocumentsClientFrom('SERVICES_DOCUMENTS_URL', undefined, undefined)).toBeUndefined();
    expect(issuedDocumentsClientFrom('SERVICES_DOCUMENTS_URL', 'http://gw/api/documents', credentials)).toBeInstanceOf(IssuedDocumentsClient);
    expect(() => issuedDocumentsClientFrom('SERVICES_DOCUMENTS_URL', 'http://gw/api/documents', undefined)).toThrow(
      /SERVICES_DOCUMENTS_URL and the service credentials/,
    );
    expect(() => issuedDocumentsClientFrom('SERVICES_DOCUMENTS_URL', undefined, credentials)).toThrow(/go together/);
    const e = archiveNotConfigured('invoice SRV-2026-000001', 'SERVICES_DOCUMENTS_URL');
    expect(e).toBeInstanceOf(ServiceTokenError);
    expect(e.message).toMatch(/invoice SRV-2026-000001 cannot be archived: set SERVICES_DOCUMENTS_URL/);
  });
});
