import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actors,
  type ApplicationPage,
  type Harness,
  type RegistryPage,
  actorsFor,
  auth,
  body,
  completeDraft,
  driveTo,
  problem,
  startHarness,
} from '../support/registration-harness.js';

let h: Harness;
let a: Actors;
let draft: string;
let submitted: string;
let registered: string;
beforeAll(async () => {
  h = await startHarness('reg_badinput');
  a = await actorsFor(h);
  draft = await driveTo(h, a, 'draft');
  submitted = await driveTo(h, await actorsFor(h), 'submitted');
  registered = await driveTo(h, await actorsFor(h), 'registered');
});
afterAll(async () => {
  await h?.close();
});

const counts = async () =>
  (
    await h.sql<{ t: string; n: string }>(
      `select 'app' t, count(*)::text n from registration_application union all select 'outbox', count(*)::text from hub_outbox union all select 'deadline', count(*)::text from registration_deadline
     union all select 'participant', count(*)::text from registration_participant union all select 'timer', count(*)::text from hub_timer union all select 'versions', coalesce(sum(version), 0)::text from registration_application`,
    )
  ).map((r) => `${r.t}=${r.n}`);

const fields = (res: { body: unknown }) => (problem(res).errors ?? []).map((e) => e.field);

describe('bad input: 400/422 problem+json naming the field, nothing half-written', () => {
  it('every endpoint answers malformed input with 400 naming the fields, and writes nothing', async () => {
    const before = await counts();
    const cases: Array<[string, () => Promise<{ status: number; body: { errors?: { field: string }[] }; headers: Record<string, string> }>, string[]]> = [
      [
        'create',
        () => h.http().post('/applications').set(auth(a.applicant)).send({ bin: '12345', language: 'de', kind: 'other' }),
        ['body.bin', 'body.language', 'body.kind', 'body.companyName', 'body.address'],
      ],
      ['edit: bad id', () => h.http().patch('/applications/not-a-uuid').set(auth(a.applicant)).send({ companyName: 'X' }), ['params.id']],
      [
        'edit: bad values',
        () =>
          h
            .http()
            .patch(`/applications/${draft}`)
            .set(auth(a.applicant))
            .send({
              taxCertificate: { issuedOn: '2026-02-30', debtTiyn: 0.5 },
              businessPlan: { team: { headcount: 1.5 } },
              eligibility: { hasBranches: 'no' },
            }),
        ['body.taxCertificate.issuedOn', 'body.taxCertificate.debtTiyn', 'body.businessPlan.team.headcount', 'body.eligibility.hasBranches'],
      ],
      ['edit: empty', () => h.http().patch(`/applications/${draft}`).set(auth(a.applicant)).send({}), ['body']],
      ['submit', () => h.http().post('/applications/123/submit').set(auth(a.applicant)), ['params.id']],
      ['resubmit', () => h.http().post(`/applications/${draft}/resubmit`).set(auth(a.applicant)).send({ answers: [] }), ['body.answers']],
      [
        'remarks',
        () =>
          h
            .http()
            .post(`/applications/${submitted}/remarks`)
            .set(auth(a.officer))
            .send({ remarks: [{ field: '', message: '' }] }),
        ['body.remarks.0.field', 'body.remarks.0.message'],
      ],
      [
        'vote',
        () =>
          h
            .http()
            .post(`/applications/${submitted}/votes`)
            .set(auth(a.member1))
            .send({ vote: 'maybe', grounds: ['bad'] }),
        ['body.vote', 'body.grounds.0'],
      ],
      [
        'decision',
        () =>
          h
            .http()
            .post(`/applications/${submitted}/decision`)
            .set(auth(a.secretary))
            .send({ decision: 'refuse', grounds: [{ ground: 'dislike' }] }),
        ['body.grounds.0.ground', 'body.grounds.0.reason'],
      ],
      [
        'contract',
        () => h.http().post(`/applications/${registered}/contract`).set(auth(a.officer)).send({ contractNumber: '', signedOn: '2026-13-01', termMonths: 0 }),
        ['body.contractNumber', 'body.signedOn', 'body.termMonths'],
      ],
      [
        'translation: bad body',
        () => h.http().post('/translation-tasks/018f0000-0000-7000-8000-000000000000/complete').set(auth(a.officer)).send({ targetLanguage: 'en' }),
        ['body.targetLanguage', 'body.documentId'],
      ],
      [
        'translation: bad id',
        () => h.http().post('/translation-tasks/zzz/complete').set(auth(a.officer)).send({ documentId: '018f0000-0000-7000-8000-000000000000' }),
        ['params.id'],
      ],
      ['registry', () => h.http().get('/registry?page=0&pageSize=1000&status=gone'), ['query.page', 'query.pageSize', 'query.status']],
      ['export', () => h.http().get('/registry/export?format=xml'), ['query.format']],
      ['verify', () => h.http().get('/registry/certificates/12345'), ['params.number']],
      ['deadlines', () => h.http().get('/deadlines?overdue=maybe&kind=lunch').set(auth(a.officer)), ['query.overdue', 'query.kind']],
      ['queue', () => h.http().get('/review-queue?overdue=1').set(auth(a.officer)), ['query.overdue']],
      ['list', () => h.http().get('/applications?status=sleeping&bin=1').set(auth(a.applicant)), ['query.status', 'query.bin']],
      ['get', () => h.http().get('/applications/42').set(auth(a.applicant)), ['params.id']],
      ['pdf', () => h.http().get('/applications/42/certificate.pdf').set(auth(a.applicant)), ['params.id']],
      ['notification', () => h.http().post('/applications/42/notification').set(auth(a.officer)), ['params.id']],
      ['listing', () => h.http().post('/applications/42/listing').set(auth(a.officer)), ['params.id']],
      ['certificate', () => h.http().post('/applications/42/certificate').set(auth(a.officer)), ['params.id']],
      ['send', () => h.http().post('/applications/42/send-to-commission').set(auth(a.officer)), ['params.id']],
      ['participant', () => h.http().get('/participants/abc').set(auth(a.applicant)), ['params.bin']],
      [
        'address',
        () => h.http().post(`/participants/${a.bin}/address`).set(auth(a.applicant)).send({ address: '' }),
        ['body.address', 'body.proofDocumentRef'],
      ],
      ['translations', () => h.http().get('/translation-tasks?status=lost').set(auth(a.officer)), ['query.status']],
      ['json', () => h.http().post('/applications').set(auth(a.applicant)).set('content-type', 'application/json').send('{"bin": '), ['body']],
    ];
    for (const [name, call, expected] of cases) {
      const res = await call();
      expect(res.status, name).toBe(400);
      expect(res.headers['content-type'], name).toMatch(/application\/problem\+json/);
      expect(fields(res), name).toEqual(expect.arrayContaining(expected));
    }
    expect(await counts()).toEqual(before);
  });

  it('well-formed but out-of-range input answers 422 naming the field, and writes nothing', async () => {
    const before = await counts();
    const future = await h.http().post(`/applications/${registered}/contract`).set(auth(a.officer)).send({ contractNumber: 'SC-9', signedOn: '2027-01-10' });
    expect(future.status).toBe(422);
    expect(fields(future)).toEqual(['signedOn']);
    const badBin = await h.http().post('/applications').set(auth(a.applicant)).send({ bin: '123456789012', companyName: 'X', address: 'Y', language: 'ru' });
    expect(badBin.status).toBe(422);
    expect(fields(badBin)).toEqual(['bin']);
    expect(await counts()).toEqual(before);
  });

  it('a failure in the middle of a command rolls the whole command back (aggregate, outbox, deadlines, timers)', async () => {
    const view = await h.http().get(`/applications/${registered}`).set(auth(a.officer));
    // A participant row holding the certificate number the command will draw next, written behind the command's back, makes its insert fail after the application row was updated.
    const [seq] = await h.sql<{ n: string }>(
      `select (case when is_called then last_value + 1 else last_value end)::text as n from registration_certificate_seq`,
    );
    await h.sql(
      `insert into registration_participant (id, bin, company_name, address, activity_types, registration_application_id, contract_number, contract_signed_on, term_start, term_end, certificate_number, valid_to, extensions, version, created_at, updated_at)
       values ('018f0000-0000-7000-8000-00000000abcd', ?, 'x', 'x', '[]', '018f0000-0000-7000-8000-00000000abcd', 'x', '2025-01-01', '2025-01-01', '2025-12-31', ?, '2025-12-31', '[]', 1, now(), now())`,
      [body(view).bin, `AH-2026-${seq!.n.padStart(5, '0')}`],
    );
    const before = await counts();
    const res = await h.http().post(`/applications/${registered}/contract`).set(auth(a.officer)).send({ contractNumber: 'SC-10', signedOn: '2026-11-16' });
    expect(res.status).toBe(409);
    expect(problem(res).code).toBe('duplicate'); // the unit of work maps every unique violation (ADR 0035 §6)
    const after = await h.http().get(`/applications/${registered}`).set(auth(a.officer));
    expect(body(after).status).toBe('registered');
    expect(body(after).contract).toBeNull();
    expect(await counts()).toEqual(before);
    await h.sql(`delete from registration_participant where id = '018f0000-0000-7000-8000-00000000abcd'`);
  });
});

