import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@hub/messaging';
import { createTestDatabase } from '@hub/testing';
import { participationOrmConfig } from '../src/mikro-orm.config.js';
import { Harness, body, list } from './support/harness.js';

type OpenApi = { paths: Record<string, Record<string, Record<string, unknown>>> };

const file = { fileName: 'fno-100.pdf', mediaType: 'application/pdf', sizeBytes: 4096, sha256: 'd'.repeat(64) };

describe('counter-obligations and monitoring on the real database (F-32 … F-34, F-36, F-38, F-40)', () => {
  let h: Harness;
  let a: { id: string; bin: string };
  let b: { id: string; bin: string };

  beforeAll(async () => {
    h = await Harness.start({ prefix: 'part_obl' });
    a = await h.register();
    b = await h.register();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('F-32, F-38: a request is due in 10 WD and, once answered, never goes overdue', async () => {
    const req = await h
      .http()
      .post(`/participations/${a.id}/information-requests`)
      .set('authorization', `Bearer ${h.tokens.officer}`)
      .send({ kind: 'tax-declarations', description: 'Corporate income tax declaration for 2025' });
    expect(req.status).toBe(201);
    expect(req.body).toMatchObject({ requestedOn: '2026-03-02', dueDate: '2026-03-17', status: 'open' });
    const noFiles = await h
      .http()
      .post(`/information-requests/${body(req).id}/answer`)
      .set('authorization', `Bearer ${await h.applicant(a.bin)}`)
      .send({ note: 'here', attachments: [] });
    expect(noFiles.status).toBe(400);
    expect(body(noFiles).errors[0]!.field).toBe('body.attachments');
    expect(
      (
        await h
          .http()
          .post(`/information-requests/${body(req).id}/answer`)
          .set('authorization', `Bearer ${await h.applicant(b.bin)}`)
          .send({ attachments: [file] })
      ).status,
    ).toBe(404); // F-35, ADR 0141: another company's request is not disclosed
    const answered = await h
      .http()
      .post(`/information-requests/${body(req).id}/answer`)
      .set('authorization', `Bearer ${await h.applicant(a.bin)}`)
      .send({ note: 'attached', attachments: [file] });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', answeredOn: '2026-03-02' });
  });

  it('F-32, F-38: an unanswered request is overdue after its due date and raises deadline-missed; a late answer is marked late', async () => {
    const req = await h
      .http()
      .post(`/participations/${b.id}/information-requests`)
      .set('authorization', `Bearer ${h.tokens.officer}`)
      .send({ kind: 'additional-documents', description: 'Contracts with clients' });
    // ADR 0105: the request is published with its due day (the reminders' source) — not its description (F-35).
    const requested = (await h.outbox('participation.information-requested')).filter((e) => e.payload.requestId === body(req).id);
    expect(requested.map((e) => [e.key, e.payload.kind, e.payload.ruleIds, e.payload.dueDate])).toEqual([
      [b.bin, 'additional-documents', ['F-38'], '2026-03-17'],
    ]);
    expect(JSON.stringify(requested)).not.toContain('Contracts with clients');
    await h.at('2026-03-17T18:59:00.000Z');
    expect((await h.http().get(`/information-requests?status=overdue`).set('authorization', `Bearer ${h.tokens.officer}`)).body).toHaveLength(0);
    await h.at('2026-03-17T19:00:01.000Z');
    const overdue = await h.http().get(`/information-requests?status=overdue`).set('authorization', `Bearer ${h.tokens.officer}`);
    expect(list(overdue).map((r) => r.id)).toEqual([body(req).id]);
    const missed = (await h.outbox('participation.deadline-missed')).filter((e) => e.payload.obligationId === body(req).id);
    expect(missed).toHaveLength(1);
    expect(missed[0]).toMatchObject({ key: b.bin, payload: { obligation: 'information-request', dueDate: '2026-03-17', ruleIds: ['F-38'] } });
    const late = await h
      .http()
      .post(`/information-requests/${body(req).id}/answer`)
      .set('authorization', `Bearer ${await h.applicant(b.bin)}`)
      .send({ attachments: [file] });
    expect(body(late).status).toBe('answered-late');
    // the applicant sees only its own company's requests
    const own = await h
      .http()
      .get('/information-requests')
      .set('authorization', `Bearer ${await h.applicant(a.bin)}`);
    expect(list(own).every((r) => r.bin === a.bin)).toBe(true);
  });

  it('F-34: a re-registration notified after 10 WD is recorded as late, with its copies', async () => {
    const res = await h
      .http()
      .post(`/participations/${a.id}/corporate-notices`)
      .set('authorization', `Bearer ${await h.applicant(a.bin)}`)
      .send({ kind: 're-registration', eventDate: '2026-03-02', copies: [file] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ dueDate: '2026-03-17', onTime: false, filedOn: '2026-03-18' });
    const noCopies = await h
      .http()
      .post(`/participations/${a.id}/corporate-notices`)
      .set('authorization', `Bearer ${await h.applicant(a.bin)}`)
      .send({ kind: 'liquidation', eventDate: '2026-03-02', copies: [] });
    expect(noCopies.status).toBe(400);
    expect(body(noCopies).errors[0]!.field).toBe('body.copies');
  });

  it('F-36, F-40: a conclusion per project and period; "expedient" notifies nobody, "not expedient" publishes; a period not over is refused', async () => {
    const ok = await h
      .http()
      .post(`/participations/${a.id}/monitoring-conclusions`)
      .set('authorization', `Bearer ${h.tokens.officer}`)
      .send({ project: 'Mobile app', periodFrom: '2026-03-02', periodTo: '2026-03-15', conclusion: 'expedient', reasoning: 'On track with the plan.' });
    expect(ok.status).toBe(201);
    const dup = await h
      .http()
      .post(`/participations/${a.id}/monitoring-conclusions`)
      .set('authorization', `Bearer ${h.tokens.officer}`)
      .send({ project: 'Mobile app', periodFrom: '2026-03-02', periodTo: '2026-03-15', conclusion: 'not-expedient', reasoning: 'Changed our mind.' });
    expect(dup.status).toBe(409);
    const notOver = await h
      .http()
      .post(`/participations/${a.id}/monitoring-conclusions`)
      .set('authorization', `Bearer ${h.tokens.officer}`)
      .send({ project: 'Mobile app', periodFrom: '2026-03-16', periodTo: '2026-06-30', conclusion: 'expedient', reasoning: 'Too early to say.' });
    expect(notOver.status).toBe(422);
    expect(body(notOver).errors[0]!.field).toBe('periodTo');
    const no = await h
      .http()
      .post(`/participations/${a.id}/monitoring-conclusions`)
      .set('authorization', `Bearer ${h.tokens.officer}`)
      .send({ project: 'Web portal', periodFrom: '2026-03-02', periodTo: '2026-03-15', conclusion: 'not-expedient', reasoning: 'No market traction at all.' });
    expect(no.status).toBe(201);
    const events = (await h.outbox('participation.monitoring-not-expedient')).filter((e) => e.payload.participationId === a.id);
    expect(events.map((e) => e.payload.conclusionId)).toEqual([body(no).id]);
    expect(
      (
        await h
          .http()
          .post(`/participations/${a.id}/monitoring-conclusions`)
          .set('authorization', `Bearer ${await h.applicant(a.bin)}`)
          .send({ project: 'X', periodFrom: '2026-03-02', periodTo: '2026-03-15', conclusion: 'expedient', reasoning: 'self-assessment' })
      ).status,
    ).toBe(403);
  });

  it('F-33 (ADR 0052): an audit opinion not submitted before 1 July («1 шілдеге дейін»: 30 June is the last day) raises deadline-missed', async () => {
    await h.at('2026-04-01T00:00:00.000Z');
    await h
      .http()
      .post(`/participations/${b.id}/income-declarations`)
      .set('authorization', `Bearer ${h.tokens.finance}`)
      .send({ year: 2026, quarter: 1, incomeTiyn: 10_000_000_001 })
      .expect(201);
    const [owed] = list(await h.http().get('/audit-obligations?status=owed').set('authorization', `Bearer ${h.tokens.officer}`));
    expect(owed).toMatchObject({ bin: b.bin, dueDate: '2027-06-30' });
    // ADR 0105: the owed opinion is published with its due day, for the reminder.
    const owedFacts = (await h.outbox('participation.audit-opinion-owed')).filter((e) => e.payload.obligationId === owed!.id);
    expect(owedFacts.map((e) => [e.key, e.payload.financialYear, e.payload.dueDate])).toEqual([[b.bin, 2026, '2027-06-30']]);
    await h.at('2027-06-30T18:59:59.000Z'); // 30 June 23:59:59 in Almaty: still in time
    expect((await h.outbox('participation.deadline-missed')).filter((e) => e.payload.obligationId === owed!.id)).toHaveLength(0);
    await h.at('2027-06-30T19:00:01.000Z'); // 1 July in Almaty: late
    const missed = (await h.outbox('participation.deadline-missed')).filter((e) => e.payload.obligationId === owed!.id);
    expect(missed[0]?.payload).toMatchObject({ obligation: 'audit-opinion', ruleIds: ['F-33'] });
    expect(list(await h.http().get('/audit-obligations?status=overdue').set('authorization', `Bearer ${h.tokens.officer}`)).map((x) => x.id)).toEqual([
      owed!.id,
    ]);
  });

  it('serves an OpenAPI document generated from the zod schemas, with access rules', async () => {
    const res = await h.http().get('/openapi.json');
    expect(res.status).toBe(200);
    expect((res.body as OpenApi).paths['/participations/{id}/early-terminations']!.post!['x-hub-access']).toEqual(['applicant', 'fund-officer']);
    expect((res.body as OpenApi).paths['/quarterly-reports/{reportId}/non-residents']!.get!['x-hub-access']).toEqual(['fund-officer', 'applicant']);
  });
});

describe('ADR 0036: the audit-obligation money migration converts the existing KZT amounts exactly (F-33)', () => {
  it('F-33: numeric(18,2) declared income and threshold become bigint tiyn digit for digit; a value finer than a tiyn aborts; down() restores them', async () => {
    const { clientUrl: _unused, ...orm } = participationOrmConfig('');
    const before = 'Migration20261201071500_money_in_tiyn';
    const db = await createTestDatabase('part_audit_money', { ...orm, migrate: async (o) => void (await o.migrator.up({ to: before })) });
    try {
      const em = db.orm.em.fork();
      const audit = (id: string, year: number, income: string, threshold: string) =>
        sql(
          em,
          `insert into audit_obligation (id, participation_id, bin, financial_year, declared_income_kzt, threshold_kzt, due_date, status, submitted_on, opinion, created_at, version) values (?, ?, '190540000011', ?, ?, ?, '2027-07-01', 'owed', null, null, now(), 1)`,
          [id, id, year, income, threshold],
        );
      await audit('01900000-0000-7000-8000-0000000000b1', 2026, '100000000.01', '100000000.00');
      await audit('01900000-0000-7000-8000-0000000000b2', 2027, '1234567890123.45', '0.30');

      await db.orm.migrator.up();
      expect(await sql(em, `select declared_income_tiyn::text as income, threshold_tiyn::text as threshold from audit_obligation order by id`)).toEqual([
        { income: '10000000001', threshold: '10000000000' },
        { income: '123456789012345', threshold: '30' },
      ]);
      const types = await sql<{ column_name: string; data_type: string }>(
        em,
        `select column_name, data_type from information_schema.columns where table_name = 'audit_obligation' and column_name like '%_tiyn' order by column_name`,
      );
      expect(types).toEqual([
        { column_name: 'declared_income_tiyn', data_type: 'bigint' },
        { column_name: 'threshold_tiyn', data_type: 'bigint' },
      ]);

      await db.orm.migrator.down({ to: before });
      expect(await sql(em, `select declared_income_kzt::text as income, threshold_kzt::text as threshold from audit_obligation order by id`)).toEqual([
        { income: '100000000.01', threshold: '100000000.00' },
        { income: '1234567890123.45', threshold: '0.30' },
      ]);

      // numeric(18,2) cannot hold a third decimal, but a hand-widened column could: the guard refuses instead of rounding.
      await sql(em, `alter table audit_obligation alter column declared_income_kzt type numeric(18,3)`);
      await sql(em, `update audit_obligation set declared_income_kzt = 0.005 where financial_year = 2027`);
      await expect(db.orm.migrator.up()).rejects.toThrow(/finer than a tiyn/);
    } finally {
      await db.drop();
    }
  });
});
