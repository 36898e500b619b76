// Documents on the real database and the real local S3 server (ADR 0045, ADR 0009).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role, SERVICE_ROLES, isServiceRole } from '@hub/contracts';
import { sampleFiles, sha256Hex } from '@hub/object-storage';
import {
  type DocumentJson,
  type DownloadJson,
  type Harness,
  type UploadJson,
  auth,
  fetchBytes,
  json,
  newBin,
  poller,
  putBytes,
  startHarness,
} from '../support/documents-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('documents_int');
});
afterAll(async () => {
  await h?.close();
});

const applicant = (bin: string) => h.token(['applicant'], [bin]);

async function startUpload(bin: string, body: { kind?: string; fileName: string; size: number; supersedes?: string }, token?: string) {
  return h
    .http()
    .post('/documents/uploads')
    .set(auth(token ?? (await applicant(bin))))
    .send({ ownerBin: bin, kind: 'tax-debt-certificate', ...body });
}

/** start → PUT → complete, as a browser would; returns the completion response. */
async function upload(bin: string, bytes: Uint8Array, o: { kind?: string; fileName?: string; declaredSize?: number; supersedes?: string } = {}) {
  const started = await startUpload(bin, {
    fileName: o.fileName ?? 'certificate.pdf',
    size: o.declaredSize ?? bytes.byteLength,
    ...(o.kind ? { kind: o.kind } : {}),
    ...(o.supersedes ? { supersedes: o.supersedes } : {}),
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const { document, upload: put } = json<UploadJson>(started);
  expect(await putBytes(put, bytes)).toBe(200);
  const completed = await h
    .http()
    .post(`/documents/${document.id}/complete`)
    .set(auth(await applicant(bin)));
  return { id: document.id, completed };
}

const objectsOf = (bin: string) => h.storage.listKeys(`documents/${bin}/`);

describe('upload → verify → attach → download (ADR 0045)', () => {
  it('F-9(2): a real PDF is verified by the server (hash computed here), attached, and downloaded byte-identical by its company and a fund officer; each grant is logged', async () => {
    const bin = newBin();
    const pdf = sampleFiles.pdf('tax-debt information');
    const { id, completed } = await upload(bin, pdf);
    expect(completed.status).toBe(200);
    expect(json(completed)).toMatchObject({ status: 'verified', sha256: sha256Hex(pdf), size: pdf.byteLength, versionNo: 1 });
    expect(json(completed).retainUntil).toBe('2031-11-15'); // 5 years from Monday 16 November 2026 (data/document-kinds.json)

    const attached = await h
      .http()
      .post(`/documents/${id}/attach`)
      .set(auth(await applicant(bin)))
      .send({ to: 'registration/application/A-1' });
    expect(attached.status).toBe(200);
    expect(json(attached)).toMatchObject({ status: 'attached', attachedTo: 'registration/application/A-1' });

    for (const token of [await applicant(bin), await h.token(['fund-officer']), await h.token(['auditor'])]) {
      const grant = await h.http().get(`/documents/${id}/download`).set(auth(token));
      expect(grant.status).toBe(200);
      expect(new URL(json<DownloadJson>(grant).url).searchParams.get('X-Amz-Expires')).toBe('60');
      const got = await fetchBytes(json<DownloadJson>(grant).url);
      expect(got.status).toBe(200);
      expect(got.sha256).toBe(sha256Hex(pdf));
    }
    const log = await h.sql<{ subject: string; restricted: boolean }>(
      `select subject, restricted from document_download where document_id = ? order by at, id`,
      [id],
    );
    expect(log).toHaveLength(3);

    const events = await h.sql<{ event_type: string; message_key: string }>(
      `select event_type, message_key from hub_outbox where envelope->>'aggregateId' = ? order by position`,
      [id],
    );
    expect(events).toEqual([
      { event_type: 'documents.document-verified', message_key: bin },
      { event_type: 'documents.document-attached', message_key: bin },
    ]);
  });

  it('F-35: another company gets 404 for the document and its download, and nothing is logged for it', async () => {
    const bin = newBin();
    const { id } = await upload(bin, sampleFiles.pdf());
    const other = await applicant(newBin());
    expect((await h.http().get(`/documents/${id}`).set(auth(other))).status).toBe(404);
    expect((await h.http().get(`/documents/${id}/download`).set(auth(other))).status).toBe(404);
    expect((await h.http().post(`/documents/${id}/attach`).set(auth(other)).send({ to: 'registration/application/X' })).status).toBe(404);
    expect(json<DocumentJson[]>(await h.http().get('/documents').set(auth(other)))).toEqual([]);
    expect(await h.sql(`select 1 from document_download where document_id = ?`, [id])).toEqual([]);
    // A representative cannot start an upload for a company it does not represent.
    expect((await startUpload(bin, { fileName: 'a.pdf', size: 10 }, other)).status).toBe(403);
  });

  it('F-42: a passport is read by its company and fund officers only; every download is logged as restricted', async () => {
    const bin = newBin();
    const { id, completed } = await upload(bin, sampleFiles.jpeg(), { kind: 'passport-copy', fileName: 'passport.jpg' });
    expect(json(completed).status).toBe('verified');
    for (const role of ['finance-officer', 'commission-member', 'auditor'] as const) {
      expect(
        (
          await h
            .http()
            .get(`/documents/${id}/download`)
            .set(auth(await h.token([role])))
        ).status,
        role,
      ).toBe(404);
    }
    expect(
      json<DocumentJson[]>(
        await h
          .http()
          .get(`/documents?bin=${bin}`)
          .set(auth(await h.token(['finance-officer']))),
      ),
    ).toEqual([]);
    expect(
      (
        await h
          .http()
          .get(`/documents/${id}/download`)
          .set(auth(await h.token(['fund-officer'])))
      ).status,
    ).toBe(200);
    expect(
      (
        await h
          .http()
          .get(`/documents/${id}/download`)
          .set(auth(await applicant(bin)))
      ).status,
    ).toBe(200);
    const log = await h.sql<{ restricted: boolean; roles: string[] }>(`select restricted, roles from document_download where document_id = ? order by at, id`, [
      id,
    ]);
    expect(log).toEqual([
      { restricted: true, roles: ['fund-officer'] },
      { restricted: true, roles: ['applicant'] },
    ]);
  });

  it('bytes that are not what the name says (a PNG named .pdf) are refused with 422 naming the rule; the document is rejected and nothing remains in the bucket', async () => {
    const bin = newBin();
    const { id, completed } = await upload(bin, sampleFiles.png(), { fileName: 'tax-certificate.pdf' });
    expect(completed.status).toBe(422);
    expect(JSON.stringify(completed.body)).toContain('F-9(2)');
    expect(JSON.stringify(completed.body)).toContain('type-mismatch');
    expect(await objectsOf(bin)).toEqual([]);
    const [row] = await h.sql<{ status: string; sha256: string | null }>(`select status, sha256 from document where id = ?`, [id]);
    expect(row).toEqual({ status: 'rejected', sha256: null });
    expect(await h.sql(`select 1 from hub_outbox where envelope->>'aggregateId' = ?`, [id])).toEqual([]);
    // Completing again says it was rejected; downloading is impossible.
    expect(
      (
        await h
          .http()
          .post(`/documents/${id}/complete`)
          .set(auth(await applicant(bin)))
      ).status,
    ).toBe(422);
    expect(
      (
        await h
          .http()
          .get(`/documents/${id}/download`)
          .set(auth(await applicant(bin)))
      ).status,
    ).toBe(409);
  });

  it('an oversized file is refused: declared above the kind limit → 422 before any upload; uploaded above it → 422 and nothing remains in the bucket', async () => {
    const bin = newBin();
    const limit = 10 * 1024 * 1024; // tax-debt-certificate in data/document-kinds.json
    const declared = await startUpload(bin, { fileName: 'big.pdf', size: limit + 1 });
    expect(declared.status).toBe(422);
    expect(JSON.stringify(declared.body)).toContain('size');

    // A client that declares 1000 bytes and sends more (a real S3 refuses the PUT: the length is
    // signed; S3Mock does not check signatures, so the server's verification is what is proven here).
    const started = json<UploadJson>(await startUpload(bin, { fileName: 'big.pdf', size: 1000 }));
    expect(await putBytes({ ...started.upload, headers: { 'content-type': 'application/pdf' } }, sampleFiles.pdfOfSize(limit + 1))).toBe(200);
    const id = started.document.id;
    const completed = await h
      .http()
      .post(`/documents/${id}/complete`)
      .set(auth(await applicant(bin)));
    expect(completed.status).toBe(422);
    expect(JSON.stringify(completed.body)).toContain('too-large');
    expect(await objectsOf(bin)).toEqual([]);
    expect(
      json(
        await h
          .http()
          .get(`/documents/${id}`)
          .set(auth(await h.token(['fund-officer']))),
      ),
    ).toMatchObject({ status: 'rejected' });
  });

  it('an attached document is immutable: attaching it elsewhere is 409; a correction is a new version of the same series', async () => {
    const bin = newBin();
    const { id } = await upload(bin, sampleFiles.pdf('first'));
    const me = await applicant(bin);
    expect((await h.http().post(`/documents/${id}/attach`).set(auth(me)).send({ to: 'participation/report/R-1' })).status).toBe(200);
    expect((await h.http().post(`/documents/${id}/attach`).set(auth(me)).send({ to: 'participation/report/R-1' })).status).toBe(200); // same target: no-op
    expect((await h.http().post(`/documents/${id}/attach`).set(auth(me)).send({ to: 'participation/report/R-2' })).status).toBe(409);

    const corrected = sampleFiles.pdf('corrected');
    const v2 = await upload(bin, corrected, { supersedes: id });
    expect(json(v2.completed)).toMatchObject({ status: 'verified', versionNo: 2, seriesId: id, supersedesId: id, sha256: sha256Hex(corrected) });
    const first = json(await h.http().get(`/documents/${id}`).set(auth(me)));
    expect(first).toMatchObject({ status: 'attached', versionNo: 1 });
    expect(await objectsOf(bin)).toHaveLength(2);
  });

  it('an upload never completed is removed when its time is up: nothing remains in the bucket, the document is expired', async () => {
    const bin = newBin();
    const pdf = sampleFiles.pdf();
    const started = await startUpload(bin, { fileName: 'late.pdf', size: pdf.byteLength });
    const { document, upload: put } = json<UploadJson>(started);
    expect(await putBytes(put, pdf)).toBe(200);
    expect(await objectsOf(bin)).toHaveLength(1);
    h.clock.advance(7 * 60_000);
    await poller(h).runDue();
    expect(await objectsOf(bin)).toEqual([]);
    expect(
      json(
        await h
          .http()
          .get(`/documents/${document.id}`)
          .set(auth(await applicant(bin))),
      ),
    ).toMatchObject({ status: 'expired' });
  });
});

describe('issued documents (ADR 0045): stored once with their hash, served byte-identical', () => {
  it('F-18: an issued certificate downloads byte-identical twice; the same key and bytes return it; other bytes are 409', async () => {
    const bin = newBin();
    const officer = await h.token(['fund-officer']);
    // ADR 0106: registration issues its certificates as itself (client credentials), not as a person.
    const registration = await h.serviceToken('hub-registration', ['document-issuer']);
    const pdf = sampleFiles.pdf(`certificate of ${bin}`);
    const body = {
      ownerBin: bin,
      kind: 'participant-certificate',
      issueKey: `registration/certificate/AH-${bin}`,
      fileName: `AH-${bin}.pdf`,
      contentBase64: Buffer.from(pdf).toString('base64'),
    };
    const issued = await h.http().post('/issued-documents').set(auth(registration)).send(body);
    expect(issued.status).toBe(201);
    expect(json(issued)).toMatchObject({ status: 'issued', sha256: sha256Hex(pdf), size: pdf.byteLength });
    const id = json(issued).id;

    const downloads = [];
    for (const token of [officer, await applicant(bin)]) {
      const grant = json<DownloadJson>(await h.http().get(`/documents/${id}/download`).set(auth(token)));
      expect(grant.sha256).toBe(sha256Hex(pdf));
      downloads.push(await fetchBytes(grant.url));
    }
    expect(downloads.map((d) => d.sha256)).toEqual([sha256Hex(pdf), sha256Hex(pdf)]);
    expect(Buffer.from(downloads[0]!.bytes).equals(Buffer.from(pdf))).toBe(true);

    const again = await h.http().post('/issued-documents').set(auth(registration)).send(body);
    expect(json(again).id).toBe(id);
    const changed = await h
      .http()
      .post('/issued-documents')
      .set(auth(registration))
      .send({ ...body, contentBase64: Buffer.from(sampleFiles.pdf('another rendering')).toString('base64') });
    expect(changed.status).toBe(409);
    expect(await objectsOf(bin)).toHaveLength(1);
    const events = await h.sql<{ event_type: string }>(`select event_type from hub_outbox where envelope->>'aggregateId' = ?`, [id]);
    expect(events).toEqual([{ event_type: 'documents.document-issued' }]);
  });

  it('a kind that is issued cannot be uploaded, and an uploaded kind cannot be issued', async () => {
    const bin = newBin();
    expect((await startUpload(bin, { kind: 'participant-certificate', fileName: 'c.pdf', size: 100 })).status).toBe(422);
    const registration = await h.serviceToken('hub-registration', ['document-issuer']);
    const res = await h
      .http()
      .post('/issued-documents')
      .set(auth(registration))
      .send({
        ownerBin: bin,
        kind: 'tax-debt-certificate',
        issueKey: 'registration/x/1',
        fileName: 'x.pdf',
        contentBase64: Buffer.from(sampleFiles.pdf()).toString('base64'),
      });
    expect(res.status).toBe(422);
  });

  it('ADR 0106: a worker issues only the kinds the catalogue names it for; a person never issues', async () => {
    const bin = newBin();
    const body = {
      ownerBin: bin,
      kind: 'participant-certificate',
      issueKey: `registration/certificate/X-${bin}`,
      fileName: 'x.pdf',
      contentBase64: Buffer.from(sampleFiles.pdf('not theirs')).toString('base64'),
    };
    const services = await h.serviceToken('hub-services', ['document-issuer']);
    const refused = await h.http().post('/issued-documents').set(auth(services)).send(body);
    expect(refused.status).toBe(403);
    expect(json<{ detail: string }>(refused).detail).toMatch(/hub-services does not issue documents of kind participant-certificate/);
    expect(
      (
        await h
          .http()
          .post('/issued-documents')
          .set(auth(await h.token(['fund-officer'])))
          .send(body)
      ).status,
    ).toBe(403);
    // A person's token that claims a worker's role is not a valid token at all (claims rule, @hub/contracts).
    expect(
      (
        await h
          .http()
          .post('/issued-documents')
          .set(auth(await h.token(['document-issuer'])))
          .send(body)
      ).status,
    ).toBe(401);
    expect(await objectsOf(bin)).toHaveLength(0);
  });

  it('ADR 0067 / 0109: services issues its invoices (kind service-invoice, F-55) and nothing else; registration cannot issue them; the company and finance read them', async () => {
    const bin = newBin();
    const pdf = sampleFiles.pdf(`invoice of ${bin}`);
    const body = {
      ownerBin: bin,
      kind: 'service-invoice',
      issueKey: `services/invoice/SRV-2026-${bin.slice(-6)}`,
      fileName: `SRV-2026-${bin.slice(-6)}.pdf`,
      contentBase64: Buffer.from(pdf).toString('base64'),
    };
    const registration = await h.serviceToken('hub-registration', ['document-issuer']);
    const refused = await h.http().post('/issued-documents').set(auth(registration)).send(body);
    expect(refused.status).toBe(403);
    expect(json<{ detail: string }>(refused).detail).toMatch(/hub-registration does not issue documents of kind service-invoice/);
    expect(await objectsOf(bin)).toHaveLength(0);

    const services = await h.serviceToken('hub-services', ['document-issuer']);
    const issued = await h.http().post('/issued-documents').set(auth(services)).send(body);
    expect(issued.status).toBe(201);
    expect(json(issued)).toMatchObject({ status: 'issued', kind: 'service-invoice', ownerBin: bin, sha256: sha256Hex(pdf) });
    for (const token of [await applicant(bin), await h.token(['finance-officer']), await h.token(['auditor'])]) {
      const grant = json<DownloadJson>(
        await h
          .http()
          .get(`/documents/${json(issued).id}/download`)
          .set(auth(token)),
      );
      expect((await fetchBytes(grant.url)).sha256).toBe(sha256Hex(pdf));
    }
    // another company's representative is told nothing (F-35)
    expect(
      (
        await h
          .http()
          .get(`/documents/${json(issued).id}/download`)
          .set(auth(await applicant(newBin())))
      ).status,
    ).toBe(404);
    // a worker of another context cannot take the services kind either way round
    expect(
      (
        await h
          .http()
          .post('/issued-documents')
          .set(auth(services))
          .send({ ...body, kind: 'participant-certificate', issueKey: `registration/certificate/X-${bin}` })
      ).status,
    ).toBe(403);
    expect(await objectsOf(bin)).toHaveLength(1);
  });
});

/**
 * Role × route matrix against a policy written here by hand (not derived from the controllers or
 * the gateway table, so a wrong entry in either is caught). Keep it in step with the README.
 */
describe('access policy: every role and anonymous on every route', () => {
  const FILE_READERS: readonly Role[] = ['applicant', 'fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'auditor'];
  const UPLOADERS: readonly Role[] = ['applicant', 'fund-officer'];
  const KIND_HANDLERS: readonly Role[] = ['housing-manager'];
  // ADR 0113: the roles that upload an office's documents, and those that only read them
  const OFFICE_UPLOADERS: readonly Role[] = ['cluster-organiser', 'cluster-expert', 'cluster-commission-secretary'];
  const OFFICE_READERS: readonly Role[] = [...OFFICE_UPLOADERS, 'cluster-commission-member'];
  const policy: { method: 'get' | 'post'; path: string; allowed: readonly Role[]; body?: () => object }[] = [
    {
      method: 'post',
      path: '/documents/uploads',
      allowed: UPLOADERS,
      body: () => ({ ownerBin: bin, kind: 'tax-debt-certificate', fileName: 'm.pdf', size: 10 }),
    },
    { method: 'post', path: '/documents/:id/complete', allowed: UPLOADERS },
    { method: 'post', path: '/documents/:id/attach', allowed: UPLOADERS, body: () => ({ to: 'registration/application/M' }) },
    { method: 'get', path: '/documents', allowed: FILE_READERS },
    { method: 'get', path: '/documents/:id', allowed: FILE_READERS },
    { method: 'get', path: '/documents/:id/download', allowed: FILE_READERS },
    {
      method: 'post',
      path: '/issued-documents',
      allowed: ['document-issuer'],
      body: () => ({
        ownerBin: bin,
        kind: 'participant-certificate',
        issueKey: 'registration/certificate/M',
        fileName: 'm.pdf',
        contentBase64: Buffer.from(sampleFiles.pdf('matrix')).toString('base64'),
      }),
    },
  ];
  let id: string;
  let bin: string;
  beforeAll(async () => {
    bin = newBin();
    id = (await upload(bin, sampleFiles.pdf('matrix'))).id;
  });

  for (const route of policy) {
    it(`${route.method.toUpperCase()} ${route.path}`, async () => {
      const path = route.path.replace(':id', id);
      const call = (headers: Record<string, string>) => {
        const req = h.http()[route.method](path).set(headers);
        return route.method === 'post' ? req.send(route.body?.() ?? {}) : req;
      };
      expect((await call({})).status).toBe(401);
      for (const role of [...ROLES, ...SERVICE_ROLES]) {
        const token = isServiceRole(role) ? await h.serviceToken('hub-registration', [role]) : await h.token([role], role === 'applicant' ? [bin] : []);
        const status = (await call(auth(token))).status;
        if (route.allowed.includes(role)) expect([200, 201, 409, 422], `${role} is allowed`).toContain(status);
        // ADR 0110: a role a kind names (the housing manager: dwelling acts) passes the route but reaches
        // only documents of that kind — this company's is refused (403) or not disclosed (404); a list is empty
        else if (KIND_HANDLERS.includes(role) && route.path !== '/issued-documents')
          expect([200, 403, 404], `${role} handles other kinds only`).toContain(status);
        // ADR 0113: likewise an office's roles (uploaders on every route, readers on the reads): a company's
        // document is refused (403) or not disclosed (404); a list holds the office's documents only
        else if ((route.method === 'get' ? OFFICE_READERS : OFFICE_UPLOADERS).includes(role) && route.path !== '/issued-documents')
          expect([200, 403, 404], `${role} reaches an office's documents only`).toContain(status);
        else expect(status, `${role} is refused`).toBe(403);
      }
    });
  }
});
