// ADR 0110: a kind the Fund owns — the scan of a dwelling's signed act (F-60, F-61) — on the real
// database and the real local S3 server: owned by the Fund's BIN from configuration, uploaded and read
// by the housing manager (the role the kind names) and fund officers only, attached by housing's fact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HousingActSignedV1 } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { sampleFiles, sha256Hex } from '@hub/object-storage';
import { HOUSING_EVENTS_CONSUMER } from '../../src/documents/interface/kafka/housing-events.consumer.js';
import {
  type DocumentJson,
  type DownloadJson,
  type Harness,
  type UploadJson,
  auth,
  deliverTo,
  envelopeOf,
  fetchBytes,
  json,
  newBin,
  putBytes,
  startHarness,
  verifiedUpload,
} from '../support/documents-harness.js';

const FUND_BIN = '990140000017'; // a test value: the Fund's BIN is configuration (HUB_FUND_BIN), never code

let h: Harness;
let unconfigured: Harness;
beforeAll(async () => {
  h = await startHarness('documents_fund', { env: { HUB_FUND_BIN: FUND_BIN } });
  unconfigured = await startHarness('documents_nofund');
});
afterAll(async () => {
  await h?.close();
  await unconfigured?.close();
});

const manager = () => h.token(['housing-manager']);

/** The housing manager scans the signed act: start (no owner named) → PUT → complete. */
async function uploadAct(bytes: Uint8Array, token?: string): Promise<DocumentJson> {
  const t = token ?? (await manager());
  const started = await h.http().post('/documents/uploads').set(auth(t)).send({ kind: 'dwelling-act', fileName: 'act.pdf', size: bytes.byteLength });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const { document, upload } = json<UploadJson>(started);
  expect(await putBytes(upload, bytes)).toBe(200);
  const completed = await h.http().post(`/documents/${document.id}/complete`).set(auth(t));
  expect(completed.status, JSON.stringify(completed.body)).toBe(200);
  return json(completed);
}

