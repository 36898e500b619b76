// ADR 0122 (issue #10): documents itself attaches an office's document that a clusters step recorded
// (clusters.office-document-used v1), and publishes the purge of an office's document when its
// retention ends (documents.office-document-purged v1) — on the real database, S3 server and outbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClustersOfficeDocumentUsedV1, type PayloadOf } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { sampleFiles, sha256Hex } from '@hub/object-storage';
import { CLUSTERS_EVENTS_CONSUMER } from '../../src/documents/interface/kafka/clusters-events.consumer.js';
import {
  type DocumentJson,
  type Harness,
  type UploadJson,
  auth,
  deliverTo,
  envelopeOf,
  json,
  poller,
  putBytes,
  startHarness,
} from '../support/documents-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('documents_office_used', { start: '2026-03-02T05:00:00.000Z' }); // Monday 2 March 2026, 10:00 Almaty
});
afterAll(async () => {
  await h?.close();
});

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

const used = (p: Omit<PayloadOf<typeof ClustersOfficeDocumentUsedV1>, 'usedAt'>) =>
  envelopeOf(ClustersOfficeDocumentUsedV1.type, p.roundId, { ...p, usedAt: '2026-03-02T05:00:00.000Z' });

const rowOf = async (id: string) =>
  (await h.sql<{ status: string; attached_to: string | null }>(`select status, attached_to from document where id = ?`, [id]))[0];

describe('ADR 0122: documents attaches the office documents clusters used (C-2, C-13, C-17, C-18, C-19/C-20)', () => {
  it("C-19, C-20: the protocol clusters recorded is attached by documents to the step's target, published as office-document-attached; a repeat is a duplicate; documents itself refuses its attachment elsewhere (409)", async () => {
    const protocol = await uploadAs('cluster-commission-secretary', 'cluster-commission-protocol', sampleFiles.pdf(`protocol ${uuidv7()}`));
    const roundId = uuidv7();
    const event = used({
      documentId: protocol.id,
      office: 'cluster-commission',
      kind: 'cluster-commission-protocol',
      ruleId: 'C-19, C-20',
      roundId,
      usedFor: `clusters/commission-protocol/${roundId}`,
    });
    expect(await deliverTo(h, CLUSTERS_EVENTS_CONSUMER, event)).toBe('handled');
    expect(await deliverTo(h, CLUSTERS_EVENTS_CONSUMER, event, '1')).toBe('duplicate');
    expect(await rowOf(protocol.id)).toEqual({ status: 'attached', attached_to: `clusters/commission-protocol/${roundId}` });
    const attached = await h.sql<{ message_key: string; payload: { office: string; attachedTo: string } }>(
      `select message_key, envelope->'payload' as payload from hub_outbox where envelope->>'aggregateId' = ? and event_type = 'documents.office-document-attached'`,
      [protocol.id],
    );
    expect(attached).toHaveLength(1);
    expect(attached[0]).toMatchObject({ message_key: 'office:cluster-commission', payload: { attachedTo: `clusters/commission-protocol/${roundId}` } });
    // documents, not only clusters' copy, refuses the document for another round
    const secretary = await h.token(['cluster-commission-secretary']);
    const again = await h
      .http()
      .post(`/documents/${protocol.id}/attach`)
      .set(auth(secretary))
      .send({ to: `clusters/commission-protocol/${uuidv7()}` });
    expect(again.status).toBe(409);
    expect(await rowOf(protocol.id)).toEqual({ status: 'attached', attached_to: `clusters/commission-protocol/${roundId}` });
  });

  it('C-13: one covering letter for several applications of a round is attached once; a second round naming it leaves it where it is', async () => {
    const letter = await uploadAs('cluster-organiser', 'cluster-organiser-letter', sampleFiles.pdf(`letter ${uuidv7()}`));
    const roundId = uuidv7();
    const base = { documentId: letter.id, office: 'cluster-organiser', kind: 'cluster-organiser-letter', ruleId: 'C-13' };
    expect(await deliverTo(h, CLUSTERS_EVENTS_CONSUMER, used({ ...base, roundId, usedFor: `clusters/institute-transfer/${roundId}` }))).toBe('handled');
    expect(await deliverTo(h, CLUSTERS_EVENTS_CONSUMER, used({ ...base, roundId, usedFor: `clusters/institute-transfer/${roundId}` }), '1')).toBe('handled');
    const other = uuidv7();
    expect(await deliverTo(h, CLUSTERS_EVENTS_CONSUMER, used({ ...base, roundId: other, usedFor: `clusters/institute-transfer/${other}` }), '2')).toBe(
      'handled',
    );
    expect(await rowOf(letter.id)).toEqual({ status: 'attached', attached_to: `clusters/institute-transfer/${roundId}` });
    expect(
      await h.sql(`select 1 from hub_outbox where envelope->>'aggregateId' = ? and event_type = 'documents.office-document-attached'`, [letter.id]),
    ).toHaveLength(1);
  });

  it("a fact naming another office's document, or one of another kind, is a broken contract: dead-lettered, nothing attached", async () => {
    const opinions = await uploadAs('cluster-expert', 'cluster-institute-opinions', sampleFiles.pdf(`opinions ${uuidv7()}`));
    const roundId = uuidv7();
    const asProtocol = used({
      documentId: opinions.id,
      office: 'cluster-commission',
      kind: 'cluster-commission-protocol',
      ruleId: 'C-19, C-20',
      roundId,
      usedFor: `clusters/commission-protocol/${roundId}`,
    });
    expect(await deliverTo(h, CLUSTERS_EVENTS_CONSUMER, asProtocol)).toBe('dead-lettered');
    const wrongKind = used({
      documentId: opinions.id,
      office: 'cluster-institute',
      kind: 'cluster-organiser-letter',
      ruleId: 'C-17',
      roundId,
      usedFor: `clusters/opinions-to-organiser/${roundId}`,
    });
    expect(await deliverTo(h, CLUSTERS_EVENTS_CONSUMER, wrongKind)).toBe('dead-lettered');
    expect(await rowOf(opinions.id)).toEqual({ status: 'verified', attached_to: null });
  });
});

