// ADR 0122 (issue #10; F-15, F-16, F-35): the registration Commission's full protocol — each member's
// vote, the decision and its reasons — issued by registration as the Fund's own document, on the real
// database and the real local S3 server: owned by the configured Fund BIN, read by the Fund's reviewers
// and the Commission only; the company the decision is about never learns it exists (404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFiles, sha256Hex } from '@hub/object-storage';
import { type DocumentJson, type DownloadJson, type Harness, auth, fetchBytes, json, newBin, startHarness } from '../support/documents-harness.js';

const FUND_BIN = '990140000017'; // a test value: the Fund's BIN is configuration (HUB_FUND_BIN), never code

let h: Harness;
let unconfigured: Harness;
beforeAll(async () => {
  h = await startHarness('documents_full_protocol', { env: { HUB_FUND_BIN: FUND_BIN } });
  unconfigured = await startHarness('documents_full_protocol_nofund');
});
afterAll(async () => {
  await h?.close();
  await unconfigured?.close();
});

/** The PDF registration renders (@hub/documents `renderCommissionProtocolPdf` with the votes; its determinism is tested there). */
const fullProtocol = async (bin: string, number: string): Promise<Buffer> => Buffer.from(sampleFiles.pdf(`full protocol ${number} of the decision on ${bin}`));

const issue = async (app: Harness, body: Record<string, unknown>) =>
  app
    .http()
    .post('/issued-documents')
    .set(auth(await app.serviceToken('hub-registration', ['document-issuer'])))
    .send(body);

describe('ADR 0122: the Commission’s full protocol is the Fund’s own issued document', () => {
  it("F-15, F-16, F-35: registration issues it without an owner; it is the Fund's, restricted; a fund officer, a member and the secretary download it byte-identical (twice the same), each grant logged; a repeat is the same document", async () => {
    const bin = newBin();
    const pdf = await fullProtocol(bin, 'CP-2026-90001');
    const body = {
      kind: 'commission-protocol-full',
      issueKey: 'registration/protocol-full/CP-2026-90001',
      fileName: 'protocol-CP-2026-90001-full.pdf',
      contentBase64: pdf.toString('base64'),
    };
    const issued = await issue(h, body);
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const doc = json<DocumentJson>(issued);
    expect(doc).toMatchObject({ kind: 'commission-protocol-full', ownerBin: FUND_BIN, restricted: true, status: 'issued', sha256: sha256Hex(pdf) });
    expect(json<DocumentJson>(await issue(h, body)).id).toBe(doc.id);

    const roles = ['fund-officer', 'commission-member', 'commission-secretary'];
    for (const role of roles) {
      const grant = await h
        .http()
        .get(`/documents/${doc.id}/download`)
        .set(auth(await h.token([role])));
      expect(grant.status, role).toBe(200);
      const got = await fetchBytes(json<DownloadJson>(grant).url);
      expect(got.sha256, role).toBe(sha256Hex(pdf));
      expect(Buffer.from(got.bytes).equals(pdf), role).toBe(true);
    }
    const log = await h.sql<{ roles: string[]; owner_bin: string }>(`select roles, owner_bin from document_download where document_id = ? order by at, id`, [
      doc.id,
    ]);
    expect(log.map((l) => [l.roles[0], l.owner_bin])).toEqual(roles.map((r) => [r, FUND_BIN]));
  });

  it('F-35, F-17: the company the decision is about, another company, the auditor and finance get 404 for it (the extract is what the company reads); nothing is logged for them', async () => {
    const bin = newBin();
    const issued = await issue(h, {
      kind: 'commission-protocol-full',
      issueKey: 'registration/protocol-full/CP-2026-90002',
      fileName: 'protocol-CP-2026-90002-full.pdf',
      contentBase64: (await fullProtocol(bin, 'CP-2026-90002')).toString('base64'),
    });
    expect(issued.status).toBe(201);
    const id = json<DocumentJson>(issued).id;
    for (const token of [
      await h.token(['applicant'], [bin]),
      await h.token(['applicant'], [FUND_BIN]),
      await h.token(['auditor']),
      await h.token(['finance-officer']),
    ]) {
      expect((await h.http().get(`/documents/${id}`).set(auth(token))).status).toBe(404);
      expect((await h.http().get(`/documents/${id}/download`).set(auth(token))).status).toBe(404);
    }
    const listed = json<DocumentJson[]>(
      await h
        .http()
        .get('/documents')
        .set(auth(await h.token(['applicant'], [bin]))),
    );
    expect(listed.map((d) => d.id)).not.toContain(id);
    expect(await h.sql(`select 1 from document_download where document_id = ?`, [id])).toEqual([]);
  });

  it('the owner is not the issuer’s to name: a company’s BIN is 422 ownerBin; the company’s extract still needs its BIN (422); only registration issues it (403); without the Fund’s BIN configured, 409 and nothing stored', async () => {
    const bin = newBin();
    const pdf = (await fullProtocol(bin, 'CP-2026-90003')).toString('base64');
    const body = { kind: 'commission-protocol-full', issueKey: 'registration/protocol-full/CP-2026-90003', fileName: 'p.pdf', contentBase64: pdf };
    const named = await issue(h, { ...body, ownerBin: bin });
    expect(named.status).toBe(422);
    expect(JSON.stringify(named.body)).toContain('ownerBin');
    expect((await issue(h, { ...body, ownerBin: FUND_BIN })).status).toBe(201); // the Fund's own BIN is no contradiction
    const extract = await issue(h, { ...body, kind: 'commission-protocol', issueKey: 'registration/protocol/CP-2026-90003' });
    expect(extract.status).toBe(422);
    expect(JSON.stringify(extract.body)).toContain('ownerBin');
    const services = await h.serviceToken('hub-services', ['document-issuer']);
    expect(
      (
        await h
          .http()
          .post('/issued-documents')
          .set(auth(services))
          .send({ ...body, issueKey: 'services/x/1' })
      ).status,
    ).toBe(403);
    const refused = await issue(unconfigured, body);
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain('HUB_FUND_BIN');
    expect(await unconfigured.sql(`select 1 from document where kind = 'commission-protocol-full'`)).toEqual([]);
  });
});
