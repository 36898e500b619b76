import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentAttachedV1, DocumentVerifiedV1, type EventEnvelope, type PayloadOf } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';

import { Harness, body, list } from './support/harness.js';
import { envelopeMessage } from '@hub/messaging';
import { consumerOf } from '@hub/nest-commons';

/**
 * Issue #10 (ADRs 0045, 0049): the counter-obligations refer to documents of the documents context by
 * id — F-32/F-38 answers (kind request-answer), the F-33 audit opinion (audit-opinion), F-34 copies of
 * decisions (decision-copy). Participation learns the verified documents from documents' events through
 * its real consumer and inbox (real PostgreSQL; a dead letter would go to the real broker), refuses an
 * unknown document, another company's, one of the wrong kind or one attached elsewhere (422 naming the
 * field, nothing recorded), and publishes the documents' ids so that documents attaches them.
 */
let h: Harness;
let a: { id: string; bin: string };
let b: { id: string; bin: string };
beforeAll(async () => {
  h = await Harness.start({ prefix: 'part_docs', clockStart: '2026-04-01T04:00:00.000Z' });
  a = await h.register();
  b = await h.register();
});
afterAll(async () => {
  await h?.close();
});

const envelope = <P>(type: string, aggregateId: string, payload: P): EventEnvelope<P> => ({
  id: uuidv7(),
  type,
  version: 1,
  occurredAt: h.clock.now().toISOString(),
  correlationId: uuidv7(),
  causationId: null,
  aggregateId,
  payload,
});
const verified = (bin: string, kind: string): EventEnvelope<PayloadOf<typeof DocumentVerifiedV1>> => {
  const documentId = uuidv7();
  return envelope(DocumentVerifiedV1.type, documentId, {
    documentId,
    bin,
    kind,
    seriesId: documentId,
    versionNo: 1,
    supersedesId: null,
    sha256: 'ab'.repeat(32),
    size: 20_480,
    mediaType: 'application/pdf',
    verifiedAt: h.clock.now().toISOString(),
  });
};
/** documents' events through the app's own consumer of them (decode, inbox, handler in the inbox transaction). */
const deliverDocuments = (e: EventEnvelope, offset = '0') => {
  const consumer = consumerOf(h.app, 'participation.documents-events');
  return consumer.consume(envelopeMessage('hub.documents.events.v1', e, { offset }));
};
/** A verified document of the company, known to participation. */
const upload = async (bin: string, kind: string): Promise<string> => {
  const e = verified(bin, kind);
  expect(await deliverDocuments(e)).toBe('handled');
  return e.payload.documentId;
};
const bearer = async (bin: string) => `Bearer ${await h.applicant(bin)}`;
const request = async (p: { id: string }, kind: string) =>
  body(
    await h
      .http()
      .post(`/participations/${p.id}/information-requests`)
      .set('authorization', `Bearer ${h.tokens.officer}`)
      .send({ kind, description: 'Documents for the monitoring' })
      .expect(201),
  ).id;

