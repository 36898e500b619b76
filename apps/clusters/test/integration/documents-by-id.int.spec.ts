import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentVerifiedV1 } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';

import { type Harness, TEST_SET, anApplicationContent, auth, json, newBin, startHarness } from '../support/clusters-harness.js';
import { envelopeMessage } from '@hub/messaging';
import { consumerOf } from '@hub/nest-commons';

/**
 * C-7 (Annex 2) with issue #10 (ADRs 0045, 0049): an application refers to its members' signed
 * consents in the documents context by id (kind member-consent, uploaded by the applicant). Clusters
 * learns the verified documents through its real consumer and inbox (real PostgreSQL), refuses an
 * unknown, another company's or a wrong-kind document (422 naming the field, nothing stored), and
 * application-filed lists the ids for documents to attach. The free-text reference stays accepted.
 */
let h: Harness;
let roundId: string;
beforeAll(async () => {
  h = await startHarness('clusters_docs');
  h.clock.set('2026-11-16T04:00:00Z');
  const res = await h
    .http()
    .post('/rounds')
    .set(auth(await h.token(['cluster-organiser'], [], 'organiser-1')))
    .send({ ruleSetId: TEST_SET, title: 'Selection of territorial clusters 2027', applicationDeadline: '2027-01-15T18:00:00+05:00' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  roundId = json<{ id: string }>(res).id;
});
afterAll(async () => {
  await h?.close();
});

const verified = async (bin: string, kind: string): Promise<string> => {
  const consumer = consumerOf(h.app, 'clusters.documents-events');
  const documentId = uuidv7();
  const envelope = {
    id: uuidv7(),
    type: DocumentVerifiedV1.type,
    version: 1,
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
      sha256: 'ef'.repeat(32),
      size: 12_000,
      mediaType: 'application/pdf',
      verifiedAt: '2026-11-16T03:00:00.000Z',
    },
  };
  expect(await consumer.consume(envelopeMessage('hub.documents.events.v1', envelope))).toBe('handled');
  return documentId;
};
const consent = (consentDocumentId: string) => ({ memberId: newBin(), idKind: 'bin', memberName: 'Ontustik Mata LLP', consentDocumentId });
const file = async (bin: string, memberConsents: unknown[]) =>
  h
    .http()
    .post('/applications')
    .set(auth(await h.token(['applicant'], [bin])))
    .send({ roundId, bin, ...anApplicationContent({ memberConsents }) });
const stored = async (bin: string) => Number((await h.sql<{ n: string }>(`select count(*)::text as n from clusters_application where bin = ?`, [bin]))[0]?.n);

describe("C-7 (Annex 2): members' consents by id (issue #10)", () => {
  it("C-7: the applicant's own verified consents are accepted and application-filed lists them", async () => {
    const bin = newBin();
    const [c1, c2] = [await verified(bin, 'member-consent'), await verified(bin, 'member-consent')];
    const res = await file(bin, [consent(c1), consent(c2)]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [event] = await h.sql<{ envelope: { payload: { documentIds: string[] } } }>(
      `select envelope from hub_outbox where event_type = 'clusters.application-filed' and envelope->'payload'->>'applicationId' = ?`,
      [json<{ id: string }>(res).id],
    );
    expect(event!.envelope.payload.documentIds).toEqual([c1, c2]);
  });

  it("C-7: an unknown consent, another company's or a document of another kind is 422 naming the field; nothing is stored", async () => {
    const bin = newBin();
    const theirs = await verified(newBin(), 'member-consent');
    const lease = await verified(bin, 'place-of-business-proof');
    const cases: Array<[string, string]> = [
      [theirs, 'document-unknown'],
      ['0194f3a0-0000-7000-8000-00000000dead', 'document-unknown'],
      [lease, 'document-wrong-kind'],
    ];
    for (const [documentId, code] of cases) {
      const res = await file(bin, [consent(documentId)]);
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect((res.body as { errors: unknown[] }).errors).toEqual([expect.objectContaining({ field: 'memberConsents.0.consentDocumentId', code })]);
    }
    expect(await stored(bin)).toBe(0);
  });

  it('C-7: the deprecated free-text reference is still accepted (no ids published); a consent with neither is a 400 naming consentDocumentId', async () => {
    const bin = newBin();
    const none = await file(bin, [{ memberId: newBin(), idKind: 'bin', memberName: 'Nobody LLP' }]);
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain('memberConsents.0.consentDocumentId');
    const old = await file(bin, [{ memberId: newBin(), idKind: 'bin', memberName: 'Ontustik Mata LLP', consentDocumentRef: 'consent 7/2026' }]);
    expect(old.status, JSON.stringify(old.body)).toBe(201);
    const [event] = await h.sql<{ envelope: { payload: { documentIds: string[] } } }>(
      `select envelope from hub_outbox where event_type = 'clusters.application-filed' and envelope->'payload'->>'applicationId' = ?`,
      [json<{ id: string }>(old).id],
    );
    expect(event!.envelope.payload.documentIds).toEqual([]);
  });

  it('C-9 with C-7: a change names its consents by id — checked as at filing (422 naming the field, nothing stored) and published on application-changed for documents to attach', async () => {
    const bin = newBin();
    const first = await verified(bin, 'member-consent');
    const filed = await file(bin, [consent(first)]);
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const id = json<{ id: string }>(filed).id;
    const token = await h.token(['applicant'], [bin]);
    const change = (memberConsents: unknown[]) =>
      h.http().post(`/applications/${id}/revisions`).set(auth(token)).send(anApplicationContent({ memberConsents }));
    const theirs = await verified(newBin(), 'member-consent');
    const refused = await change([consent(first), consent(theirs)]);
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect((refused.body as { errors: unknown[] }).errors).toEqual([
      expect.objectContaining({ field: 'memberConsents.1.consentDocumentId', code: 'document-unknown' }),
    ]);
    expect(await h.sql(`select revision from clusters_application where id = ?`, [id])).toEqual([{ revision: 1 }]);
    expect(
      await h.sql(`select count(*)::int as n from hub_outbox where event_type = 'clusters.application-changed' and envelope->'payload'->>'applicationId' = ?`, [
        id,
      ]),
    ).toEqual([{ n: 0 }]);
    const added = await verified(bin, 'member-consent');
    const ok = await change([consent(first), consent(added)]);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const [event] = await h.sql<{ message_key: string; envelope: { payload: { revision: number; documentIds: string[] } } }>(
      `select message_key, envelope from hub_outbox where event_type = 'clusters.application-changed' and envelope->'payload'->>'applicationId' = ?`,
      [id],
    );
    expect(event!.message_key).toBe(bin);
    expect(event!.envelope.payload).toMatchObject({ revision: 2, documentIds: [first, added] });
  });
});