describe('concurrency', () => {
  it('two officers acting on one application at once: one wins, the other gets 409 (optimistic lock or the state check, whichever meets it first), nothing half-written', async () => {
    const b = await actorsFor(h);
    const id = await driveTo(h, b, 'submitted');
    const before = await counts();
    const [x, y] = await Promise.all([
      h.http().post(`/applications/${id}/send-to-commission`).set(auth(b.officer)),
      h
        .http()
        .post(`/applications/${id}/remarks`)
        .set(auth(b.officer))
        .send({ remarks: [{ field: 'companyName', message: 'Use the registered name' }] }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const after = await h.http().get(`/applications/${id}`).set(auth(b.officer));
    expect(['with-commission', 'remarks-issued']).toContain(body(after).status);
    // exactly one command's effects: one more outbox event
    const outboxBefore = Number(before.find((c) => c.startsWith('outbox='))!.split('=')[1]);
    const outboxAfter = Number((await counts()).find((c) => c.startsWith('outbox='))!.split('=')[1]);
    expect(outboxAfter - outboxBefore).toBe(1);
  });
});

describe('one open application per company', () => {
  it('two concurrent drafts for one company: one is created, the other answers 409 (checked, and guaranteed by a unique index)', async () => {
    const b = await actorsFor(h);
    const draftBody = { bin: b.bin, companyName: 'Twin LLP', address: 'Astana', language: 'ru' };
    const results = await Promise.all([1, 2, 3].map(() => h.http().post('/applications').set(auth(b.applicant)).send(draftBody)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect((await h.sql<{ n: string }>(`select count(*)::text n from registration_application where bin = ?`, [b.bin]))[0]!.n).toBe('1');
  });
});

describe('confidentiality (F-35)', () => {
  it("F-35: an applicant cannot see or touch another company's application: 404, not 403", async () => {
    const other = await actorsFor(h);
    for (const res of [
      await h.http().get(`/applications/${draft}`).set(auth(other.applicant)),
      await h.http().patch(`/applications/${draft}`).set(auth(other.applicant)).send({ companyName: 'Hijack' }),
      await h.http().post(`/applications/${draft}/submit`).set(auth(other.applicant)),
      await h.http().get(`/applications/${registered}/certificate.pdf`).set(auth(other.applicant)),
    ]) {
      expect(res.status).toBe(404);
    }
    const list = await h.http().get('/applications').set(auth(other.applicant));
    expect(body<ApplicationPage>(list).items).toEqual([]);
    const mine = await h.http().get('/applications').set(auth(a.applicant));
    expect(body<ApplicationPage>(mine).items.map((i) => i.id)).toEqual([draft]);
    expect(body<ApplicationPage>(await h.http().get(`/applications?bin=${other.bin}`).set(auth(a.applicant))).total).toBe(0);
  });

  it('F-35: an applicant cannot start an application for a company it does not act for, nor use Fund or Commission endpoints', async () => {
    const other = await actorsFor(h);
    expect((await h.http().post('/applications').set(auth(a.applicant)).send({ bin: other.bin, companyName: 'X', address: 'Y', language: 'ru' })).status).toBe(
      403,
    );
    expect(
      (
        await h
          .http()
          .post(`/applications/${submitted}/remarks`)
          .set(auth(a.applicant))
          .send({ remarks: [{ field: 'companyName', message: 'x' }] })
      ).status,
    ).toBe(403);
    expect((await h.http().post(`/applications/${submitted}/votes`).set(auth(a.applicant)).send({ vote: 'register' })).status).toBe(403);
    expect((await h.http().get('/review-queue').set(auth(a.applicant))).status).toBe(403);
    expect((await h.http().get('/applications')).status).toBe(401);
  });

  it('F-35, F-19: the public registry and its exports carry only the public fields, never the business plan', async () => {
    const b = await actorsFor(h);
    await driveTo(h, b, 'listed', { companyName: 'Public Face LLP' });
    const page = await h.http().get('/registry');
    expect(body<RegistryPage>(page).total).toBeGreaterThanOrEqual(1);
    for (const item of body<RegistryPage>(page).items)
      expect(Object.keys(item).sort()).toEqual([
        'activityTypes',
        'bin',
        'certificateNumber',
        'companyName',
        'extensions',
        'listedOn',
        'status',
        'termination',
        'validFrom',
        'validTo',
      ]);
    const plan = completeDraft().businessPlan;
    for (const text of [
      (await h.http().get('/registry')).text,
      (await h.http().get('/registry/export?format=json')).text,
      (await h.http().get('/registry/export?format=csv')).text,
    ]) {
      expect(text).toContain('Public Face LLP');
      for (const secret of [
        plan.projects[0]!.technicalDescription,
        plan.clients,
        plan.costEstimate.breakdown,
        'businessPlan',
        'taxCertificate',
        'contractNumber',
        `SC-${b.bin}`,
      ])
        expect(text).not.toContain(secret);
    }
  });
});
