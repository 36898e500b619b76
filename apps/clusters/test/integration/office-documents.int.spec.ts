import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentVerifiedV1, OfficeDocumentPurgedV1, OfficeDocumentVerifiedV1 } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { envelopeMessage } from '@hub/messaging';
import { consumerOf } from '@hub/nest-commons';
import { type Harness, TEST_SET, anApplicationContent, anExpertOpinion, auth, json, newBin, startHarness } from '../support/clusters-harness.js';

/**
 * ADR 0113: the expert stage names its documents — the organiser's covering letters (C-13, C-18), the
 * institute's covering letter with its opinions (C-17), the organiser's order forming the Commission
 * (C-2) and the Commission's signed protocol (C-19, C-20) — by the id of an office's verified document
 * in the documents context. Clusters learns them through its real consumer and inbox
 * (`documents.office-document-verified` v1, real PostgreSQL) and refuses an unknown id, a company's
 * document, another office's, a wrong kind or one already used for another step (422 naming the field,
 * nothing stored). The free-text references stay accepted for old rounds.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('clusters_office_docs'); // Monday 16 November 2026, 09:00 Almaty
});
afterAll(async () => {
  await h?.close();
});

const organiser = () => h.token(['cluster-organiser'], [], 'organiser-1');
const expert = () => h.token(['cluster-expert'], [], 'expert-1');
const secretary = () => h.token(['cluster-commission-secretary'], [], 'secretary-1');
const member = (m: string) => h.token(['cluster-commission-member'], [], m);
const MEMBERS = ['member-a', 'member-b', 'member-c'];

const deliver = async (type: string, payload: Record<string, unknown>, documentId: string) => {
  const envelope = {
    id: uuidv7(),
    type,
    version: 1,
    occurredAt: '2026-11-16T04:00:00.000Z',
    correlationId: uuidv7(),
    causationId: null,
    aggregateId: documentId,
    payload: {
      documentId,
      ...payload,
      seriesId: documentId,
      versionNo: 1,
      supersedesId: null,
      sha256: 'ab'.repeat(32),
      size: 12_000,
      mediaType: 'application/pdf',
      verifiedAt: '2026-11-16T03:00:00.000Z',
    },
  };
  expect(await consumerOf(h.app, 'clusters.documents-events').consume(envelopeMessage('hub.documents.events.v1', envelope))).toBe('handled');
  return documentId;
};
/** An office's document verified by documents (ADR 0113), delivered through clusters' consumer. */
const officeDocument = (office: string, kind: string) => deliver(OfficeDocumentVerifiedV1.type, { office, kind }, uuidv7());
/** A company's verified document (not an office's). */
const companyDocument = (bin: string, kind: string) => deliver(DocumentVerifiedV1.type, { bin, kind }, uuidv7());

const post = async (path: string, token: string, body: object) => h.http().post(path).set(auth(token)).send(body);
const outbox = (type: string, key: string) =>
  h.sql<{ payload: Record<string, unknown> }>(
    `select envelope->'payload' as payload from hub_outbox where event_type = ? and envelope->>'aggregateId' = ? order by position`,
    [type, key],
  );
const expectRefused = (res: { status: number; body: unknown }, field: string, code: string) => {
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  expect(res.body, JSON.stringify(res.body)).toMatchObject({ errors: [{ field, code }] });
};

