// ADR 0113: documents of an office — the cluster selection's organiser, national institute and expert
// Commission (C-2) — on the real database, the real local S3 server and the outbox: no BIN, the office
// the kind names, uploaded by the kind's uploaders, read by its readers, 404 to anyone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@hub/kernel';
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
  putBytes,
  startHarness,
  verifiedUpload,
} from '../support/documents-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('documents_office');
});
afterAll(async () => {
  await h?.close();
});

/** An office role uploads: start (no owner named) → PUT → complete. */
async function uploadAs(role: string, kind: string, bytes: Uint8Array): Promise<DocumentJson> {
  const t = await h.token([role]);
  const started = await h.http().post('/documents/uploads').set(auth(t)).send({ kind, fileName: 'letter.pdf', size: bytes.byteLength });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const { document, upload } = json<UploadJson>(started);
  expect(await putBytes(upload, bytes)).toBe(200);
  const completed = await h.http().post(`/documents/${document.id}/complete`).set(auth(t));
  expect(completed.status, JSON.stringify(completed.body)).toBe(200);
  return json(completed);
}

describe("ADR 0113: an office's documents (cluster selection, C-2)", () => {
  it("C-19, C-20: the Commission's secretary uploads the protocol; it is the office's (no BIN, its own object key), published as documents.office-document-verified v1 keyed by the office, and downloaded byte-identical by the organiser and a member — each grant logged with the office", async () => {
    const pdf = sampleFiles.pdf(`protocol of the Commission ${uuidv7()}`);
    const protocol = await uploadAs('cluster-commission-secretary', 'cluster-commission-protocol', pdf);
    expect(protocol).toMatchObject({ ownerBin: null, ownerOffice: 'cluster-commission', status: 'verified', sha256: sha256Hex(pdf) });
    const [row] = await h.sql<{ object_key: string }>(`select object_key from document where id = ?`, [protocol.id]);
    expect(row!.object_key).toBe(`documents/office/cluster-commission/${protocol.id}`);
    const published = await h.sql<{ event_type: string; message_key: string; payload: { office: string; kind: string; sha256: string; bin?: string } }>(
      `select event_type, message_key, envelope->'payload' as payload from hub_outbox where envelope->>'aggregateId' = ? order by position`,
      [protocol.id],
    );
    expect(published.map((p) => p.event_type)).toEqual(['documents.office-document-verified']);
    expect(published[0]!.payload).toMatchObject({ office: 'cluster-commission', kind: 'cluster-commission-protocol', sha256: sha256Hex(pdf) });
    expect(published[0]!.payload.bin).toBeUndefined();
    expect(published[0]!.message_key).toBe('office:cluster-commission');
    for (const role of ['cluster-commission-secretary', 'cluster-organiser', 'cluster-commission-member']) {
      const grant = await h
        .http()
        .get(`/documents/${protocol.id}/download`)
        .set(auth(await h.token([role])));
      expect(grant.status, role).toBe(200);
      expect((await fetchBytes(json<DownloadJson>(grant).url)).sha256).toBe(sha256Hex(pdf));
    }
    const log = await h.sql<{ roles: string[]; owner_bin: string | null; owner_office: string }>(
      `select roles, owner_bin, owner_office from document_download where document_id = ? order by at, id`,
      [protocol.id],
    );
    expect(log.map((l) => [l.roles[0], l.owner_bin, l.owner_office])).toEqual([
      ['cluster-commission-secretary', null, 'cluster-commission'],
      ['cluster-organiser', null, 'cluster-commission'],
      ['cluster-commission-member', null, 'cluster-commission'],
    ]);
    // a member lists the office documents it reads, and no company's
    const listed = json<DocumentJson[]>(
      await h
        .http()
        .get('/documents')
        .set(auth(await h.token(['cluster-commission-member']))),
    );
    expect(listed.map((d) => d.id)).toContain(protocol.id);
    expect(listed.every((d) => d.ownerOffice !== null)).toBe(true);
  });

  it("C-16, C-17: the institute's opinions reach the organiser and the Commission; a company, a fund officer, the auditor — even with the company's own BIN — get 404 and nothing is logged for them", async () => {
    const opinions = await uploadAs('cluster-expert', 'cluster-institute-opinions', sampleFiles.pdf(`opinions ${uuidv7()}`));
    expect(opinions.ownerOffice).toBe('cluster-institute');
    for (const role of ['cluster-organiser', 'cluster-commission-member', 'cluster-commission-secretary'])
      expect(
        (
          await h
            .http()
            .get(`/documents/${opinions.id}`)
            .set(auth(await h.token([role])))
        ).status,
        role,
      ).toBe(200);
    const bin = newBin();
    for (const token of [await h.token(['applicant'], [bin]), await h.token(['fund-officer']), await h.token(['auditor'])]) {
      expect((await h.http().get(`/documents/${opinions.id}`).set(auth(token))).status).toBe(404);
      expect((await h.http().get(`/documents/${opinions.id}/download`).set(auth(token))).status).toBe(404);
    }
    // those who may attach documents at all (a company's representative, a fund officer) do not learn it exists
    for (const token of [await h.token(['applicant'], [bin]), await h.token(['fund-officer'])])
      expect((await h.http().post(`/documents/${opinions.id}/attach`).set(auth(token)).send({ to: 'clusters/round/x' })).status).toBe(404);
    expect(await h.sql(`select 1 from document_download where document_id = ?`, [opinions.id])).toEqual([]);
    // the Commission's protocol is not the institute's to read (another office, not among its readers)
    const protocol = await uploadAs('cluster-commission-secretary', 'cluster-commission-protocol', sampleFiles.pdf(`protocol ${uuidv7()}`));
    const expert = await h.token(['cluster-expert']);
    expect((await h.http().get(`/documents/${protocol.id}`).set(auth(expert))).status).toBe(404);
    expect((await h.http().get(`/documents/${protocol.id}/download`).set(auth(expert))).status).toBe(404);
    // and an office role reaches no company's document (F-35)
    const companyDoc = await verifiedUpload(h, bin, 'tax-debt-certificate');
    for (const role of ['cluster-organiser', 'cluster-expert', 'cluster-commission-secretary', 'cluster-commission-member'])
      expect(
        (
          await h
            .http()
            .get(`/documents/${companyDoc}`)
            .set(auth(await h.token([role])))
        ).status,
        role,
      ).toBe(404);
  });

  it('who uploads is the kind’s: a member or the institute may not upload the protocol (403); the office is not the client’s to claim (422 ownerOffice / ownerBin); an office role uploads no company document (403)', async () => {
    const send = async (role: string, body: object) =>
      h
        .http()
        .post('/documents/uploads')
        .set(auth(await h.token([role])))
        .send({ fileName: 'p.pdf', size: 10, ...body });
    expect((await send('cluster-commission-member', { kind: 'cluster-commission-protocol' })).status).toBe(403);
    expect((await send('cluster-expert', { kind: 'cluster-commission-protocol' })).status).toBe(403);
    expect((await send('fund-officer', { kind: 'cluster-commission-protocol' })).status).toBe(403);
    const otherOffice = await send('cluster-commission-secretary', { kind: 'cluster-commission-protocol', ownerOffice: 'cluster-institute' });
    expect(otherOffice.status).toBe(422);
    expect(JSON.stringify(otherOffice.body)).toContain('ownerOffice');
    const withBin = await send('cluster-commission-secretary', { kind: 'cluster-commission-protocol', ownerBin: newBin() });
    expect(withBin.status).toBe(422);
    expect(JSON.stringify(withBin.body)).toContain('ownerBin');
    expect((await send('cluster-commission-secretary', { kind: 'cluster-commission-protocol', ownerOffice: 'cluster-commission' })).status).toBe(201);
    expect((await send('cluster-organiser', { kind: 'tax-debt-certificate', ownerBin: newBin() })).status).toBe(403);
  });

  it('attached by its uploader, an office document is immutable and published as documents.office-document-attached v1', async () => {
    const letter = await uploadAs('cluster-organiser', 'cluster-organiser-letter', sampleFiles.pdf(`letter ${uuidv7()}`));
    const roundId = uuidv7();
    const organiser = await h.token(['cluster-organiser']);
    expect(
      (
        await h
          .http()
          .post(`/documents/${letter.id}/attach`)
          .set(auth(organiser))
          .send({ to: `clusters/round/${roundId}` })
      ).status,
    ).toBe(200);
    expect(
      (
        await h
          .http()
          .post(`/documents/${letter.id}/attach`)
          .set(auth(organiser))
          .send({ to: `clusters/round/${uuidv7()}` })
      ).status,
    ).toBe(409);
    const [attached] = await h.sql<{ payload: { office: string; attachedTo: string } }>(
      `select envelope->'payload' as payload from hub_outbox where envelope->>'aggregateId' = ? and event_type = 'documents.office-document-attached'`,
      [letter.id],
    );
    expect(attached!.payload).toMatchObject({ office: 'cluster-organiser', attachedTo: `clusters/round/${roundId}` });
  });
});
