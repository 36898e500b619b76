import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, auth, deliverParticipation, deliverVerifiedDocument, json, participationStarted, startHarness } from '../support/training-harness.js';

/**
 * F-65 with issue #10 (ADRs 0045, 0049): a provider application refers to its syllabi (F-65(1), kind
 * course-syllabus) and rights documents (F-65(2)–(6), kind training-rights-document) in the documents
 * context by id. Training learns the verified documents through its real consumer and inbox (real
 * PostgreSQL), refuses an unknown, another company's or a wrong-kind document (422 naming the field,
 * nothing stored), and the filing's event lists the ids for documents to attach. A non-UUID
 * attachment reference is the deprecated free text: still accepted, not published.
 */
let h: Harness;
let intakeId: string;
beforeAll(async () => {
  h = await startHarness('training_docs');
  const res = await h
    .http()
    .post('/intakes')
    .set(auth(await h.token(['training-officer'])))
    .send({
      title: 'ICT training intake 2027',
      opensOn: '2026-11-01',
      closesOn: '2026-12-31',
      selectionCriteria: { version: '2026-1', text: 'Selection criteria of the Fund' },
      intakeOrder: { version: '2026-1', text: 'Intake order of the Fund' },
    });
  expect(res.status).toBe(201);
  intakeId = json(res).id;
});
afterAll(async () => {
  await h?.close();
});

const course = (syllabusDocumentId?: string) => ({
  name: 'Backend engineering in TypeScript',
  description: 'A full-stack course',
  curriculum: [
    { week: 1, topics: 'Tooling', academicHours: 20 },
    { week: 2, topics: 'HTTP', academicHours: 20 },
  ],
  durationMonths: 6,
  studentSelectionCriteria: 'An entrance test',
  priceTiyn: 45_000_000,
  ...(syllabusDocumentId ? { syllabusDocumentId } : {}),
});
const aParticipant = async (): Promise<string> => {
  const event = participationStarted();
  expect(await deliverParticipation(h, event)).toBe('handled');
  return event.payload.bin;
};
const verified = async (bin: string, kind: string): Promise<string> => {
  const { documentId, outcome } = await deliverVerifiedDocument(h, bin, kind);
  expect(outcome).toBe('handled');
  return documentId;
};
const file = async (bin: string, courses: unknown[], attachments: unknown[]) =>
  h
    .http()
    .post('/provider-applications')
    .set(auth(await h.token(['applicant'], [bin])))
    .send({ intakeId, bin, language: 'ru', courses, attachments, declarationOfAccuracy: true });
const count = async (bin: string) => (await h.sql<{ n: string }>(`select count(*)::text as n from training_provider_application where bin = ?`, [bin]))[0]!.n;