describe('ADR 0113: the expert stage names offices’ documents by id', () => {
  let roundId: string;
  let applicationId: string;
  const bin = newBin();

  beforeAll(async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const round = await post('/rounds', await organiser(), {
      ruleSetId: TEST_SET,
      title: 'Selection with documents',
      applicationDeadline: '2027-01-15T18:00:00+05:00',
    });
    expect(round.status).toBe(201);
    roundId = json<{ id: string }>(round).id;
    const filed = await post('/applications', await h.token(['applicant'], [bin]), { roundId, bin, ...anApplicationContent() });
    expect(filed.status).toBe(201);
    applicationId = json<{ id: string }>(filed).id;
    expect((await post(`/applications/${applicationId}/compliance`, await organiser(), { compliant: true })).status).toBe(200);
  });

  it('C-13: an unknown id, a company’s document, the institute’s document or a wrong kind are 422 naming documentId — nothing stored; the organiser’s letter is accepted and published', async () => {
    const transfer = async (body: object) => post(`/applications/${applicationId}/institute-transfer`, await organiser(), body);
    expectRefused(await transfer({ documentId: uuidv7() }), 'documentId', 'document-unknown');
    expectRefused(await transfer({ documentId: await companyDocument(bin, 'member-consent') }), 'documentId', 'document-unknown');
    expectRefused(await transfer({ documentId: await officeDocument('cluster-institute', 'cluster-institute-opinions') }), 'documentId', 'document-unknown');
    expectRefused(await transfer({ documentId: await officeDocument('cluster-organiser', 'cluster-commission-order') }), 'documentId', 'document-wrong-kind');
    const missing = await transfer({});
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('documentId');
    expect(await h.sql(`select 1 from clusters_application where id = ? and sent_to_institute_at is not null`, [applicationId])).toEqual([]);
    expect(await outbox('clusters.application-sent-to-institute', applicationId)).toEqual([]);

    const letter = await officeDocument('cluster-organiser', 'cluster-organiser-letter');
    expect((await transfer({ documentId: letter })).status).toBe(200);
    expect(await h.sql(`select institute_transfer_document_id as id from clusters_application where id = ?`, [applicationId])).toEqual([{ id: letter }]);
    const [sent] = await outbox('clusters.application-sent-to-institute', applicationId);
    expect(sent!.payload).toMatchObject({ documentId: letter, documentRef: letter });
    expect(await h.sql(`select attached_to from clusters_office_document where id = ?`, [letter])).toEqual([
      { attached_to: `clusters/institute-transfer/${roundId}` },
    ]);
  });

  it('C-17, C-18: the institute’s opinions letter and the organiser’s letter by id; the C-13 letter cannot serve C-18 (attached elsewhere)', async () => {
    h.clock.set('2027-01-18T05:00:00Z');
    expect((await post(`/applications/${applicationId}/expert-opinion`, await expert(), anExpertOpinion())).status).toBe(200);
    expect(
      (await post(`/rounds/${roundId}/comparative-assessment`, await expert(), { summary: 'One application', ranking: [{ applicationId, rank: 1 }] })).status,
    ).toBe(200);
    const opinions = await officeDocument('cluster-institute', 'cluster-institute-opinions');
    const handed = await post(`/rounds/${roundId}/opinions-to-organiser`, await expert(), { documentId: opinions });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(handed.body).toMatchObject({ opinionsAtOrganiser: { documentId: opinions, by: 'expert-1' } });
    const [forwarded] = await outbox('clusters.opinions-forwarded', roundId);
    expect(forwarded!.payload).toMatchObject({ ruleId: 'C-17', documentId: opinions });

    const [c13Letter] = await h.sql<{ id: string }>(`select institute_transfer_document_id as id from clusters_application where id = ?`, [applicationId]);
    expectRefused(
      await post(`/rounds/${roundId}/opinions-to-commission`, await organiser(), { documentId: c13Letter!.id }),
      'documentId',
      'document-attached-elsewhere',
    );
    const letter = await officeDocument('cluster-organiser', 'cluster-organiser-letter');
    const put = await post(`/rounds/${roundId}/opinions-to-commission`, await organiser(), { documentId: letter });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ opinionsAtCommission: { documentId: letter } });
  });

  it('C-2, C-19, C-20: the order forming the Commission and the signed protocol by id (422 naming decisionDocumentId / documentId otherwise)', async () => {
    const members = MEMBERS.map((subject, i) => ({
      subject,
      fullName: `Member ${subject}`,
      organisation: i === 2 ? 'NCE Atameken' : 'Ministry of Industry',
      body: i === 2 ? 'atameken' : 'state-body',
    }));
    const form = async (body: object) => post(`/rounds/${roundId}/commission`, await organiser(), { members, ...body });
    expectRefused(
      await form({ decisionDocumentId: await officeDocument('cluster-organiser', 'cluster-organiser-letter') }),
      'decisionDocumentId',
      'document-wrong-kind',
    );
    const missing = await form({});
    expect(missing.status).toBe(422);
    expect(JSON.stringify(missing.body)).toContain('decisionDocumentId');
    const order = await officeDocument('cluster-organiser', 'cluster-commission-order');
    const formed = await form({ decisionDocumentId: order });
    expect(formed.status, JSON.stringify(formed.body)).toBe(200);
    expect(formed.body).toMatchObject({ composition: { decisionDocumentId: order, decisionRef: order } });
    for (const m of MEMBERS) expect((await post(`/rounds/${roundId}/votes`, await member(m), { applicationId, choice: 'for', comment: '' })).status).toBe(201);

    h.clock.set('2027-01-20T05:00:00Z');
    const record = async (body: object) => post(`/rounds/${roundId}/protocol`, await secretary(), { number: 'P-1', decidedOn: '2027-01-20', ...body });
    // the organiser's letter is not the Commission's protocol; nor is an unknown id
    expectRefused(await record({ documentId: await officeDocument('cluster-organiser', 'cluster-organiser-letter') }), 'documentId', 'document-unknown');
    expectRefused(await record({ documentId: uuidv7() }), 'documentId', 'document-unknown');
    expect(await h.sql(`select 1 from clusters_round where id = ? and protocol is not null`, [roundId])).toEqual([]);
    const protocol = await officeDocument('cluster-commission', 'cluster-commission-protocol');
    const recorded = await record({ documentId: protocol });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    const commission = json<{ protocol: { documentId: string; documentRef: string } }>(
      await h
        .http()
        .get(`/rounds/${roundId}/commission`)
        .set(auth(await member('member-a'))),
    );
    expect(commission.protocol).toMatchObject({ documentId: protocol, documentRef: protocol });
  });

  it('ADR 0122: each step that recorded an office document published clusters.office-document-used v1 with its target, for documents to attach it; the refused attempts published nothing', async () => {
    const used = await outbox('clusters.office-document-used', roundId);
    expect(used.map((u) => [u.payload.ruleId, u.payload.office, u.payload.kind, u.payload.usedFor])).toEqual([
      ['C-13', 'cluster-organiser', 'cluster-organiser-letter', `clusters/institute-transfer/${roundId}`],
      ['C-17', 'cluster-institute', 'cluster-institute-opinions', `clusters/opinions-to-organiser/${roundId}`],
      ['C-18', 'cluster-organiser', 'cluster-organiser-letter', `clusters/opinions-to-commission/${roundId}`],
      ['C-2', 'cluster-organiser', 'cluster-commission-order', `clusters/commission-order/${roundId}`],
      ['C-19, C-20', 'cluster-commission', 'cluster-commission-protocol', `clusters/commission-protocol/${roundId}`],
    ]);
    const known = await h.sql<{ id: string; attached_to: string }>(`select id, attached_to from clusters_office_document where attached_to like ?`, [
      `%/${roundId}`,
    ]);
    expect(new Set(used.map((u) => u.payload.documentId))).toEqual(new Set(known.map((k) => k.id)));
  });

  it('ADR 0122: documents.office-document-purged v1 drops the copy; the id is unknown from then on (422), what a step recorded stays', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const letter = await officeDocument('cluster-organiser', 'cluster-organiser-letter');
    const purged = {
      id: uuidv7(),
      type: OfficeDocumentPurgedV1.type,
      version: 1,
      occurredAt: '2036-11-16T04:00:00.000Z',
      correlationId: uuidv7(),
      causationId: null,
      aggregateId: letter,
      payload: {
        documentId: letter,
        office: 'cluster-organiser',
        kind: 'cluster-organiser-letter',
        sha256: 'ab'.repeat(32),
        retainUntil: '2036-11-15',
        purgedAt: '2036-11-16T04:00:00.000Z',
      },
    };
    const consumer = consumerOf(h.app, 'clusters.documents-events');
    expect(await consumer.consume(envelopeMessage('hub.documents.events.v1', purged))).toBe('handled');
    expect(await consumer.consume(envelopeMessage('hub.documents.events.v1', { ...purged, id: uuidv7() }))).toBe('handled'); // a repeat drops nothing more
    expect(await h.sql(`select 1 from clusters_office_document where id = ?`, [letter])).toEqual([]);
    const round = json<{ id: string }>(
      await post('/rounds', await organiser(), { ruleSetId: TEST_SET, title: 'After a purge', applicationDeadline: '2027-01-15T18:00:00+05:00' }),
    ).id;
    const b = newBin();
    const filed = json<{ id: string }>(
      await post('/applications', await h.token(['applicant'], [b]), { roundId: round, bin: b, ...anApplicationContent() }),
    ).id;
    expect((await post(`/applications/${filed}/compliance`, await organiser(), { compliant: true })).status).toBe(200);
    expectRefused(await post(`/applications/${filed}/institute-transfer`, await organiser(), { documentId: letter }), 'documentId', 'document-unknown');
    // a step already recorded keeps its id when that document is purged later
    const protocolUsed = (await outbox('clusters.office-document-used', roundId)).find((u) => u.payload.ruleId === 'C-19, C-20')!;
    const protocolId = protocolUsed.payload.documentId as string;
    const protocolPurged = {
      ...purged,
      id: uuidv7(),
      aggregateId: protocolId,
      payload: { ...purged.payload, documentId: protocolId, office: 'cluster-commission', kind: 'cluster-commission-protocol' },
    };
    expect(await consumer.consume(envelopeMessage('hub.documents.events.v1', protocolPurged))).toBe('handled');
    const [kept] = await h.sql<{ protocol: { documentId: string } }>(`select protocol from clusters_round where id = ?`, [roundId]);
    expect(kept!.protocol.documentId).toBe(protocolId);
  });

  it('old rounds: a free-text reference alone is still accepted (deprecated) and no id is recorded', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const round = await post('/rounds', await organiser(), {
      ruleSetId: TEST_SET,
      title: 'Selection with references',
      applicationDeadline: '2027-01-15T18:00:00+05:00',
    });
    const id = json<{ id: string }>(round).id;
    const b = newBin();
    const filed = json<{ id: string }>(await post('/applications', await h.token(['applicant'], [b]), { roundId: id, bin: b, ...anApplicationContent() })).id;
    expect((await post(`/applications/${filed}/compliance`, await organiser(), { compliant: true })).status).toBe(200);
    expect((await post(`/applications/${filed}/institute-transfer`, await organiser(), { documentRef: 'letter No. 12' })).status).toBe(200);
    const [sent] = await outbox('clusters.application-sent-to-institute', filed);
    expect(sent!.payload).toMatchObject({ documentRef: 'letter No. 12', documentId: null });
    expect(await outbox('clusters.office-document-used', id)).toEqual([]); // ADR 0122: no id, nothing for documents to attach
  });
});
