import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aBranchBin } from '@hub/testing';
import {
  type Actors,
  type CertificateVerification,
  type Harness,
  type ParticipantView,
  type RegistryPage,
  type ReviewQueuePage,
  type TranslationTask,
  actorsFor,
  auth,
  body,
  completeDraft,
  deliverDocuments,
  documentVerified,
  driveTo,
  matching,
  newBin,
  problem,
  startHarness,
} from '../support/registration-harness.js';

/** An item of the Commission's agenda. */
type AgendaItem = { id: string; ruleId: string; dueDate: string };

let h: Harness;
beforeAll(async () => {
  h = await startHarness('reg_life');
});
afterAll(async () => {
  await h?.close();
});

const outbox = (aggregateId: string) =>
  h.sql<{ event_type: string; message_key: string; envelope: { payload: Record<string, unknown> } }>(
    `select event_type, message_key, envelope from hub_outbox where envelope->>'aggregateId' = ? order by position`,
    [aggregateId],
  );

describe('applicant: draft and filing (F-8 … F-11)', () => {
  let a: Actors;
  beforeAll(async () => {
    a = await actorsFor(h);
  });

  it('F-8, F-9, F-12: a complete, eligible application is filed; outcomes, rule-set version, the 5 WD review deadline and the outbox event are stored together', async () => {
    const created = await h
      .http()
      .post('/applications')
      .set(auth(a.applicant))
      .send({ bin: a.bin, companyName: 'Qazaq Soft LLP', address: 'Astana', language: 'kk' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', kind: 'registration', bin: a.bin });
    const id = body(created).id;
    expect(
      (
        await h
          .http()
          .patch(`/applications/${id}`)
          .set(auth(a.applicant))
          .send(completeDraft(['PH-01', 'PH-02']))
      ).status,
    ).toBe(200);
    const res = await h.http().post(`/applications/${id}/submit`).set(auth(a.applicant));
    expect(res.status).toBe(200);
    expect(body(res).status).toBe('submitted');
    expect(body(res).eligibilityEvaluation).toMatchObject({
      eligible: true,
      ruleSetVersion: 'fund-rules-703/2025@2026-01-16+activity-list:placeholder-2026-11',
      filedOn: '2026-11-16',
    });
    expect(body(res).eligibilityEvaluation!.outcomes.map((o) => `${o.ruleId}:${o.outcome}`)).toContain('F-7(8):not-applicable');
    // Filed Monday 2026-11-16: 5 WD later is Monday 2026-11-23.
    expect(body(res).deadlines).toEqual([
      expect.objectContaining({ kind: 'completeness-review', ruleId: 'F-12', dueDate: '2026-11-23', status: 'open', overdue: false }),
    ]);
    const events = await outbox(id);
    expect(events.map((e) => e.event_type)).toEqual(['registration.application-submitted']);
    expect(events[0]!.message_key).toBe(a.bin);
    expect(events[0]!.envelope.payload).toMatchObject({ applicationId: id, bin: a.bin, resubmission: false, reviewDueDate: '2026-11-23' });
    const timers = await h.sql(`select kind, timer_key from hub_timer where status = 'scheduled' and timer_key = ?`, [`${id}:completeness-review`]);
    expect(timers).toHaveLength(1);
  });

  it('F-7(1)/F-7(2): a branch BIN cannot start an application, with a message saying the head office applies', async () => {
    const branch = aBranchBin();
    const t = await h.token(['applicant'], [branch]);
    const res = await h.http().post('/applications').set(auth(t)).send({ bin: branch, companyName: 'Branch', address: 'Almaty', language: 'ru' });
    expect(res.status).toBe(422);
    expect(problem(res).errors?.[0]).toMatchObject({ field: 'bin', code: 'bin.not-head-office' });
    expect(problem(res).detail).toMatch(/head office.*F-7\(1\), F-7\(2\)/);
  });

  it('F-12/F-14/F-16: an application failing F-7/F-9(2) checks is filed and recorded anyway; the failures are proposed remarks for the officer, the deadline runs, the event names them', async () => {
    const b = await actorsFor(h);
    const id = await driveTo(h, b, 'draft');
    await h
      .http()
      .patch(`/applications/${id}`)
      .set(auth(b.applicant))
      .send({ eligibility: { ...completeDraft().eligibility, stateOwnershipPercent: 51 }, taxCertificate: { issuedOn: '2026-11-16', debtTiyn: 2_595_001 } }); // F-9(2): 6 × MCI 2026 + 1 tiyn
    const res = await h.http().post(`/applications/${id}/submit`).set(auth(b.applicant));
    expect(res.status).toBe(200);
    expect(body(res).status).toBe('submitted');
    const view = await h.http().get(`/applications/${id}`).set(auth(b.officer));
    expect(body<{ proposedRemarks: { ruleId: string; field: string; for: string }[] }>(view).proposedRemarks).toEqual([
      expect.objectContaining({ ruleId: 'F-7(4)', field: 'eligibility.stateOwnershipPercent', for: 'officer' }),
      expect.objectContaining({ ruleId: 'F-9(2)/debt', field: 'taxCertificate.debtTiyn', for: 'officer' }),
    ]);
    expect(body(view).deadlines).toEqual([expect.objectContaining({ kind: 'completeness-review', ruleId: 'F-12', status: 'open' })]);
    const events = await outbox(id);
    expect(events.map((e) => e.envelope.payload['failedChecks'])).toEqual([['F-7(4)', 'F-9(2)/debt']]);
  });

  it('F-9(2): a tax certificate older than 10 calendar days before the filing date is filed with a proposed F-9(2) remark', async () => {
    const b = await actorsFor(h);
    const id = await driveTo(h, b, 'draft');
    await h
      .http()
      .patch(`/applications/${id}`)
      .set(auth(b.applicant))
      .send({ taxCertificate: { issuedOn: '2026-11-05', debtTiyn: 0 } });
    const res = await h.http().post(`/applications/${id}/submit`).set(auth(b.applicant));
    expect(res.status).toBe(200);
    expect(body<{ proposedRemarks: { ruleId: string }[] }>(res).proposedRemarks.map((r) => r.ruleId)).toEqual(['F-9(2)/age']);
  });

  it('F-9(1): an incomplete Annex 1 plan is refused with every missing field named', async () => {
    const b = await actorsFor(h);
    const id = await driveTo(h, b, 'draft');
    await h
      .http()
      .patch(`/applications/${id}`)
      .set(auth(b.applicant))
      .send({ businessPlan: { projects: [{ activityTypeCode: 'PH-01', name: 'X' }] } });
    const res = await h.http().post(`/applications/${id}/submit`).set(auth(b.applicant));
    expect(res.status).toBe(422);
    const fields = (problem(res).errors ?? []).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['businessPlan.placeOfImplementation', 'businessPlan.projects.0.goals', 'businessPlan.clients', 'businessPlan.actionPlan']),
    );
  });

  it('F-10: an English application opens a translation task for the Fund, which the officer completes', async () => {
    const b = await actorsFor(h);
    const id = await driveTo(h, b, 'submitted', { language: 'en' });
    const tasks = await h.http().get('/translation-tasks?status=open').set(auth(b.officer));
    const task = body<TranslationTask[]>(tasks).find((t) => t.applicationId === id);
    expect(task).toMatchObject({ sourceLanguage: 'en', status: 'open' });
    const queue = await h.http().get('/review-queue').set(auth(b.officer));
    expect(body<ReviewQueuePage>(queue).items.find((i) => i.id === id)).toMatchObject({ translationPending: true });
    // ADR 0137: the translation is an upload of kind application-translation of the application's company
    const complete = (documentId: string) =>
      h.http().post(`/translation-tasks/${task!.id}/complete`).set(auth(b.officer)).send({ targetLanguage: 'ru', documentId });
    const wrongKind = documentVerified(b.bin, 'tax-debt-certificate');
    const othersCompany = documentVerified(newBin(), 'application-translation');
    const translation = documentVerified(b.bin, 'application-translation');
    for (const e of [wrongKind, othersCompany, translation]) await deliverDocuments(h, e);
    for (const refused of [wrongKind, othersCompany]) {
      const res = await complete(refused.payload.documentId);
      expect(res.status).toBe(422);
      expect((problem(res).errors ?? []).map((e) => e.field)).toEqual(['documentId']);
    }
    expect((await complete(crypto.randomUUID())).status).toBe(422); // never uploaded (or not verified yet)
    expect(body<TranslationTask[]>(await h.http().get('/translation-tasks?status=open').set(auth(b.officer))).map((t) => t.id)).toContain(task!.id);

    expect((await complete(translation.payload.documentId)).status).toBe(204);
    const done = body<TranslationTask[]>(await h.http().get('/translation-tasks?status=done').set(auth(b.officer))).find((t) => t.id === task!.id);
    expect(done).toMatchObject({ status: 'done', targetLanguage: 'ru', documentId: translation.payload.documentId, documentRef: null });
    // … published for documents to attach it (keyed by the BIN: the company's events stay in order)
    const [published] = await outbox(task!.id);
    expect(published).toMatchObject({
      event_type: 'registration.translation-recorded',
      message_key: b.bin,
      envelope: { payload: { taskId: task!.id, applicationId: id, bin: b.bin, targetLanguage: 'ru', documentId: translation.payload.documentId } },
    });
    expect((await complete(translation.payload.documentId)).status).toBe(409);
    expect(await outbox(task!.id)).toHaveLength(1);
  });
});