describe('F-65: syllabi and rights documents by id (issue #10)', () => {
  it("F-65(1), F-65(6): the company's own verified syllabus and premises rights are accepted and the filing's event lists them", async () => {
    const bin = await aParticipant();
    const syllabus = await verified(bin, 'course-syllabus');
    const lease = await verified(bin, 'training-rights-document');
    const res = await file(bin, [course(syllabus)], [{ kind: 'premises-rights', documentId: lease, title: 'Lease of the classroom' }]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [event] = await h.sql<{ envelope: { payload: { documentIds: string[]; attachmentKinds: string[] } } }>(
      `select envelope from hub_outbox where event_type = 'training.provider-application-filed' and envelope->'payload'->>'applicationId' = ?`,
      [json(res).id],
    );
    expect(event!.envelope.payload).toMatchObject({ documentIds: [syllabus, lease], attachmentKinds: ['premises-rights'] });
  });

  it("F-65: an unknown document, another company's, or one of the wrong kind is 422 naming the field; nothing is stored", async () => {
    const bin = await aParticipant();
    const other = await aParticipant();
    const theirs = await verified(other, 'course-syllabus');
    const ownRights = await verified(bin, 'training-rights-document');
    const cases: Array<[unknown[], unknown[], string, string, string?]> = [
      [[course(theirs)], [], 'courses.0.syllabusDocumentId', 'document-unknown'],
      [[course('0194f3a0-0000-7000-8000-00000000dead')], [], 'courses.0.syllabusDocumentId', 'document-unknown'],
      [
        [course(ownRights)],
        [],
        'courses.0.syllabusDocumentId',
        'document-wrong-kind',
        'F-65(1): the document is a training-rights-document, a course-syllabus is required',
      ],
      [[course()], [{ kind: 'franchise', documentId: theirs, title: 'Franchise' }], 'attachments.0.documentId', 'document-unknown'],
    ];
    for (const [courses, attachments, field, code, message] of cases) {
      const res = await file(bin, courses, attachments);
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect((res.body as { errors: unknown[] }).errors).toEqual([expect.objectContaining({ field, code, ...(message ? { message } : {}) })]);
    }
    expect(await count(bin)).toBe('0');
  });

  it('F-65: the deprecated free-text reference is still accepted and not published as a document', async () => {
    const bin = await aParticipant();
    const res = await file(bin, [course()], [{ kind: 'premises-rights', documentId: 'lease 12/2026', title: 'Lease of the classroom' }]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [event] = await h.sql<{ envelope: { payload: { documentIds: string[] } } }>(
      `select envelope from hub_outbox where event_type = 'training.provider-application-filed' and envelope->'payload'->>'applicationId' = ?`,
      [json(res).id],
    );
    expect(event!.envelope.payload.documentIds).toEqual([]);
  });

  it('F-71: the documents named in the fix are checked as at filing (422 naming the field, the application unchanged) and published on training.remarks-fixed for documents to attach', async () => {
    const bin = await aParticipant();
    const other = await aParticipant();
    const filed = await file(bin, [course(await verified(bin, 'course-syllabus'))], []);
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const id = json(filed).id;
    const remarks = await h
      .http()
      .post(`/provider-applications/${id}/remarks`)
      .set(auth(await h.token(['training-officer'])))
      .send({ items: ['Add the premises lease and the revised syllabus'] });
    expect(remarks.status, JSON.stringify(remarks.body)).toBe(200);
    const fix = async (courses: unknown[], attachments: unknown[]) =>
      h
        .http()
        .post(`/provider-applications/${id}/remarks/fix`)
        .set(auth(await h.token(['applicant'], [bin])))
        .send({ courses, attachments });
    const theirs = await verified(other, 'training-rights-document');
    const refused = await fix([course()], [{ kind: 'premises-rights', documentId: theirs, title: 'Lease' }]);
    expect(refused.status).toBe(422);
    expect((refused.body as { errors: unknown[] }).errors).toEqual([expect.objectContaining({ field: 'attachments.0.documentId', code: 'document-unknown' })]);
    const wrongKind = await fix([course(await verified(bin, 'training-rights-document'))], []);
    expect(wrongKind.status).toBe(422);
    expect((wrongKind.body as { errors: unknown[] }).errors).toEqual([
      expect.objectContaining({ field: 'courses.0.syllabusDocumentId', code: 'document-wrong-kind' }),
    ]);
    expect((await h.sql<{ status: string }>(`select status from training_provider_application where id = ?`, [id]))[0]!.status).toBe('remarks-issued');

    const syllabus = await verified(bin, 'course-syllabus');
    const lease = await verified(bin, 'training-rights-document');
    const ok = await fix([course(syllabus)], [{ kind: 'premises-rights', documentId: lease, title: 'Lease of the classroom' }]);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const events = await h.sql<{ envelope: { payload: { documentIds: string[]; attachmentKinds: string[]; fixedOn: string } } }>(
      `select envelope from hub_outbox where event_type = 'training.remarks-fixed' and envelope->'payload'->>'applicationId' = ?`,
      [id],
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.envelope.payload).toMatchObject({ documentIds: [syllabus, lease], attachmentKinds: ['premises-rights'], fixedOn: '2026-11-16' });
  });
});