describe('F-32, F-38: an answer refers to uploaded documents by id (issue #10)', () => {
  it("F-38: the company's own verified answers are accepted, shown back and published for documents to attach; a redelivered verification changes nothing", async () => {
    const d1 = await upload(a.bin, 'request-answer');
    const second = verified(a.bin, 'request-answer');
    expect(await deliverDocuments(second)).toBe('handled');
    expect(await deliverDocuments(second, '1')).toBe('duplicate');
    const d2 = second.payload.documentId;
    const requestId = await request(a, 'additional-documents');
    const res = await h
      .http()
      .post(`/information-requests/${requestId}/answer`)
      .set('authorization', await bearer(a.bin))
      .send({ note: 'contracts attached', documentIds: [d1, d2] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(body(res)).toMatchObject({ status: 'answered', documentIds: [d1, d2] });
    const [event] = (await h.outbox('participation.information-request-answered')).filter((e) => e.payload.requestId === requestId);
    expect(event).toMatchObject({ key: a.bin, payload: { bin: a.bin, kind: 'additional-documents', ruleIds: ['F-38'], late: false, documentIds: [d1, d2] } });
    const shown = list(
      await h
        .http()
        .get(`/information-requests?participationId=${a.id}`)
        .set('authorization', await bearer(a.bin)),
    ).find((r) => r.id === requestId);
    expect(shown).toMatchObject({ documentIds: [d1, d2] });
  });

  it("F-32: an unknown document, another company's, one of the wrong kind or one named twice is refused (422 naming the field); the request stays open", async () => {
    const own = await upload(a.bin, 'request-answer');
    const theirs = await upload(b.bin, 'request-answer');
    const lease = await upload(a.bin, 'place-of-business-proof');
    const requestId = await request(a, 'tax-declarations');
    const cases: Array<[string[], string, string]> = [
      [[own, '0194f3a0-0000-7000-8000-00000000dead'], 'documentIds.1', 'document-unknown'],
      [[theirs], 'documentIds.0', 'document-unknown'],
      [[lease], 'documentIds.0', 'document-wrong-kind'],
      [[own, own], 'documentIds.1', 'document-repeated'],
    ];
    for (const [documentIds, field, code] of cases) {
      const res = await h
        .http()
        .post(`/information-requests/${requestId}/answer`)
        .set('authorization', await bearer(a.bin))
        .send({ documentIds });
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(body(res).errors).toEqual([expect.objectContaining({ field, code })]);
    }
    expect(
      body(
        await h
          .http()
          .post(`/information-requests/${requestId}/answer`)
          .set('authorization', await bearer(a.bin))
          .send({ documentIds: [lease] }),
      ).errors[0]!.message,
    ).toBe('F-32: the document is a place-of-business-proof, a request-answer is required');
    const still = list(await h.http().get(`/information-requests?participationId=${a.id}`).set('authorization', `Bearer ${h.tokens.officer}`)).find(
      (r) => r.id === requestId,
    );
    expect(still).toMatchObject({ status: 'open', documentIds: [] });
    expect((await h.outbox('participation.information-request-answered')).filter((e) => e.payload.requestId === requestId)).toHaveLength(0);
  });

  it('issue #10: a document documents has attached elsewhere is immutable there — naming it for another request is refused', async () => {
    const doc = await upload(a.bin, 'request-answer');
    const attached = envelope(DocumentAttachedV1.type, doc, {
      documentId: doc,
      bin: a.bin,
      kind: 'request-answer',
      attachedTo: `participation/information-request/${uuidv7()}`,
      sha256: 'ab'.repeat(32),
      attachedAt: h.clock.now().toISOString(),
    });
    expect(await deliverDocuments(attached)).toBe('handled');
    const requestId = await request(a, 'statistical-reports');
    const res = await h
      .http()
      .post(`/information-requests/${requestId}/answer`)
      .set('authorization', await bearer(a.bin))
      .send({ documentIds: [doc] });
    expect(res.status).toBe(422);
    expect(body(res).errors).toEqual([expect.objectContaining({ field: 'documentIds.0', code: 'document-attached-elsewhere' })]);
  });

  it('F-32: the deprecated file metadata is still accepted (no ids published); neither is a 400 naming documentIds', async () => {
    const requestId = await request(b, 'tax-and-accounting');
    const none = await h
      .http()
      .post(`/information-requests/${requestId}/answer`)
      .set('authorization', await bearer(b.bin))
      .send({ note: 'nothing' });
    expect(none.status).toBe(400);
    expect(body(none).errors[0]!.field).toBe('body.documentIds');
    const file = { fileName: 'fs-9m.pdf', mediaType: 'application/pdf', sizeBytes: 4096, sha256: 'e'.repeat(64) };
    const old = await h
      .http()
      .post(`/information-requests/${requestId}/answer`)
      .set('authorization', await bearer(b.bin))
      .send({ attachments: [file] });
    expect(old.status, JSON.stringify(old.body)).toBe(200);
    expect((await h.outbox('participation.information-request-answered')).find((e) => e.payload.requestId === requestId)?.payload).toMatchObject({
      documentIds: [],
      ruleIds: ['F-32'],
    });
  });
});

describe('F-33: the audit opinion by id (issue #10)', () => {
  it('F-33: only a verified audit-opinion of the company is accepted; it is kept and published', async () => {
    await h.at('2026-04-01T04:00:00.000Z'); // the quarter closed: its income can be declared
    await h
      .http()
      .post(`/participations/${b.id}/income-declarations`)
      .set('authorization', `Bearer ${h.tokens.finance}`)
      .send({ year: 2026, quarter: 1, incomeTiyn: 10_000_000_001 })
      .expect(201);
    const [owed] = list(await h.http().get('/audit-obligations?status=owed').set('authorization', `Bearer ${h.tokens.officer}`)).filter((o) => o.bin === b.bin);
    const answer = await upload(b.bin, 'request-answer');
    const wrong = await h
      .http()
      .post(`/audit-obligations/${owed!.id}/opinion`)
      .set('authorization', await bearer(b.bin))
      .send({ documentId: answer });
    expect(wrong.status).toBe(422);
    expect(body(wrong).errors).toEqual([expect.objectContaining({ field: 'documentId', code: 'document-wrong-kind' })]);
    const missing = await h
      .http()
      .post(`/audit-obligations/${owed!.id}/opinion`)
      .set('authorization', await bearer(b.bin))
      .send({});
    expect(missing.status).toBe(400);
    expect(body(missing).errors[0]!.field).toBe('body.documentId');
    const opinion = await upload(b.bin, 'audit-opinion');
    const ok = await h
      .http()
      .post(`/audit-obligations/${owed!.id}/opinion`)
      .set('authorization', await bearer(b.bin))
      .send({ documentId: opinion });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(body(ok)).toMatchObject({ status: 'submitted', opinionDocumentId: opinion });
    expect((await h.outbox('participation.audit-opinion-submitted')).find((e) => e.payload.obligationId === owed!.id)).toMatchObject({
      key: b.bin,
      payload: { financialYear: 2026, late: false, documentIds: [opinion] },
    });
  });
});

describe('F-34: copies of the decision by id (issue #10)', () => {
  it('F-34: decision copies of the company are accepted and published; another kind is refused and nothing is filed', async () => {
    const lease = await upload(a.bin, 'place-of-business-proof');
    const notices = async () =>
      list(await h.http().get('/corporate-notices').set('authorization', `Bearer ${h.tokens.officer}`)).filter((n) => n.participationId === a.id);
    const refused = await h
      .http()
      .post(`/participations/${a.id}/corporate-notices`)
      .set('authorization', await bearer(a.bin))
      .send({ kind: 're-registration', eventDate: '2026-03-30', documentIds: [lease] });
    expect(refused.status).toBe(422);
    expect(body(refused).errors).toEqual([expect.objectContaining({ field: 'documentIds.0', code: 'document-wrong-kind' })]);
    expect(await notices()).toHaveLength(0);
    const copy = await upload(a.bin, 'decision-copy');
    const filed = await h
      .http()
      .post(`/participations/${a.id}/corporate-notices`)
      .set('authorization', await bearer(a.bin))
      .send({ kind: 're-registration', eventDate: '2026-03-30', documentIds: [copy] });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(body(filed)).toMatchObject({ onTime: true, documentIds: [copy], copies: [] });
    expect((await h.outbox('participation.corporate-notice-filed')).find((e) => e.payload.noticeId === body(filed).id)).toMatchObject({
      key: a.bin,
      payload: { kind: 're-registration', eventDate: '2026-03-30', onTime: true, documentIds: [copy] },
    });
  });
});