describe('Fund officer: review, remarks, Commission (F-12 … F-16)', () => {
  it('F-14: remarks tied to fields; the applicant corrects, answers and resubmits; the review deadline runs again', async () => {
    const a = await actorsFor(h);
    const id = await driveTo(h, a, 'submitted');
    const bad = await h
      .http()
      .post(`/applications/${id}/remarks`)
      .set(auth(a.officer))
      .send({ remarks: [{ field: 'favouriteColour', message: 'x' }] });
    expect(bad.status).toBe(422);
    expect(problem(bad).errors?.[0]?.field).toBe('remarks.0.field');
    const res = await h
      .http()
      .post(`/applications/${id}/remarks`)
      .set(auth(a.officer))
      .send({ remarks: [{ field: 'businessPlan.clients', message: 'Name the pilot clients' }] });
    expect(res.status).toBe(200);
    expect(body(res).status).toBe('remarks-issued');
    expect(body(res).deadlines[0]).toMatchObject({ kind: 'completeness-review', status: 'met' });
    const remarkId = body(res).remarks[0]!.id;
    // The applicant sees the remark.
    const seen = await h.http().get(`/applications/${id}`).set(auth(a.applicant));
    expect(body(seen).remarks).toEqual([expect.objectContaining({ field: 'businessPlan.clients', message: 'Name the pilot clients' })]);
    await h
      .http()
      .patch(`/applications/${id}`)
      .set(auth(a.applicant))
      .send({ businessPlan: { ...completeDraft().businessPlan, clients: 'Magnum, Small' } });
    h.clock.advanceDays(1);
    const re = await h
      .http()
      .post(`/applications/${id}/resubmit`)
      .set(auth(a.applicant))
      .send({ answers: [{ remarkId, answer: 'Named them in item 10' }] });
    expect(re.status).toBe(200);
    expect(body(re).status).toBe('resubmitted');
    expect(body(re).deadlines.filter((d) => d.status === 'open')).toEqual([
      expect.objectContaining({ kind: 'completeness-review', startedOn: '2026-11-17', dueDate: '2026-11-24' }),
    ]);
    expect((await outbox(id)).map((e) => e.event_type)).toEqual([
      'registration.application-submitted',
      'registration.remarks-issued',
      'registration.application-submitted',
    ]);
    h.clock.advanceDays(-1);
  });

  it('state machine: an illegal command answers 409 naming the current state', async () => {
    const a = await actorsFor(h);
    const id = await driveTo(h, a, 'draft');
    const res = await h.http().post(`/applications/${id}/send-to-commission`).set(auth(a.officer));
    expect(res.status).toBe(409);
    expect(problem(res)).toMatchObject({ currentState: 'draft' });
    expect(problem(res).detail).toMatch(/state 'draft'/);
    const sub = await driveTo(h, await actorsFor(h), 'submitted');
    expect(problem(await h.http().post(`/applications/${sub}/certificate`).set(auth(a.officer))).currentState).toBe('submitted');
  });

  it('F-13, F-15, F-16, F-17: the Commission votes and refuses with grounds as a protocol; the applicant is notified; it may apply again', async () => {
    const a = await actorsFor(h);
    const id = await driveTo(h, a, 'with-commission');
    const agenda = await h.http().get('/commission/agenda').set(auth(a.member1));
    expect(body<AgendaItem[]>(agenda).find((x) => x.id === id)).toMatchObject({ ruleId: 'F-15', dueDate: '2026-11-30' });
    expect(
      (
        await h
          .http()
          .post(`/applications/${id}/decision`)
          .set(auth(a.secretary))
          .send({ decision: 'refuse', grounds: [{ ground: 'activity-not-in-priority-list', reason: 'r' }] })
      ).status,
    ).toBe(422);
    expect(
      (
        await h
          .http()
          .post(`/applications/${id}/votes`)
          .set(auth(a.member1))
          .send({ vote: 'refuse', grounds: ['activity-not-in-priority-list'], comment: 'not ICT' })
      ).status,
    ).toBe(200);
    expect(
      (
        await h
          .http()
          .post(`/applications/${id}/votes`)
          .set(auth(a.member2))
          .send({ vote: 'refuse', grounds: ['business-plan-not-per-annex-1'] })
      ).status,
    ).toBe(200);
    expect((await h.http().post(`/applications/${id}/votes`).set(auth(a.secretary)).send({ vote: 'register' })).status).toBe(403);
    // Issue #16, ADR 0138 §2 (F-15): each vote wrote exactly one commission-vote-cast to the outbox in its
    // transaction, keyed by the BIN, naming the member's subject — who voted, never how (no vote, grounds, comment)
    const cast = (await outbox(id)).filter((e) => e.event_type === 'registration.commission-vote-cast');
    expect(cast.map((e) => [e.message_key, e.envelope.payload])).toEqual(
      ['member-1', 'member-2'].map((member) => [a.bin, { applicationId: id, bin: a.bin, member, castAt: matching(/^\d{4}-\d{2}-\d{2}T/) }]),
    );
    expect(JSON.stringify(cast)).not.toMatch(/refuse|not ICT|activity-not-in-priority-list|business-plan/);
    const res = await h
      .http()
      .post(`/applications/${id}/decision`)
      .set(auth(a.secretary))
      .send({
        decision: 'refuse',
        grounds: [{ ground: 'activity-not-in-priority-list', reason: 'The product is a retail shop, not an ICT activity of the list' }],
      });
    expect(res.status).toBe(200);
    expect(body(res).status).toBe('refused');
    expect(body(res).decision).toMatchObject({
      decision: 'refuse',
      protocolNumber: matching(/^CP-2026-\d{5}$/),
      votes: [expect.objectContaining({ member: 'member-1' }), expect.objectContaining({ member: 'member-2' })],
    });
    const notice = body(res).deadlines.find((d) => d.kind === 'decision-notification');
    expect(notice).toMatchObject({ ruleId: 'F-17', dueDate: '2026-11-23', status: 'open' });
    // Issue #10: the extract of the protocol is owed to the Fund's archive from the deciding transaction
    // (the exchange with the real documents context is proven by the gateway's issued-documents e2e).
    const protocolNumber = (body(res).decision as { protocolNumber: string }).protocolNumber;
    expect(
      await h.sql(
        `select status, payload->>'protocolNumber' as "protocolNumber" from hub_timer where kind = 'registration.protocol-archive' and timer_key = ?`,
        [protocolNumber],
      ),
    ).toEqual([{ status: 'scheduled', protocolNumber }]);
    expect(body(res).protocolDocumentId).toBeNull(); // not archived yet
    const events = await outbox(id);
    expect(events.at(-1)!.envelope.payload).toMatchObject({
      decision: 'refuse',
      grounds: ['activity-not-in-priority-list'],
      notificationDueDate: '2026-11-23',
    });
    // The applicant sees the decision with grounds and reasons (F-17), not who voted how.
    const seen = await h.http().get(`/applications/${id}`).set(auth(a.applicant));
    expect(body(seen).decision).toMatchObject({
      decision: 'refuse',
      grounds: [{ ground: 'activity-not-in-priority-list', reason: 'The product is a retail shop, not an ICT activity of the list' }],
      votes: [],
    });
    expect(body(seen).votes).toEqual([]);
    expect(body(seen).fullProtocolDocumentId).toBeNull();
    // ADR 0132 (ADR 0122; F-15, F-16, F-35): once the archiving timer has recorded both copies, the reviewers'
    // view names the full protocol's document (each member's vote), the company's view only the extract.
    const extractId = '018f0000-0000-7000-8000-00000000e0a1';
    const fullId = '018f0000-0000-7000-8000-00000000f0a1';
    await h.sql(
      `insert into registration_protocol_archive (protocol_number, application_id, document_id, sha256, archived_at, full_document_id, full_sha256) values (?, ?, ?, ?, now(), ?, ?)`,
      [protocolNumber, id, extractId, 'a'.repeat(64), fullId, 'b'.repeat(64)],
    );
    for (const [who, token] of [
      ['officer', a.officer],
      ['member', a.member1],
      ['secretary', a.secretary],
    ] as const) {
      const view = body(await h.http().get(`/applications/${id}`).set(auth(token)));
      expect({ who, extract: view.protocolDocumentId, full: view.fullProtocolDocumentId }).toEqual({ who, extract: extractId, full: fullId });
    }
    const company = body(await h.http().get(`/applications/${id}`).set(auth(a.applicant)));
    expect({ extract: company.protocolDocumentId, full: company.fullProtocolDocumentId }).toEqual({ extract: extractId, full: null });
    const notified = await h.http().post(`/applications/${id}/notification`).set(auth(a.officer));
    expect(body(notified).deadlines.find((d) => d.kind === 'decision-notification')?.status).toBe('met');
    // F-17: a refusal does not bar re-applying.
    const again = await h.http().post('/applications').set(auth(a.applicant)).send({ bin: a.bin, companyName: 'Again LLP', address: 'Astana', language: 'ru' });
    expect(again.status).toBe(201);
    const twice = await h.http().post('/applications').set(auth(a.applicant)).send({ bin: a.bin, companyName: 'Again LLP', address: 'Astana', language: 'ru' });
    expect(twice.status).toBe(409);
  });
});