describe("ADR 0122: an office's document purged at the end of its retention publishes documents.office-document-purged v1", () => {
  it('C-2 order kept 10 years (ADR 0045): the day after, the bytes go and the purge is published keyed by the office, with no BIN', async () => {
    h.clock.set('2026-03-02T05:00:00.000Z');
    const pdf = sampleFiles.pdf(`order forming the Commission ${uuidv7()}`);
    const order = await uploadAs('cluster-organiser', 'cluster-commission-order', pdf);
    const [row] = await h.sql<{ retain_until: string }>(`select retain_until::text as retain_until from document where id = ?`, [order.id]);
    expect(row!.retain_until).toBe('2036-03-01');
    h.clock.set('2036-03-01T19:00:00.000Z'); // 00:00 Almaty on 2 March 2036
    expect(await poller(h).runDue()).toBeGreaterThanOrEqual(1);
    expect(await h.storage.listKeys(`documents/office/cluster-organiser/${order.id}`)).toEqual([]);
    const events = await h.sql<{ event_type: string; message_key: string; payload: Record<string, unknown> }>(
      `select event_type, message_key, envelope->'payload' as payload from hub_outbox where envelope->>'aggregateId' = ? order by position`,
      [order.id],
    );
    expect(events.map((e) => e.event_type)).toEqual(['documents.office-document-verified', 'documents.office-document-purged']);
    expect(events[1]!.message_key).toBe('office:cluster-organiser');
    expect(events[1]!.payload).toEqual({
      documentId: order.id,
      office: 'cluster-organiser',
      kind: 'cluster-commission-order',
      sha256: sha256Hex(pdf),
      retainUntil: '2036-03-01',
      purgedAt: '2036-03-01T19:00:00.000Z',
    });
  });
});
