// Issue #10: registration's filing attaches the application's documents (real database, real local S3 server, the real consumer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationSubmittedV1, type EventEnvelope, type PayloadOf, TranslationRecordedV1 } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { sampleFiles } from '@hub/object-storage';
import {
  type DocumentJson,
  type Harness,
  type UploadJson,
  auth,
  deliver,
  json,
  newBin,
  putBytes,
  startHarness,
  verifiedUpload,
} from '../support/documents-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('documents_appdocs');
});
afterAll(async () => {
  await h?.close();
});

const applicant = (bin: string) => h.token(['applicant'], [bin]);

/** A verified upload of the company (start → PUT → complete). */
const verified = (bin: string, kind: string): Promise<string> => verifiedUpload(h, bin, kind, 'proof.pdf');

const submitted = (bin: string, documentIds: string[], applicationId: string = uuidv7()): EventEnvelope<PayloadOf<typeof ApplicationSubmittedV1>> => ({
  id: uuidv7(),
  type: ApplicationSubmittedV1.type,
  version: 1,
  occurredAt: '2026-11-16T04:00:00.000Z',
  correlationId: uuidv7(),
  causationId: null,
  aggregateId: applicationId,
  payload: {
    applicationId,
    bin,
    companyName: 'Docs LLP',
    kind: 'registration',
    language: 'ru',
    resubmission: false,
    submittedAt: '2026-11-16T04:00:00.000Z',
    reviewDueDate: '2026-11-23',
    failedChecks: [],
    documentIds,
  },
});
const documentOf = async (bin: string, id: string) =>
  json<DocumentJson>(
    await h
      .http()
      .get(`/documents/${id}`)
      .set(auth(await applicant(bin))),
  );

describe('a filed application attaches its documents (issue #10, F-9(2), F-9(3))', () => {
  it('F-9(2), F-9(3): the documents named by registration.application-submitted become attached to the application — immutable — once', async () => {
    const bin = newBin();
    const tax = await verified(bin, 'tax-debt-certificate');
    const place = await verified(bin, 'place-of-business-proof');
    const event = submitted(bin, [tax, place]);
    expect(await deliver(h, event)).toBe('handled');
    expect(await deliver(h, event, '1')).toBe('duplicate');
    for (const id of [tax, place])
      expect(await documentOf(bin, id)).toMatchObject({ status: 'attached', attachedTo: `registration/application/${event.payload.applicationId}` });
    const attachedEvents = await h.sql(
      `select 1 from hub_outbox where event_type = 'documents.document-attached' and envelope->'payload'->>'documentId' in (?, ?)`,
      [tax, place],
    );
    expect(attachedEvents).toHaveLength(2);

    // A resubmission names the same documents: nothing changes. A later application reusing one leaves it where it is.
    expect(await deliver(h, { ...submitted(bin, [tax], event.payload.applicationId), id: uuidv7() })).toBe('handled');
    expect(await deliver(h, submitted(bin, [place]))).toBe('handled');
    expect(await documentOf(bin, place)).toMatchObject({ attachedTo: `registration/application/${event.payload.applicationId}` });
  });

  it("F-35: an application naming another company's document is a broken contract — dead-lettered, the document untouched", async () => {
    const owner = newBin();
    const doc = await verified(owner, 'tax-debt-certificate');
    const wrong = submitted(newBin(), [doc]);
    expect(await deliver(h, wrong)).toBe('dead-lettered');
    expect(await documentOf(owner, doc)).toMatchObject({ status: 'verified', attachedTo: null });
  });
});

describe("the Fund's translation of an English application (F-10, ADR 0137)", () => {
  it("F-10: a fund officer uploads the company's application-translation; registration.translation-recorded attaches it next to the application, once; the company reads it, another company gets 404", async () => {
    const bin = newBin();
    const officer = await h.token(['fund-officer']);
    const pdf = sampleFiles.pdf(`translation of ${bin} ${uuidv7()}`);
    const started = await h
      .http()
      .post('/documents/uploads')
      .set(auth(officer))
      .send({ ownerBin: bin, kind: 'application-translation', fileName: 'perevod.pdf', size: pdf.byteLength });
    expect(started.status).toBe(201);
    const { document, upload } = json<UploadJson>(started);
    expect(await putBytes(upload, pdf)).toBe(200);
    expect((await h.http().post(`/documents/${document.id}/complete`).set(auth(officer))).status).toBe(200);

    const applicationId = uuidv7();
    const taskId = uuidv7();
    const recorded: EventEnvelope<PayloadOf<typeof TranslationRecordedV1>> = {
      id: uuidv7(),
      type: TranslationRecordedV1.type,
      version: 1,
      occurredAt: '2026-11-17T05:00:00.000Z',
      correlationId: uuidv7(),
      causationId: null,
      aggregateId: taskId,
      payload: { taskId, applicationId, bin, targetLanguage: 'ru', documentId: document.id, recordedAt: '2026-11-17T05:00:00.000Z' },
    };
    expect(await deliver(h, recorded)).toBe('handled');
    expect(await deliver(h, recorded, '1')).toBe('duplicate');
    expect(await documentOf(bin, document.id)).toMatchObject({
      kind: 'application-translation',
      status: 'attached',
      attachedTo: `registration/application/${applicationId}/translation`,
    });
    const other = await h
      .http()
      .get(`/documents/${document.id}`)
      .set(auth(await applicant(newBin())));
    expect(other.status).toBe(404);
  });
});
