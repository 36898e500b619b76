import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kzCalendar } from '@hub/calendar';
import { aCompany, anIin } from '@hub/testing';
import { type Harness, auth, deliver, json, newBin, participationStarted, participationTerminated, poller, startHarness } from '../support/services-harness.js';

let h: Harness;
let officer: string;
let serviceId: string;
let callId: string;
const PUBLISHED = '2026-11-16T04:00:00Z'; // Monday, 09:00 Almaty
const INTAKE = '2026-12-16T04:00:00Z';

beforeAll(async () => {
  h = await startHarness('services_int');
  officer = await h.token(['fund-officer']);
  const s = await h
    .http()
    .post('/services')
    .set(auth(officer))
    .send({
      code: 'accel-int',
      title: 'Acceleration',
      direction: 'acceleration',
      eligibility: 'anyone',
      requiredSections: { readiness: true, team: false, pitch: true },
      delivery: 'fund',
    });
  expect(s.status).toBe(201);
  serviceId = json<{ id: string }>(s).id;
  expect(
    (
      await h
        .http()
        .post(`/services/${serviceId}/prices`)
        .set(auth(officer))
        .send({ effectiveFrom: '2026-01-01', participantPriceTiyn: 10_000_00, nonParticipantPriceTiyn: 30_000_00, documentRef: 'Order 1' })
    ).status,
  ).toBe(201);
  const c = await h
    .http()
    .post('/calls')
    .set(auth(officer))
    .send(aCall({ intakeOpensOn: '2026-12-16' }));
  expect(c.status).toBe(201);
  callId = json<{ id: string }>(c).id;
});
afterAll(async () => {
  await h?.close();
});

function aCall(o: Record<string, unknown> = {}) {
  return {
    serviceId,
    title: 'Acceleration, winter intake',
    contractConditions: 'Conditions for concluding a contract',
    draftContract: { serviceConditions: 'Twelve weeks', paymentOrder: 'Before start', paymentAmount: 'Per the price list' },
    intakeOpensOn: '2026-12-16',
    intakeClosesOn: '2026-12-31',
    ...o,
  };
}
const content = {
  project: { name: 'Steppe AI', direction: 'ML', summary: 'Crop forecasts', expectedResults: 'A pilot' },
  contacts: { phone: '+7 701 000 0000', email: 'a@example.kz', city: 'Astana', country: 'Kazakhstan' },
  readiness: { stage: 'MVP', technologies: 'Python', problem: 'Yield', businessModel: 'SaaS', lifetime: '5 years' },
  pitchUrl: 'https://example.kz/pitch',
};
const count = async (table: string) => Number((await h.sql<{ n: string }>(`select count(*)::text as n from ${table}`))[0]?.n);
const counts = async () => [await count('services_application'), await count('hub_outbox'), await count('hub_timer')];
const file = async (bin: string, body: Record<string, unknown> = {}) =>
  h
    .http()
    .post('/service-applications')
    .set(auth(await h.token(['applicant'], [bin])))
    .send({ callId, recipient: { kind: 'legal-entity', bin }, language: 'ru', declarationAccepted: true, content, ...body });

