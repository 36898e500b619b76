// ADR 0110: the scan of a dwelling's signed act (F-60 check-in, F-61 acceptance-transfer) is the Fund's
// own verified `dwelling-act` document of the documents context, named by id and checked against
// housing's copy of documents' facts (not a hash the client claims); the act-signed fact carries it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentVerifiedV1, TOPICS } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { envelopeMessage } from '@hub/messaging';
import { consumerOf } from '@hub/nest-commons';
import { type Harness, auth, cohortExpulsion, deliverServices, json, newBin, startHarness } from '../support/housing-harness.js';
import { act, allocationsOf, enrol, manager, personToken, requestHousing, townWithDwelling } from '../support/housing-fixtures.js';

const FUND_BIN = '990140000017'; // a test value: the Fund's BIN is configuration (HUB_FUND_BIN), never code

let h: Harness;
let unconfigured: Harness;
beforeAll(async () => {
  h = await startHarness('housing_actscan', { env: { HUB_FUND_BIN: FUND_BIN } });
  unconfigured = await startHarness('housing_noscan');
});
afterAll(async () => {
  await h?.close();
  await unconfigured?.close();
});

/** documents.document-verified v1 through housing's real consumer (inbox), as documents publishes it. */
async function verified(app: Harness, bin: string, kind: string): Promise<string> {
  const documentId = uuidv7();
  const envelope = {
    id: uuidv7(),
    type: DocumentVerifiedV1.type,
    version: DocumentVerifiedV1.version,
    occurredAt: '2026-11-16T04:00:00.000Z',
    correlationId: uuidv7(),
    causationId: null,
    aggregateId: documentId,
    payload: {
      documentId,
      bin,
      kind,
      seriesId: documentId,
      versionNo: 1,
      supersedesId: null,
      sha256: 'b'.repeat(64),
      size: 4096,
      mediaType: 'application/pdf',
      verifiedAt: '2026-11-16T04:00:00.000Z',
    },
  };
  expect(await consumerOf(app.app, 'housing.documents-events').consume(envelopeMessage(TOPICS.documents.name, envelope))).toBe('handled');
  return documentId;
}

/** A person offered a bed who accepted it (F-60 contract): the allocation awaits its check-in act. */
async function contracted(app: Harness): Promise<{ allocationId: string; person: Awaited<ReturnType<typeof enrol>> }> {
  const { town } = await townWithDwelling(app, 1);
  const person = await enrol(app, town);
  expect((await requestHousing(app, person)).status).toBe(201);
  const [offer] = await allocationsOf(app, person);
  const accepted = await app
    .http()
    .post(`/allocations/${offer!.id}/accept`)
    .set(auth(await personToken(app, person)))
    .send({ acceptsDuties: true });
  expect(accepted.status).toBe(200);
  return { allocationId: offer!.id, person };
}

const lastActSigned = async (app: Harness, allocationId: string) =>
  (
    await app.sql<{ envelope: { payload: { kind: string; documentIds: string[] } } }>(
      `select envelope from hub_outbox where envelope->>'aggregateId' = ? and event_type = 'housing.act-signed' order by position desc limit 1`,
      [allocationId],
    )
  )[0]?.envelope.payload;

describe('ADR 0110: the dwelling act names its scan by id', () => {
  it('F-60: an unknown id, a company’s document, another kind of the Fund, or one attached to another allocation is 422 naming documentId — nothing signed; the Fund’s dwelling-act is accepted, kept on the act and published in housing.act-signed', async () => {
    const { allocationId } = await contracted(h);
    const t = await manager(h);
    const elsewhere = await verified(h, FUND_BIN, 'dwelling-act');
    await h.sql(`update housing_document set attached_to = ? where id = ?`, [`housing/allocation/${uuidv7()}`, elsewhere]);
    for (const documentId of [uuidv7(), await verified(h, newBin(), 'dwelling-act'), await verified(h, FUND_BIN, 'handover-act'), elsewhere]) {
      const refused = await h
        .http()
        .post(`/allocations/${allocationId}/check-in`)
        .set(auth(t))
        .send({ ...act('2026-11-16'), documentId });
      expect(refused.status, documentId).toBe(422);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(refused.body)).toContain('documentId');
      expect(JSON.stringify(refused.body)).toContain('F-60');
    }
    expect(json<{ status: string }>(await h.http().get(`/allocations/${allocationId}`).set(auth(t))).status).toBe('contracted');

    const scan = await verified(h, FUND_BIN, 'dwelling-act');
    const signed = await h
      .http()
      .post(`/allocations/${allocationId}/check-in`)
      .set(auth(t))
      .send({ ...act('2026-11-16'), documentId: scan });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'occupied', checkInAct: { kind: 'check-in', documentId: scan } });
    expect(await lastActSigned(h, allocationId)).toMatchObject({ kind: 'check-in', documentIds: [scan] });
  });

  it('F-61: the acceptance-transfer act with its scan; an act without a scan stays valid and publishes none; a malformed id is 400 naming documentId', async () => {
    const { allocationId, person } = await contracted(h);
    const t = await manager(h);
    expect((await h.http().post(`/allocations/${allocationId}/check-in`).set(auth(t)).send(act('2026-11-16'))).status).toBe(200);
    expect(await lastActSigned(h, allocationId)).toMatchObject({ kind: 'check-in', documentIds: [] });
    h.clock.set('2026-12-15T06:00:00Z');
    try {
      expect(await deliverServices(h, cohortExpulsion(person.enrolment, '2026-12-15'))).toBe('handled');
      const bad = await h
        .http()
        .post(`/allocations/${allocationId}/handover`)
        .set(auth(t))
        .send({ ...act('2026-12-15'), damages: [], documentId: 'not-a-uuid' });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('documentId');
      const scan = await verified(h, FUND_BIN, 'dwelling-act');
      const done = await h
        .http()
        .post(`/allocations/${allocationId}/handover`)
        .set(auth(t))
        .send({ ...act('2026-12-15'), damages: [], documentId: scan });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ status: 'released', handoverAct: { kind: 'acceptance-transfer', documentId: scan } });
      expect(await lastActSigned(h, allocationId)).toMatchObject({ kind: 'acceptance-transfer', documentIds: [scan] });
    } finally {
      h.clock.set('2026-11-16T04:00:00Z');
    }
  });

  it("without the Fund's BIN configured a scan cannot be named (422 documentId); the act without one is signed", async () => {
    const { allocationId } = await contracted(unconfigured);
    const t = await manager(unconfigured);
    const scan = await verified(unconfigured, FUND_BIN, 'dwelling-act');
    const refused = await unconfigured
      .http()
      .post(`/allocations/${allocationId}/check-in`)
      .set(auth(t))
      .send({ ...act('2026-11-16'), documentId: scan });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('HUB_FUND_BIN');
    expect((await unconfigured.http().post(`/allocations/${allocationId}/check-in`).set(auth(t)).send(act('2026-11-16'))).status).toBe(200);
  });
});
