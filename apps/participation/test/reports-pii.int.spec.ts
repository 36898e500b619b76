import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@hub/messaging';
import { uuidv7 } from '@hub/kernel';
import { createTestDatabase } from '@hub/testing';
import { participationOrmConfig } from '../src/mikro-orm.config.js';
import { AesGcmPiiCipher } from '@hub/pii';
import { reencryptPiiColumns } from '@hub/pii/reencryption';
import { PARTICIPATION_PII_COLUMNS, backfillEngagedPersonLatin } from '../src/reporting/infrastructure/pii-reencryption.js';
import { Harness, PII_KEY_1, PII_KEY_2, body, list } from './support/harness.js';

// Distinctive personal values, so that any leak into logs, events or errors is found by search.
const ENGAGED = {
  fullName: 'Зарина Ксенофонтова',
  fullNameLatin: 'Zarina Ksenofontova',
  dateOfBirth: '1988-07-14',
  status: 'foreign-citizen',
  citizenship: 'Uzbekistan',
  countryOfPermanentResidence: 'Uzbekistan',
  passport: { number: 'FA7781234', issuedOn: '2021-05-05', issuedBy: 'Tashkent passport office 12' },
  expectedStayFrom: '2026-01',
  expectedStayUntil: '2027-06',
  qualifications: 'PhD, machine learning',
  visaExtension: 'work visa extended to 2027-06-30',
  purposeOfStay: 'employment as lead engineer',
};
const FAMILY = {
  fullName: 'Тимур Ксенофонтов',
  fullNameLatin: 'Timur Ksenofontov',
  dateOfBirth: '2015-02-03',
  engagedPersonFullName: 'Зарина Ксенофонтова',
  engagedPersonFullNameLatin: 'Zarina Ksenofontova',
  kinship: 'son',
  kinshipDocuments: 'birth certificate I-TN 0044556',
  passport: { number: 'FA9912345', issuedOn: '2023-01-10', issuedBy: 'Tashkent passport office 12' },
  visaExtension: 'dependant visa to 2027-06-30',
  purposeOfStay: 'family reunion',
};
const SECRETS = ['Ксенофонт', 'Ksenofont', 'FA7781234', 'FA9912345', '1988-07-14', 'I-TN 0044556'];
const REPORT = {
  resultsAnalysis: 'Q1: the platform went to production; revenue grew 20 % against plan.',
  // ADR 0036: amounts in tiyn only; investments absent → 0.
  indicators: { revenueTiyn: 500_000_000, exportRevenueTiyn: 100_000_000, headcount: 10, residentHeadcount: 9, nonResidentHeadcount: 1 },
  nonResidents: { engaged: [ENGAGED], familyMembers: [FAMILY] },
};