describe('contract, certificate, registry (F-18, F-19) and activity change (F-20)', () => {
  let a: Actors;
  let id: string;
  beforeAll(async () => {
    a = await actorsFor(h);
    id = await driveTo(h, a, 'registered', { companyName: 'Registry Star LLP', codes: ['PH-01'] });
  });

  it('F-18, F-24: signing the contract makes a participant for the minimum term and publishes participant-registered with the certificate number', async () => {
    const short = await h
      .http()
      .post(`/applications/${id}/contract`)
      .set(auth(a.officer))
      .send({ contractNumber: 'SC-1', signedOn: '2026-11-16', termMonths: 6 });
    expect(short.status).toBe(422);
    expect(problem(short).ruleId).toBe('F-24');
    const res = await h.http().post(`/applications/${id}/contract`).set(auth(a.officer)).send({ contractNumber: 'SC-1', signedOn: '2026-11-16' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'contract-signed',
      contract: { termStart: '2026-11-16', termEnd: '2027-11-15' },
      certificateNumber: matching(/^AH-2026-\d{5}$/),
    });
    expect(
      body(res)
        .deadlines.filter((d) => d.status === 'open')
        .map((d) => `${d.ruleId}@${d.dueDate}`)
        .sort(),
    ).toEqual(['F-17@2026-11-23', 'F-18@2026-11-19', 'F-19@2026-11-19']);
    const registered = (await outbox(id)).find((e) => e.event_type === 'registration.participant-registered')!;
    expect(registered.message_key).toBe(a.bin);
    expect(registered.envelope.payload).toMatchObject({
      bin: a.bin,
      companyName: 'Registry Star LLP',
      certificateNumber: body(res).certificateNumber,
      certificateDueDate: '2026-11-19',
      activityTypes: [{ code: 'PH-01', name: 'Разработка программного обеспечения' }],
    });
    // not public before listing
    expect(body<RegistryPage>(await h.http().get(`/registry?q=${a.bin}`)).total).toBe(0);
  });

  it('F-18: the certificate is issued as a signed PDF; F-19: listed, it can be found, exported and verified by anyone', async () => {
    const cert = await h.http().post(`/applications/${id}/certificate`).set(auth(a.officer));
    expect(cert.status).toBe(200);
    const number = body(cert).certificateNumber as string;
    const pdf = await h
      .http()
      .get(`/applications/${id}/certificate.pdf`)
      .set(auth(a.applicant))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    // ADR 0106: its copy in the Fund's archive of issued documents is owed from the issuing transaction
    // (the exchange with the real documents context is proven by the gateway's cross-context test).
    expect(
      await h.sql(`select status, payload->>'number' as number from hub_timer where kind = 'registration.certificate-archive' and timer_key = ?`, [number]),
    ).toEqual([{ status: 'scheduled', number }]);
    expect((await h.http().get(`/registry/certificates/${number}`)).status).toBe(404); // not listed yet
    const listed = await h.http().post(`/applications/${id}/listing`).set(auth(a.officer));
    expect(body(listed).status).toBe('listed');
    expect(
      body(listed)
        .deadlines.filter((d) => d.status === 'open')
        .map((d) => d.kind),
    ).toEqual(['decision-notification']);
    const found = await h.http().get('/registry?q=registry star');
    expect(body<RegistryPage>(found).items).toEqual([
      {
        companyName: 'Registry Star LLP',
        bin: a.bin,
        activityTypes: [{ code: 'PH-01', name: 'Разработка программного обеспечения' }],
        certificateNumber: number,
        validFrom: '2026-11-16',
        validTo: '2027-11-15',
        status: 'active',
        listedOn: '2026-11-16',
        extensions: [],
        termination: null,
      },
    ]);
    expect(body<RegistryPage>(await h.http().get('/registry?activityType=PH-01&status=active')).items.map((i) => i.bin)).toContain(a.bin);
    expect(body<RegistryPage>(await h.http().get('/registry?activityType=PH-06')).items.map((i) => i.bin)).not.toContain(a.bin);
    expect(body<RegistryPage>(await h.http().get('/registry?status=expired')).total).toBe(0);
    const verify = await h.http().get(`/registry/certificates/${number}`);
    expect(body<CertificateVerification>(verify)).toMatchObject({
      valid: true,
      certificateNumber: number,
      bin: a.bin,
      signature: { verified: true, nationalPki: false },
      // Issue #10: anyone holding the PDF can check it is byte for byte the one issued under this number.
      sha256: createHash('sha256')
        .update(pdf.body as Buffer)
        .digest('hex'),
    });
    const csv = await h.http().get('/registry/export?format=csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain(`"Registry Star LLP","${a.bin}"`);
    const json = await h.http().get('/registry/export?format=json');
    expect(JSON.parse(json.text)).toEqual(expect.arrayContaining([expect.objectContaining({ bin: a.bin })]));
  });

  it('F-20: a participant applies to add an activity type; the Commission approves within 10 WD; activity-types-changed is published', async () => {
    const created = await h
      .http()
      .post('/applications')
      .set(auth(a.applicant))
      .send({ kind: 'activity-change', bin: a.bin, companyName: 'Registry Star LLP', address: 'Astana', language: 'ru' });
    expect(created.status).toBe(201);
    expect(body(created).activityTypes).toEqual([{ code: 'PH-01', works: ['PH-01.1'] }]);
    const cid = body(created).id;
    const { sampleBusinessPlan } = await import('../../src/cli/sample-data.js');
    await h
      .http()
      .patch(`/applications/${cid}`)
      .set(auth(a.applicant))
      .send({
        activityTypes: [
          { code: 'PH-01', works: ['PH-01.1'] },
          { code: 'PH-03', works: ['PH-03.1'] },
        ],
        businessPlan: sampleBusinessPlan(['PH-01', 'PH-03']),
      });
    const sub = await h.http().post(`/applications/${cid}/submit`).set(auth(a.applicant));
    expect(sub.status).toBe(200);
    expect(body(sub).deadlines).toEqual([expect.objectContaining({ kind: 'activity-change-decision', ruleId: 'F-20', dueDate: '2026-11-30' })]);
    await h.http().post(`/applications/${cid}/send-to-commission`).set(auth(a.officer));
    await h.http().post(`/applications/${cid}/votes`).set(auth(a.member1)).send({ vote: 'register' });
    const decided = await h.http().post(`/applications/${cid}/decision`).set(auth(a.secretary)).send({ decision: 'register' });
    expect(body(decided).status).toBe('registered');
    expect((await h.http().post(`/applications/${cid}/contract`).set(auth(a.officer)).send({ contractNumber: 'X', signedOn: '2026-11-16' })).status).toBe(409);
    const participantEvents = await h.sql<{ envelope: { payload: Record<string, unknown> } }>(
      `select envelope from hub_outbox where event_type = 'registration.activity-types-changed' and message_key = ?`,
      [a.bin],
    );
    expect(participantEvents[0]!.envelope.payload).toMatchObject({ added: ['PH-03'], removed: [], effectiveFrom: '2026-11-16' });
    const registry = await h.http().get(`/registry?q=${a.bin}`);
    expect(body<RegistryPage>(registry).items[0]!.activityTypes.map((t) => t.code)).toEqual(['PH-01', 'PH-03']);
  });

  it('F-9(3): the participant reports an address change; the record follows and participant-address-changed is published; others get 404', async () => {
    const res = await h
      .http()
      .post(`/participants/${a.bin}/address`)
      .set(auth(a.applicant))
      .send({ address: 'Astana, Turan 24, office 5', proofDocumentRef: 'LEASE-2026-0777' });
    expect(res.status).toBe(200);
    expect(body<ParticipantView>(res)).toMatchObject({ bin: a.bin, address: 'Astana, Turan 24, office 5' });
    const events = await h.sql<{ envelope: { payload: Record<string, unknown> } }>(
      `select envelope from hub_outbox where event_type = 'registration.participant-address-changed' and message_key = ?`,
      [a.bin],
    );
    expect(events[0]!.envelope.payload).toMatchObject({ bin: a.bin, address: 'Astana, Turan 24, office 5', reportedOn: '2026-11-16' });
    const other = await actorsFor(h);
    expect((await h.http().get(`/participants/${a.bin}`).set(auth(other.applicant))).status).toBe(404);
    expect((await h.http().post(`/participants/${a.bin}/address`).set(auth(other.applicant)).send({ address: 'x', proofDocumentRef: 'y' })).status).toBe(404);
    expect(body<ParticipantView>(await h.http().get(`/participants/${a.bin}`).set(auth(a.officer))).address).toBe('Astana, Turan 24, office 5');
  });

  it('F-20: a company that is not a participant cannot apply for an activity change', async () => {
    const b = newBin();
    const t = await h.token(['applicant'], [b]);
    const res = await h.http().post('/applications').set(auth(t)).send({ kind: 'activity-change', bin: b, companyName: 'N', address: 'A', language: 'ru' });
    expect(res.status).toBe(422);
    expect(problem(res).ruleId).toBe('F-20');
  });
});