describe("ADR 0110: the Fund's own dwelling acts", () => {
  it("F-61: the housing manager uploads the scan without naming an owner; it is the Fund's (configured BIN), restricted, verified with the server's hash, and downloaded byte-identical by the manager and a fund officer — each grant logged", async () => {
    const pdf = sampleFiles.pdf(`acceptance-transfer act ${uuidv7()}`);
    const act = await uploadAct(pdf);
    expect(act).toMatchObject({ ownerBin: FUND_BIN, kind: 'dwelling-act', restricted: true, status: 'verified', sha256: sha256Hex(pdf) });
    for (const token of [await manager(), await h.token(['fund-officer'])]) {
      const grant = await h.http().get(`/documents/${act.id}/download`).set(auth(token));
      expect(grant.status).toBe(200);
      expect((await fetchBytes(json<DownloadJson>(grant).url)).sha256).toBe(sha256Hex(pdf));
    }
    const log = await h.sql<{ roles: string[]; restricted: boolean; owner_bin: string }>(
      `select roles, restricted, owner_bin from document_download where document_id = ? order by at, id`,
      [act.id],
    );
    expect(log).toEqual([
      { roles: ['housing-manager'], restricted: true, owner_bin: FUND_BIN },
      { roles: ['fund-officer'], restricted: true, owner_bin: FUND_BIN },
    ]);
    // the manager's list shows the kinds it handles, and only those
    const listed = json<DocumentJson[]>(
      await h
        .http()
        .get('/documents')
        .set(auth(await manager())),
    );
    expect(listed.map((d) => d.id)).toContain(act.id);
    expect(listed.every((d) => ['dwelling-act', 'handover-act'].includes(d.kind))).toBe(true); // ADR 0124: and the premises' handover acts
  });

  it('F-42, F-35: the resident, a representative claiming the Fund’s BIN, the auditor and finance get 404; nothing is logged for them', async () => {
    const act = await uploadAct(sampleFiles.pdf(`check-in act ${uuidv7()}`));
    for (const token of [
      await h.token(['applicant'], []),
      await h.token(['applicant'], [FUND_BIN]),
      await h.token(['auditor']),
      await h.token(['finance-officer']),
    ]) {
      expect((await h.http().get(`/documents/${act.id}`).set(auth(token))).status).toBe(404);
      expect((await h.http().get(`/documents/${act.id}/download`).set(auth(token))).status).toBe(404);
      expect(json<DocumentJson[]>(await h.http().get(`/documents?bin=${FUND_BIN}`).set(auth(token)))).toEqual([]);
    }
    expect(await h.sql(`select 1 from document_download where document_id = ?`, [act.id])).toEqual([]);
    // nor may a representative claiming the Fund's BIN upload one
    const claiming = await h.token(['applicant'], [FUND_BIN]);
    expect((await h.http().post('/documents/uploads').set(auth(claiming)).send({ kind: 'dwelling-act', fileName: 'a.pdf', size: 10 })).status).toBe(403);
  });

  it('the owner is not the client’s to claim: another BIN is 422 naming ownerBin; a company kind still needs its BIN (422); the housing manager handles no other company document (403, 404)', async () => {
    const m = await manager();
    const claimed = await h.http().post('/documents/uploads').set(auth(m)).send({ ownerBin: newBin(), kind: 'dwelling-act', fileName: 'a.pdf', size: 10 });
    expect(claimed.status).toBe(422);
    expect(JSON.stringify(claimed.body)).toContain('ownerBin');
    const same = await h.http().post('/documents/uploads').set(auth(m)).send({ ownerBin: FUND_BIN, kind: 'dwelling-act', fileName: 'a.pdf', size: 10 });
    expect(same.status).toBe(201);
    const noOwner = await h
      .http()
      .post('/documents/uploads')
      .set(auth(await h.token(['fund-officer'])))
      .send({ kind: 'tax-debt-certificate', fileName: 'a.pdf', size: 10 });
    expect(noOwner.status).toBe(422);
    expect(JSON.stringify(noOwner.body)).toContain('ownerBin');
    const bin = newBin();
    expect(
      (await h.http().post('/documents/uploads').set(auth(m)).send({ ownerBin: bin, kind: 'tax-debt-certificate', fileName: 'a.pdf', size: 10 })).status,
    ).toBe(403);
    const companyDoc = await verifiedUpload(h, bin, 'tax-debt-certificate');
    expect((await h.http().get(`/documents/${companyDoc}`).set(auth(m))).status).toBe(404);
    expect((await h.http().get(`/documents/${companyDoc}/download`).set(auth(m))).status).toBe(404);
    expect((await h.http().post(`/documents/${companyDoc}/attach`).set(auth(m)).send({ to: 'housing/allocation/x' })).status).toBe(404);
  });

  it("F-35, F-58 (ADR 0124): a premises' handover act is the company's — the housing manager uploads its scan for the company and reads it (and the company's own), the company reads it, another company gets 404, a training officer 403 (the auditor reads participant files, F-35); each download logged", async () => {
    const m = await manager();
    const bin = newBin();
    const pdf = sampleFiles.pdf(`premises hand-back act ${uuidv7()}`);
    const started = await h
      .http()
      .post('/documents/uploads')
      .set(auth(m))
      .send({ ownerBin: bin, kind: 'handover-act', fileName: 'hand-back.pdf', size: pdf.byteLength });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const { document, upload } = json<UploadJson>(started);
    expect(await putBytes(upload, pdf)).toBe(200);
    const completed = await h.http().post(`/documents/${document.id}/complete`).set(auth(m));
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(json<DocumentJson>(completed)).toMatchObject({ ownerBin: bin, kind: 'handover-act', restricted: false, status: 'verified', sha256: sha256Hex(pdf) });
    const byCompany = await verifiedUpload(h, bin, 'handover-act');
    for (const id of [document.id, byCompany]) {
      const grant = await h.http().get(`/documents/${id}/download`).set(auth(m));
      expect(grant.status).toBe(200);
    }
    const company = await h.token(['applicant'], [bin]);
    const own = await h.http().get(`/documents/${document.id}/download`).set(auth(company));
    expect(own.status).toBe(200);
    expect((await fetchBytes(json<DownloadJson>(own).url)).sha256).toBe(sha256Hex(pdf));
    expect(
      (
        await h
          .http()
          .get(`/documents/${document.id}/download`)
          .set(auth(await h.token(['applicant'], [newBin()])))
      ).status,
    ).toBe(404);
    expect(
      (
        await h
          .http()
          .get(`/documents/${document.id}/download`)
          .set(auth(await h.token(['training-officer'])))
      ).status,
    ).toBe(403); // not a reader of documents at all
    const log = await h.sql<{ roles: string[] }>(`select roles from document_download where document_id = ? order by at, id`, [document.id]);
    expect(log).toEqual([{ roles: ['housing-manager'] }, { roles: ['applicant'] }]);
  });

  it("without the Fund's BIN configured a Fund-owned kind is refused (409) and company documents work as before", async () => {
    const refused = await unconfigured
      .http()
      .post('/documents/uploads')
      .set(auth(await unconfigured.token(['housing-manager'])))
      .send({ kind: 'dwelling-act', fileName: 'a.pdf', size: 10 });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain('HUB_FUND_BIN');
    expect(await verifiedUpload(unconfigured, newBin(), 'tax-debt-certificate')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('housing.act-signed attaches the scan it names to the allocation, once (immutable); an act without a scan changes nothing', async () => {
    const act = await uploadAct(sampleFiles.pdf(`acceptance-transfer act ${uuidv7()}`));
    const allocationId = uuidv7();
    const signed = (documentIds: string[]) =>
      envelopeOf(HousingActSignedV1.type, allocationId, {
        allocationId,
        unitId: uuidv7(),
        buildingId: uuidv7(),
        bed: '1/A',
        townKatoCode: '711110000',
        caseId: uuidv7(),
        kind: 'acceptance-transfer' as const,
        signedOn: '2026-12-10',
        inventoryMissing: 0,
        damagesTiyn: 0,
        documentIds,
      });
    expect(await deliverTo(h, HOUSING_EVENTS_CONSUMER, signed([]))).toBe('handled');
    const event = signed([act.id]);
    expect(await deliverTo(h, HOUSING_EVENTS_CONSUMER, event, '1')).toBe('handled');
    expect(await deliverTo(h, HOUSING_EVENTS_CONSUMER, event, '2')).toBe('duplicate');
    const read = json<DocumentJson>(
      await h
        .http()
        .get(`/documents/${act.id}`)
        .set(auth(await manager())),
    );
    expect(read).toMatchObject({ status: 'attached', attachedTo: `housing/allocation/${allocationId}` });
    // a v1 event of before ADR 0110 (no documentIds) still decodes: the field defaults to none
    const { documentIds: _none, ...old } = signed([]).payload;
    expect(await deliverTo(h, HOUSING_EVENTS_CONSUMER, envelopeOf(HousingActSignedV1.type, allocationId, old), '3')).toBe('handled');
  });
});