describe('quarterly reports and F-42 personal data on the real database (F-37, F-39, F-41, F-42)', () => {
  let h: Harness;
  let a: { id: string; bin: string };
  let b: { id: string; bin: string };
  let reportId: string;

  beforeAll(async () => {
    h = await Harness.start({ prefix: 'part_pii', piiKeys: `k1:${PII_KEY_1},k2:${PII_KEY_2}`, activeKey: 'k1' });
    a = await h.register();
    b = await h.register();
    await h.at('2026-03-31T19:00:01.000Z');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('F-37, F-39: the quarter closing opens the report due on the 20th of the next month', async () => {
    const res = await h
      .http()
      .get(`/participations/${a.id}/quarterly-reports`)
      .set('authorization', `Bearer ${await h.applicant(a.bin)}`);
    expect(res.body).toEqual([expect.objectContaining({ year: 2026, quarter: 1, dueDate: '2026-04-20', status: 'due' })]);
    reportId = list(res)[0]!.id;
  });

  it('F-42: bad non-resident data gets 400 naming the field — and never echoes the personal value', async () => {
    const bad = {
      ...REPORT,
      nonResidents: {
        engaged: [{ ...ENGAGED, fullNameLatin: 'Зарина Ксенофонтова', passport: { ...ENGAGED.passport, number: 'FA 778#1234' } }],
        familyMembers: [],
      },
    };
    const res = await h
      .http()
      .post(`/participations/${a.id}/quarterly-reports/2026/1`)
      .set('authorization', `Bearer ${await h.applicant(a.bin)}`)
      .send(bad);
    expect(res.status).toBe(400);
    expect(
      body(res)
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['body.nonResidents.engaged.0.fullNameLatin', 'body.nonResidents.engaged.0.passport.number']);
    const text = JSON.stringify(res.body);
    for (const s of [...SECRETS, 'FA 778#1234']) expect(text).not.toContain(s);
    const mismatch = { ...REPORT, nonResidents: { engaged: [ENGAGED], familyMembers: [{ ...FAMILY, engagedPersonFullName: 'Ксенофонт Неизвестный' }] } };
    const res2 = await h
      .http()
      .post(`/participations/${a.id}/quarterly-reports/2026/1`)
      .set('authorization', `Bearer ${await h.applicant(a.bin)}`)
      .send(mismatch);
    expect(res2.status).toBe(422);
    expect(body(res2).errors[0]!.field).toBe('nonResidents.familyMembers.0.engagedPersonFullName');
    for (const s of SECRETS) expect(JSON.stringify(res2.body)).not.toContain(s);
    const { revenueTiyn: _tiyn, ...withoutTiyn } = REPORT.indicators;
    const kzt = await h
      .http()
      .post(`/participations/${a.id}/quarterly-reports/2026/1`)
      .set('authorization', `Bearer ${await h.applicant(a.bin)}`)
      .send({ ...REPORT, indicators: { ...withoutTiyn, revenueKzt: 5_000_000 } });
    expect(kzt.status).toBe(400); // ADR 0036: the KZT twin is gone — a KZT number is not an amount, revenueTiyn is missing
    expect(body(kzt).errors.map((e) => e.field)).toEqual(['body.indicators.revenueTiyn']);
  });

  it('F-37, F-42: the report is submitted; personal data is stored only as AES-256-GCM ciphertext with its key id', async () => {
    const res = await h
      .http()
      .post(`/participations/${a.id}/quarterly-reports/2026/1`)
      .set('authorization', `Bearer ${await h.applicant(a.bin)}`)
      .send(REPORT);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'submitted', nonResidentCount: 1, familyMemberCount: 1 });
    const [stored] = await sql<{ indicators: Record<string, unknown> }>(h.orm.em.fork(), 'select indicators from quarterly_report where id = ?', [reportId]);
    expect(stored!.indicators).toEqual({
      revenueTiyn: 500_000_000,
      exportRevenueTiyn: 100_000_000,
      investmentsAttractedTiyn: 0,
      headcount: 10,
      residentHeadcount: 9,
      nonResidentHeadcount: 1,
    }); // F-39 amounts in tiyn (ADR 0036)
    const rows = await sql<{ personal_data: string; key_id: string; kind: string }>(
      h.orm.em.fork(),
      'select personal_data, key_id, kind from non_resident_record where report_id = ? order by kind',
      [reportId],
    );
    expect(rows.map((r) => r.kind)).toEqual(['engaged', 'family-member']);
    for (const r of rows) {
      expect(r.key_id).toBe('k1');
      expect(r.personal_data).toMatch(/^pii1\.k1\./);
      for (const s of SECRETS) expect(r.personal_data).not.toContain(s);
    }
    // F-37, ADR 0105: the submission is published through the outbox — the quarter, not the report
    const submitted = (await h.outbox('participation.report-submitted')).map((e) => e.payload);
    expect(submitted.filter((e) => e.bin === a.bin)).toEqual([
      expect.objectContaining({ reportId, year: 2026, quarter: 1, dueDate: '2026-04-20', late: false }),
    ]);
    // nothing personal anywhere else in the database
    const dump = await sql<{ t: string }>(
      h.orm.em.fork(),
      `select (select coalesce(string_agg(q::text, ''), '') from quarterly_report q) || (select coalesce(string_agg(o.envelope::text, ''), '') from hub_outbox o) || (select coalesce(string_agg(t.payload::text, ''), '') from hub_timer t) as t`,
    );
    for (const s of SECRETS) expect(dump[0]!.t).not.toContain(s);
  });

  it("F-42: readable by the fund-officer and by the company's own applicant; every read is logged with who, company, what, when and correlation id", async () => {
    const officer = await h
      .http()
      .get(`/quarterly-reports/${reportId}/non-residents`)
      .set('authorization', `Bearer ${h.tokens.officer}`)
      .set('x-correlation-id', 'corr-pii-1');
    expect(officer.status).toBe(200);
    expect(officer.body).toEqual({ engaged: [ENGAGED], familyMembers: [FAMILY] });
    const own = await h
      .http()
      .get(`/quarterly-reports/${reportId}/non-residents`)
      .set('authorization', `Bearer ${await h.applicant(a.bin, 'own-applicant')}`);
    expect(own.status).toBe(200);
    const log = await h.http().get(`/pii-access-log?bin=${a.bin}`).set('authorization', `Bearer ${h.tokens.auditor}`);
    expect(log.status).toBe(200);
    expect(log.body).toHaveLength(2);
    expect(
      list(log)
        .map((l) => l.actorSubject)
        .sort(),
    ).toEqual(['officer-1', 'own-applicant']);
    const officerRead = list(log).find((l) => l.actorSubject === 'officer-1');
    expect(officerRead).toMatchObject({ bin: a.bin, reportId, correlationId: 'corr-pii-1', actorRoles: ['fund-officer'] });
    expect(officerRead!.what).toMatch(/2026-Q1/);
  });

  it("F-42: denied (and not logged) for another company's applicant and for staff roles that do not need it", async () => {
    // F-35, ADR 0141: another company's applicant gets the 404 of an unknown report; the roles that may never read it, 403
    const other = await h
      .http()
      .get(`/quarterly-reports/${reportId}/non-residents`)
      .set('authorization', `Bearer ${await h.applicant(b.bin)}`);
    const unknown = await h
      .http()
      .get(`/quarterly-reports/${uuidv7()}/non-residents`)
      .set('authorization', `Bearer ${await h.applicant(b.bin)}`);
    expect([other.status, unknown.status]).toEqual([404, 404]);
    expect(body(other).title).toBe(body(unknown).title);
    for (const token of [h.tokens.finance, h.tokens.analyst, h.tokens.auditor]) {
      const res = await h.http().get(`/quarterly-reports/${reportId}/non-residents`).set('authorization', `Bearer ${token}`);
      expect(res.status).toBe(403);
    }
    const rows = await sql(h.orm.em.fork(), 'select 1 from pii_access_log where report_id = ?', [reportId]);
    expect(rows).toHaveLength(2);
  });

  it("F-42: the engaged person's Latin name is kept (encrypted) on the family member's entry; records from before it are completed by the data migration", async () => {
    const cipher = new AesGcmPiiCipher(
      new Map([
        ['k1', Buffer.from(PII_KEY_1, 'base64')],
        ['k2', Buffer.from(PII_KEY_2, 'base64')],
      ]),
      'k1',
    );
    const [fam] = await sql<{ id: string; personal_data: string }>(
      h.orm.em.fork(),
      `select id, personal_data from non_resident_record where report_id = ? and kind = 'family-member'`,
      [reportId],
    );
    expect(fam!.personal_data).not.toContain('Zarina');
    expect((JSON.parse(cipher.decrypt(fam!.personal_data, fam!.id)) as Record<string, unknown>).engagedPersonFullNameLatin).toBe('Zarina Ksenofontova');
    // a record written before the field existed: without it
    const { engagedPersonFullNameLatin: _latin, ...legacy } = FAMILY;
    const old = cipher.encrypt(JSON.stringify(legacy), fam!.id);
    await sql(h.orm.em.fork(), 'update non_resident_record set personal_data = ?, key_id = ? where id = ?', [old, cipher.keyIdOf(old), fam!.id]);
    const read = await h.http().get(`/quarterly-reports/${reportId}/non-residents`).set('authorization', `Bearer ${h.tokens.officer}`);
    expect(read.status).toBe(200);
    expect((read.body as { familyMembers: unknown[] }).familyMembers).toEqual([FAMILY]); // upcast on read
    expect(await backfillEngagedPersonLatin(h.orm.em.fork(), cipher)).toBe(1);
    expect(await backfillEngagedPersonLatin(h.orm.em.fork(), cipher)).toBe(0); // idempotent
    const [after] = await sql<{ personal_data: string }>(h.orm.em.fork(), 'select personal_data from non_resident_record where id = ?', [fam!.id]);
    expect(JSON.parse(cipher.decrypt(after!.personal_data, fam!.id))).toEqual(FAMILY);
  });

  it('F-42: key rotation re-encrypts every record with the active key, and the data still reads the same', async () => {
    const rotated = new AesGcmPiiCipher(
      new Map([
        ['k1', Buffer.from(PII_KEY_1, 'base64')],
        ['k2', Buffer.from(PII_KEY_2, 'base64')],
      ]),
      'k2',
    );
    expect((await reencryptPiiColumns(h.orm.em.fork() as never, rotated, PARTICIPATION_PII_COLUMNS, 1)).moved).toBe(2); // a batch of one: the loop goes on
    const rows = await sql<{ key_id: string; personal_data: string; id: string }>(
      h.orm.em.fork(),
      'select id, key_id, personal_data from non_resident_record where report_id = ?',
      [reportId],
    );
    expect(rows.map((r) => r.key_id)).toEqual(['k2', 'k2']);
    const newOnly = new AesGcmPiiCipher(new Map([['k2', Buffer.from(PII_KEY_2, 'base64')]]), 'k2');
    expect(rows.map((r) => (JSON.parse(newOnly.decrypt(r.personal_data, r.id)) as { fullNameLatin: string }).fullNameLatin).sort()).toEqual([
      'Timur Ksenofontov',
      'Zarina Ksenofontova',
    ]);
    // the running app (ring k1,k2) still reads them
    const res = await h.http().get(`/quarterly-reports/${reportId}/non-residents`).set('authorization', `Bearer ${h.tokens.officer}`);
    expect((res.body as { engaged: { passport: { number: string } }[] }).engaged[0]!.passport.number).toBe('FA7781234');
    expect((await reencryptPiiColumns(h.orm.em.fork() as never, rotated, PARTICIPATION_PII_COLUMNS)).moved).toBe(0);
  });

  it('F-37, F-39, F-28(4): an unsubmitted report is overdue after the 20th and raises report-overdue', async () => {
    await h.at('2026-04-20T19:00:01.000Z');
    const events = (await h.outbox('participation.report-overdue')).map((e) => e.payload);
    expect(events.filter((e) => e.bin === b.bin)).toEqual([
      expect.objectContaining({ year: 2026, quarter: 1, dueDate: '2026-04-20', ground: 'reports-not-submitted' }),
    ]);
    expect(events.filter((e) => e.bin === a.bin)).toHaveLength(0);
    const overdue = await h.http().get('/quarterly-reports/overdue').set('authorization', `Bearer ${h.tokens.officer}`);
    expect(list(overdue).map((r) => r.bin)).toEqual([b.bin]);
  });

  it("F-40, F-41, F-35: after the report deadline the quarter's analytics on the projects' expediency are generated (timer) — conclusions per participant, no participant's figures — as CSV and a readable document", async () => {
    expect((await h.http().get('/analytics/quarterly/2026/1').set('authorization', `Bearer ${h.tokens.analyst}`)).status).toBe(404);
    const concluded = await h.http().post(`/participations/${a.id}/monitoring-conclusions`).set('authorization', `Bearer ${h.tokens.officer}`).send({
      project: 'AI platform',
      periodFrom: '2026-03-02',
      periodTo: '2026-03-31',
      conclusion: 'expedient',
      reasoning: 'The business plan’s milestones of March were met',
    });
    expect(concluded.status).toBe(201);
    await h.at('2026-04-20T20:00:01.000Z'); // 01:00 on 21 April in Almaty
    const meta = await h.http().get('/analytics/quarterly/2026/1').set('authorization', `Bearer ${h.tokens.analyst}`);
    expect(meta.status).toBe(200);
    expect(meta.body).toMatchObject({ year: 2026, quarter: 1, dueDate: '2026-04-30', participants: 2 });
    expect((body(meta).generatedAt as string) <= '2026-04-30T19:00:00.000Z').toBe(true);
    const csv = await h.http().get('/analytics/quarterly/2026/1/report.csv').set('authorization', `Bearer ${h.tokens.analyst}`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('bin,companyName,activityTypeCodes,status,termStart,termEnd,reportStatus,expediency,projectConclusions');
    expect(lines.find((l) => l.startsWith(a.bin))).toMatch(/,submitted,expedient,AI platform: expedient \(2026-03-02\.\.2026-03-31\)$/);
    expect(lines.find((l) => l.startsWith(b.bin))).toMatch(/,overdue,not-concluded,$/);
    const doc = await h.http().get('/analytics/quarterly/2026/1/report.md').set('authorization', `Bearer ${h.tokens.analyst}`);
    expect(doc.text).toContain('Quarterly reports submitted: 1 of 2');
    expect(doc.text).toContain('Projects concluded expedient: 1; not expedient: 0; not yet concluded: 1');
    // F-35: one submitted report — its revenue (5 000 000.00 KZT) and headcount must not reach the authorised body, not even as a "total".
    expect(doc.text).toContain('Reported figures: not shown — fewer than 3 quarterly reports contribute');
    for (const figure of ['5000000', '5,000,000', '1000000', '1,000,000']) expect(csv.text + doc.text).not.toContain(figure);
    for (const s of SECRETS) expect(csv.text + doc.text).not.toContain(s);
    expect(
      (
        await h
          .http()
          .get('/analytics/quarterly/2026/1/report.csv')
          .set('authorization', `Bearer ${await h.applicant(a.bin)}`)
      ).status,
    ).toBe(403);
  });

  it('F-42: no personal value ever reached the logs, the outbox or the timers', async () => {
    expect(h.logLines.length).toBeGreaterThan(0);
    const logs = h.logLines.join('');
    const events = JSON.stringify(await h.outbox());
    for (const s of SECRETS) {
      expect(logs).not.toContain(s);
      expect(events).not.toContain(s);
    }
  });
});

describe('ADR 0036: the report-indicators migration converts the KZT amounts exactly (F-39, F-41)', () => {
  it('F-39: revenueKzt / exportRevenueKzt / investmentsAttractedKzt in the indicators jsonb become …Tiyn integers digit for digit (absent investments → 0); down() restores them; finer than a tiyn aborts', async () => {
    const { clientUrl: _unused, ...orm } = participationOrmConfig('');
    const before = 'Migration20261201081500_analytics_report_version';
    const db = await createTestDatabase('part_indicators_money', { ...orm, migrate: async (o) => void (await o.migrator.up({ to: before })) });
    try {
      const em = db.orm.em.fork();
      const report = (id: string, indicators: string | null) =>
        sql(
          em,
          `insert into quarterly_report (id, participation_id, bin, year, quarter, due_date, status, submitted_at, results_analysis, indicators, non_resident_count, family_member_count, created_at, updated_at, version) values (?, ?, '190540000011', 2026, 1, '2026-04-20', ?, null, null, ?::jsonb, 0, 0, now(), now(), 1)`,
          [id, id, indicators ? 'submitted' : 'due', indicators],
        );
      await report(
        '01900000-0000-7000-8000-0000000000c1',
        '{"revenueKzt": 1234567.89, "exportRevenueKzt": 0.3, "headcount": 3, "residentHeadcount": 3, "nonResidentHeadcount": 0, "investmentsAttractedKzt": 9999999999999.99}',
      );
      await report(
        '01900000-0000-7000-8000-0000000000c2',
        '{"revenueKzt": 0.1, "exportRevenueKzt": 0, "headcount": 1, "residentHeadcount": 1, "nonResidentHeadcount": 0}',
      );
      await report('01900000-0000-7000-8000-0000000000c3', null);

      await db.orm.migrator.up();
      const after = await sql<{ indicators: Record<string, unknown> | null }>(em, 'select indicators from quarterly_report order by id');
      expect(after.map((r) => r.indicators)).toEqual([
        {
          revenueTiyn: 123_456_789,
          exportRevenueTiyn: 30,
          investmentsAttractedTiyn: 999_999_999_999_999,
          headcount: 3,
          residentHeadcount: 3,
          nonResidentHeadcount: 0,
        },
        { revenueTiyn: 10, exportRevenueTiyn: 0, investmentsAttractedTiyn: 0, headcount: 1, residentHeadcount: 1, nonResidentHeadcount: 0 },
        null,
      ]);

      await db.orm.migrator.down({ to: before });
      const back = await sql<{ r: string; e: string; i: string }>(
        em,
        `select indicators->>'revenueKzt' as r, indicators->>'exportRevenueKzt' as e, indicators->>'investmentsAttractedKzt' as i from quarterly_report where indicators is not null order by id`,
      );
      expect(back).toEqual([
        { r: '1234567.89', e: '0.30', i: '9999999999999.99' },
        { r: '0.10', e: '0.00', i: '0.00' },
      ]);

      await sql(
        em,
        `update quarterly_report set indicators = jsonb_set(indicators, '{revenueKzt}', '0.005') where id = '01900000-0000-7000-8000-0000000000c2'`,
      );
      await expect(db.orm.migrator.up()).rejects.toThrow(/finer than a tiyn/);
    } finally {
      await db.drop();
    }
  });
});
