import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Harness,
  actorsFor,
  auth,
  completeDraft,
  deliverDocuments,
  documentAttached,
  documentVerified,
  problem,
  startHarness,
} from '../support/registration-harness.js';

/**
 * Issue #10 (ADR 0045): an application refers to the company's uploads in the documents context by
 * id — F-9(2) the tax authority's information (kind tax-debt-certificate), F-9(3) the proof of the
 * place of business (kind place-of-business-proof). Registration learns the verified documents from
 * `documents.document-verified` (its real consumer and inbox) and refuses a filing that names an
 * unknown document, another company's, or one of the wrong kind (422 naming the field, nothing filed);
 * the filing's event lists the documents so that documents attaches them.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('reg_docs', { start: '2026-11-16T04:00:00Z' });
});
afterAll(async () => {
  await h?.close();
});

const draftWith = async (a: { bin: string; applicant: string }, docs: { tax?: string; place?: string }) => {
  const created = await h.http().post('/applications').set(auth(a.applicant)).send({ bin: a.bin, companyName: 'Docs LLP', address: 'Astana', language: 'ru' });
  expect(created.status).toBe(201);
  const id = (created.body as { id: string }).id;
  const draft = completeDraft();
  const patch = {
    ...draft,
    taxCertificate: { ...draft.taxCertificate, ...(docs.tax ? { documentId: docs.tax } : {}) },
    placeOfBusiness: docs.place
      ? { address: draft.placeOfBusiness.address, proofKind: draft.placeOfBusiness.proofKind, documentId: docs.place }
      : draft.placeOfBusiness,
  };
  const patched = await h.http().patch(`/applications/${id}`).set(auth(a.applicant)).send(patch);
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  return id;
};
const statusOf = async (a: { applicant: string }, id: string) =>
  ((await h.http().get(`/applications/${id}`).set(auth(a.applicant))).body as { status: string }).status;

describe('F-9(2), F-9(3): documents by id (issue #10)', () => {
  it("F-9(2), F-9(3): the company's own verified uploads of the right kinds are accepted, and the filing's event lists them", async () => {
    const a = await actorsFor(h);
    const tax = documentVerified(a.bin, 'tax-debt-certificate');
    const place = documentVerified(a.bin, 'place-of-business-proof');
    expect(await deliverDocuments(h, tax)).toBe('handled');
    expect(await deliverDocuments(h, place)).toBe('handled');
    expect(await deliverDocuments(h, tax, '1')).toBe('duplicate');
    const id = await draftWith(a, { tax: tax.payload.documentId, place: place.payload.documentId });
    const filed = await h.http().post(`/applications/${id}/submit`).set(auth(a.applicant));
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    const [event] = await h.sql<{ envelope: { payload: { documentIds: string[] } } }>(
      `select envelope from hub_outbox where event_type = 'registration.application-submitted' and envelope->>'aggregateId' = ?`,
      [id],
    );
    expect(event!.envelope.payload.documentIds).toEqual([tax.payload.documentId, place.payload.documentId]);
  });

  it("F-9(2): a document registration does not know, or another company's, is refused (422) naming the field; nothing is filed", async () => {
    const other = await actorsFor(h);
    const theirs = documentVerified(other.bin, 'tax-debt-certificate');
    expect(await deliverDocuments(h, theirs)).toBe('handled');
    for (const documentId of [theirs.payload.documentId, '0194f3a0-0000-7000-8000-00000000dead']) {
      const a = await actorsFor(h);
      const id = await draftWith(a, { tax: documentId });
      const res = await h.http().post(`/applications/${id}/submit`).set(auth(a.applicant));
      expect(res.status).toBe(422);
      expect(problem(res).errors).toEqual([expect.objectContaining({ field: 'taxCertificate.documentId', code: 'document-unknown' })]);
      expect(await statusOf(a, id)).toBe('draft');
      await h.http().patch(`/applications/${id}`).set(auth(a.applicant)).send({ taxCertificate: completeDraft().taxCertificate });
      expect((await h.http().post(`/applications/${id}/submit`).set(auth(a.applicant))).status).toBe(200);
    }
  });

  it('F-9(3): a verified document of another kind is refused naming the field and the kind required', async () => {
    const a = await actorsFor(h);
    const passport = documentVerified(a.bin, 'passport-copy');
    expect(await deliverDocuments(h, passport)).toBe('handled');
    const id = await draftWith(a, { place: passport.payload.documentId });
    const res = await h.http().post(`/applications/${id}/submit`).set(auth(a.applicant));
    expect(res.status).toBe(422);
    expect(problem(res).errors).toEqual([
      expect.objectContaining({
        field: 'placeOfBusiness.documentId',
        message: 'F-9(3): the document is a passport-copy, a place-of-business-proof is required',
      }),
    ]);
  });

  it('F-9(2): a document already attached to something else is refused (immutable once attached, ADR 0049); the application it belongs to may file it again', async () => {
    const a = await actorsFor(h);
    const tax = documentVerified(a.bin, 'tax-debt-certificate');
    expect(await deliverDocuments(h, tax)).toBe('handled');
    const elsewhere = 'participation/information-request/0194f3a0-0000-7000-8000-0000000000aa';
    expect(await deliverDocuments(h, documentAttached(tax, elsewhere), '1')).toBe('handled');
    const id = await draftWith(a, { tax: tax.payload.documentId });
    const refused = await h.http().post(`/applications/${id}/submit`).set(auth(a.applicant));
    expect(refused.status).toBe(422);
    expect(problem(refused).errors).toEqual([expect.objectContaining({ field: 'taxCertificate.documentId', code: 'document-attached-elsewhere' })]);
    expect(problem(refused).errors?.[0]?.message).toContain(elsewhere);
    expect(await statusOf(a, id)).toBe('draft');

    const mine = documentVerified(a.bin, 'tax-debt-certificate');
    expect(await deliverDocuments(h, mine, '2')).toBe('handled');
    expect(await deliverDocuments(h, documentAttached(mine, `registration/application/${id}`), '3')).toBe('handled');
    await h
      .http()
      .patch(`/applications/${id}`)
      .set(auth(a.applicant))
      .send({ taxCertificate: { ...completeDraft().taxCertificate, documentId: mine.payload.documentId } });
    const filed = await h.http().post(`/applications/${id}/submit`).set(auth(a.applicant));
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
  });

  it('F-9(3): a proof of the place of business with neither a document nor a reference is a 400 naming placeOfBusiness.documentId', async () => {
    const a = await actorsFor(h);
    const created = await h
      .http()
      .post('/applications')
      .set(auth(a.applicant))
      .send({ bin: a.bin, companyName: 'Docs LLP', address: 'Astana', language: 'ru' });
    const id = (created.body as { id: string }).id;
    const res = await h
      .http()
      .patch(`/applications/${id}`)
      .set(auth(a.applicant))
      .send({ placeOfBusiness: { address: 'Astana', proofKind: 'lease' } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(problem(res))).toContain('placeOfBusiness.documentId');
  });
});