describe('calls (F-55) on the real database', () => {
  it('F-55: an intake opening less than a calendar month after publication is refused, nothing stored', async () => {
    const before = await count('services_call');
    const res = await h
      .http()
      .post('/calls')
      .set(auth(officer))
      .send(aCall({ intakeOpensOn: '2026-12-15' }));
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('F-55');
    expect(await count('services_call')).toBe(before);
  });
  it('the call is public with its conditions and draft contract; the review length defaults from data (ADR 0061)', async () => {
    const res = await h.http().get(`/calls/${callId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ publishedOn: '2026-11-16', reviewWorkingDays: 10, draftContract: { paymentOrder: 'Before start' } });
  });
  it('a second price entry for the same day is 409, nothing stored', async () => {
    const before = await count('services_price_list_entry');
    const res = await h
      .http()
      .post(`/services/${serviceId}/prices`)
      .set(auth(officer))
      .send({ effectiveFrom: '2026-01-01', participantPriceTiyn: 1, nonParticipantPriceTiyn: 2, documentRef: 'Order 2' });
    expect(res.status).toBe(409);
    expect(await count('services_price_list_entry')).toBe(before);
  });
});

describe('service applications (F-47 … F-56) on the real database', () => {
  it('F-47: before intake opens and after it closes the filing is refused and nothing is stored', async () => {
    h.clock.set(PUBLISHED);
    const before = await counts();
    const early = await file(newBin());
    expect(early.status).toBe(422);
    expect(JSON.stringify(early.body)).toContain('F-47');
    h.clock.set('2026-12-31T19:00:01Z'); // 1 January 2027, 00:00:01 in Almaty
    const late = await file(newBin());
    expect(late.status).toBe(422);
    expect(JSON.stringify(late.body)).toContain('F-47');
    expect(await counts()).toEqual(before);
  });

  it('bad input: F-48 missing section, F-50 no declaration, malformed body — refused and row counts unchanged', async () => {
    h.clock.set(INTAKE);
    const before = await counts();
    const noPitch = await file(newBin(), { content: { ...content, pitchUrl: null } });
    expect(noPitch.status).toBe(422);
    expect(JSON.stringify(noPitch.body)).toContain('F-48');
    const noDeclaration = await file(newBin(), { declarationAccepted: false });
    expect(noDeclaration.status).toBe(422);
    expect(JSON.stringify(noDeclaration.body)).toContain('F-50');
    expect((await file(newBin(), { content: { ...content, contacts: { ...content.contacts, email: 'not-an-email' } } })).status).toBe(400);
    const badIin = await file(newBin(), { recipient: { kind: 'individual', iin: '123456789012' } }); // twelve digits, wrong check digit
    expect(badIin.status).toBe(422);
    expect(JSON.stringify(badIin.body)).toContain('recipient.iin');
    expect(await counts()).toEqual(before);
  });

  it('concurrent duplicates of one recipient for one call: one 201, the other 409; after a refusal it may apply again (F-54)', async () => {
    h.clock.set(INTAKE);
    const bin = newBin();
    const [a, b] = await Promise.all([file(bin), file(bin)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const [row] = await h.sql<{ n: string }>(`select count(*)::text as n from services_application where recipient_id = ?`, [bin]);
    expect(row?.n).toBe('1');
    const id = json<{ id: string }>(a.status === 201 ? a : b).id;
    const refused = await h
      .http()
      .post(`/service-applications/${id}/decision`)
      .set(auth(officer))
      .send({ outcome: 'refuse', ground: 'conditions-not-met', reasons: 'Condition 2 of the call is not met' });
    expect(refused.body).toMatchObject({ status: 'refused', refusalGround: 'conditions-not-met' });
    expect((await file(bin)).status).toBe(201);
  });

  it('participant and non-participant: remarks, resubmission, contract at their prices fixed at signing (F-52, F-56); events through the mapper', async () => {
    h.clock.set(INTAKE);
    const started = participationStarted();
    expect(await deliver(h, started)).toBe('handled');
    const participant = started.payload.bin;
    const other = aCompany().bin;
    const p = json<{ id: string; participantAtFiling: boolean; reviewDueOn: string }>(await file(participant));
    expect(p.participantAtFiling).toBe(true);
    const n = json<{ id: string }>(await file(other));
    for (const id of [p.id, n.id]) {
      const r = await h
        .http()
        .post(`/service-applications/${id}/remarks`)
        .set(auth(officer))
        .send({ remarks: [{ field: 'project.summary', message: 'Say more' }] });
      expect(r.body).toMatchObject({ status: 'remarks-issued' });
    }
    for (const [id, bin] of [
      [p.id, participant],
      [n.id, other],
    ] as const) {
      const r = await h
        .http()
        .post(`/service-applications/${id}/resubmission`)
        .set(auth(await h.token(['applicant'], [bin])))
        .send({ content: { ...content, project: { ...content.project, summary: 'Crop forecasts for two farms' } } });
      expect(r.body).toMatchObject({ status: 'under-review' });
      expect((await h.http().post(`/service-applications/${id}/decision`).set(auth(officer)).send({ outcome: 'conclude-contract' })).body).toMatchObject({
        status: 'approved',
      });
      expect((await h.http().post(`/service-applications/${id}/contract`).set(auth(officer)).send()).status).toBe(200);
    }
    // a later price entry does not touch signed contracts (F-56)
    await h
      .http()
      .post(`/services/${serviceId}/prices`)
      .set(auth(officer))
      .send({ effectiveFrom: '2026-12-17', participantPriceTiyn: 1, nonParticipantPriceTiyn: 2, documentRef: 'Order 3' });
    const pc = json<{ contract: { priceTiyn: number; priceBasis: string } }>(await h.http().get(`/service-applications/${p.id}`).set(auth(officer)));
    const nc = json<{ contract: { priceTiyn: number; priceBasis: string } }>(await h.http().get(`/service-applications/${n.id}`).set(auth(officer)));
    expect(pc.contract).toMatchObject({ priceTiyn: 10_000_00, priceBasis: 'participant' });
    expect(nc.contract).toMatchObject({ priceTiyn: 30_000_00, priceBasis: 'non-participant' });
    const events = await h.sql<{ event_type: string; message_key: string }>(
      `select event_type, message_key from hub_outbox where envelope->>'aggregateId' = ? order by position`,
      [p.id],
    );
    expect(events).toEqual(
      ['services.application-filed', 'services.application-remarks-issued', 'services.application-decision-made', 'services.contract-signed'].map((t) => ({
        event_type: t,
        message_key: participant,
      })),
    );
  });

  it('after participation-terminated the participant price no longer applies (read model, ADR 0062)', async () => {
    h.clock.set(INTAKE);
    const started = participationStarted();
    await deliver(h, started);
    await deliver(h, participationTerminated(started.payload, '2026-12-16'), '1');
    const a = json<{ id: string; participantAtFiling: boolean }>(await file(started.payload.bin));
    expect(a.participantAtFiling).toBe(false);
    await h.http().post(`/service-applications/${a.id}/decision`).set(auth(officer)).send({ outcome: 'conclude-contract' });
    const signed = json<{ contract: { priceBasis: string } }>(await h.http().post(`/service-applications/${a.id}/contract`).set(auth(officer)).send());
    expect(signed.contract.priceBasis).toBe('non-participant');
  });

  it('an individual (IIN) applies; another applicant cannot see it', async () => {
    h.clock.set(INTAKE);
    const me = await h.token(['applicant'], [], 'person-1');
    const res = await h
      .http()
      .post('/service-applications')
      .set(auth(me))
      .send({ callId, recipient: { kind: 'individual', iin: anIin() }, language: 'en', declarationAccepted: true, content });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ recipientKind: 'individual', translationRequired: true });
    const stranger = await h.token(['applicant'], [], 'person-2');
    expect(
      (
        await h
          .http()
          .get(`/service-applications/${json<{ id: string }>(res).id}`)
          .set(auth(stranger))
      ).status,
    ).toBe(404);

    // F-52, ADR 0107: remarks to an individual name the person who filed (the portal subject, never the IIN) for notifications
    const id = json<{ id: string }>(res).id;
    const remarked = await h
      .http()
      .post(`/service-applications/${id}/remarks`)
      .set(auth(officer))
      .send({ remarks: [{ field: 'project.summary', message: 'Say more' }] });
    expect(remarked.body).toMatchObject({ status: 'remarks-issued' });
    const [row] = await h.sql<{ payload: Record<string, unknown> | string }>(
      `select envelope->'payload' as payload from hub_outbox where envelope->>'aggregateId' = ? and event_type = 'services.application-remarks-issued'`,
      [id],
    );
    const remarks = { payload: (typeof row!.payload === 'string' ? JSON.parse(row!.payload) : row!.payload) as Record<string, unknown> };
    expect(remarks.payload).toMatchObject({ recipientKind: 'individual', filedBy: 'person-1', fields: ['project.summary'] });
    expect(Object.keys(remarks.payload).sort()).toEqual(['applicationId', 'fields', 'filedBy', 'issuedAt', 'recipientId', 'recipientKind']);
  });

  it('F-49 (as F-10): the Fund records the Kazakh or Russian translation of an English application — listed as open until then, once only, never for a kk/ru one', async () => {
    h.clock.set(INTAKE);
    const bin = newBin();
    const filed = await h
      .http()
      .post('/service-applications')
      .set(auth(await h.token(['applicant'], [bin])))
      .send({ callId, recipient: { kind: 'legal-entity', bin }, language: 'en', declarationAccepted: true, content });
    expect(filed.status).toBe(201);
    const en = json<{ id: string; translationRequired: boolean; translation: unknown }>(filed);
    expect(en).toMatchObject({ translationRequired: true, translation: null });
    const ru = json<{ id: string }>(await file(newBin()));
    const ids = async (q: string) => json<{ id: string }[]>(await h.http().get(`/service-applications?${q}`).set(auth(officer))).map((a) => a.id);
    expect(await ids('translation=open')).toContain(en.id);
    expect(await ids('translation=open')).not.toContain(ru.id);
    const translate = (id: string, body: object, token = officer) => h.http().post(`/service-applications/${id}/translation`).set(auth(token)).send(body);
    const notEnglish = await translate(ru.id, { targetLanguage: 'kk', documentRef: 'TR-2026-001' });
    expect(notEnglish.status).toBe(422);
    expect(notEnglish.body).toMatchObject({ code: 'rule.F-49' });
    expect(JSON.stringify(notEnglish.body)).toContain('targetLanguage');
    const badLanguage = await translate(en.id, { targetLanguage: 'en', documentRef: 'TR-2026-001' });
    expect(badLanguage.status).toBe(400);
    expect(JSON.stringify(badLanguage.body)).toContain('targetLanguage');
    expect((await translate(en.id, { targetLanguage: 'ru', documentRef: 'TR-2026-001' }, await h.token(['applicant'], [bin]))).status).toBe(403);
    expect(await h.sql(`select 1 from services_application where translation_language is not null and id in (?, ?)`, [en.id, ru.id])).toHaveLength(0);
    const done = await translate(en.id, { targetLanguage: 'ru', documentRef: 'TR-2026-001' });
    expect(done.status).toBe(200);
    expect(json<{ translation: { language: string; documentRef: string } }>(done).translation).toMatchObject({ language: 'ru', documentRef: 'TR-2026-001' });
    expect(await ids('translation=open')).not.toContain(en.id);
    expect(await ids('translation=done')).toContain(en.id);
    expect((await translate(en.id, { targetLanguage: 'kk', documentRef: 'TR-2026-002' })).status).toBe(409);
    const [row] = await h.sql<{ translation_language: string; translation_document_ref: string }>(
      `select translation_language, translation_document_ref from services_application where id = ?`,
      [en.id],
    );
    expect(row).toEqual({ translation_language: 'ru', translation_document_ref: 'TR-2026-001' });
  });

  it('the durable working-day review timer marks an application still under review overdue at the end of its due day', async () => {
    h.clock.set(INTAKE);
    const a = json<{ id: string; reviewDueOn: string }>(await file(newBin()));
    h.clock.set(new Date(Date.parse(`${a.reviewDueOn}T19:00:01Z`)).toISOString()); // just after 23:59:59 on the due day in Almaty
    await poller(h).runDue();
    expect(json<{ reviewOverdue: boolean }>(await h.http().get(`/service-applications/${a.id}`).set(auth(officer))).reviewOverdue).toBe(true);
  });
});

describe('GET /deadlines (ADR 0033) on the real database', () => {
  it('F-51, ADR 0061: an application under review is on the board with its working-day due date; overdue after it; gone once the Fund sends remarks; an applicant sees only its own', async () => {
    h.clock.set(INTAKE);
    const bin = newBin();
    const filed = await file(bin);
    expect(filed.status).toBe(201);
    const a = json<{ id: string; reviewDueOn: string }>(filed);
    // 16 December 2026 (Wednesday, Independence Day) + 10 RK working days on the calendar of @hub/calendar
    expect(a.reviewDueOn).toBe(kzCalendar().addWorkingDays('2026-12-16', 10));
    const board = async (token: string) => {
      const res = await h.http().get('/deadlines').set(auth(token));
      expect(res.status).toBe(200);
      // ADR 0047: one page of the contract; this test's deadlines fit the first.
      return json<{ items: { subjectId: string; dueDate: string; overdue: boolean; bin?: string; kind: string; ruleId: string; status: string }[] }>(res).items;
    };
    expect((await board(officer)).find((d) => d.subjectId === a.id)).toEqual(
      expect.objectContaining({ kind: 'service-application-review', ruleId: 'F-51', dueDate: a.reviewDueOn, overdue: false, bin, status: 'open' }),
    );
    expect((await board(await h.token(['applicant'], [bin]))).map((d) => d.subjectId)).toEqual([a.id]);
    expect((await board(await h.token(['applicant'], [newBin()]))).find((d) => d.subjectId === a.id)).toBeUndefined();
    h.clock.set(new Date(Date.parse(`${a.reviewDueOn}T19:00:01Z`)).toISOString()); // the day after the due day in Almaty
    expect((await board(officer)).find((d) => d.subjectId === a.id)?.overdue).toBe(true);
    h.clock.set(INTAKE);
    expect(
      (
        await h
          .http()
          .post(`/service-applications/${a.id}/remarks`)
          .set(auth(officer))
          .send({ remarks: [{ field: 'project.summary', message: 'Too short' }] })
      ).status,
    ).toBe(200);
    expect((await board(officer)).find((d) => d.subjectId === a.id)).toBeUndefined();
    expect((await h.http().get('/deadlines')).status).toBe(401);
  });
});
