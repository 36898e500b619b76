import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@hub/messaging';
import { Harness, list } from './support/harness.js';

// F-42 (ADR 0119): the non-residents' personal data of a report is deleted when its retention ends.
const ENGAGED = {
  fullName: 'Равшан Ёқубов',
  fullNameLatin: 'Ravshan Yokubov',
  dateOfBirth: '1990-03-02',
  status: 'foreign-citizen',
  citizenship: 'Uzbekistan',
  countryOfPermanentResidence: 'Uzbekistan',
  passport: { number: 'FA1234567', issuedOn: '2022-02-02', issuedBy: 'Samarkand passport office 3' },
  expectedStayFrom: '2026-01',
  expectedStayUntil: '2027-01',
  qualifications: 'MSc, distributed systems',
  visaExtension: 'work visa to 2027-01-31',
  purposeOfStay: 'employment as engineer',
};
const indicators = { revenueTiyn: 100_000_000, exportRevenueTiyn: 0, headcount: 5, residentHeadcount: 4, nonResidentHeadcount: 1 };

describe('F-42 retention of the non-residents’ personal data (ADR 0119)', () => {
  let h: Harness;
  let a: { id: string; bin: string };
  let b: { id: string; bin: string };
  let withPeople: string;
  let withoutPeople: string;

  beforeAll(async () => {
    h = await Harness.start({ prefix: 'part_f42ret' });
    a = await h.register();
    b = await h.register();
    await h.at('2026-03-31T19:00:01.000Z'); // Q1 closed in Almaty: the reports open
    const reportOf = async (p: { id: string; bin: string }) =>
      list(
        await h
          .http()
          .get(`/participations/${p.id}/quarterly-reports`)
          .set('authorization', `Bearer ${await h.applicant(p.bin)}`),
      )[0]!.id;
    withPeople = await reportOf(a);
    withoutPeople = await reportOf(b);
    const submit = async (p: { id: string; bin: string }, nonResidents: unknown, ind: unknown) =>
      h
        .http()
        .post(`/participations/${p.id}/quarterly-reports/2026/1`)
        .set('authorization', `Bearer ${await h.applicant(p.bin)}`)
        .send({ resultsAnalysis: 'Q1 results against plan.', indicators: ind, nonResidents });
    expect((await submit(a, { engaged: [ENGAGED], familyMembers: [] }, indicators)).status).toBe(200);
    expect((await submit(b, { engaged: [], familyMembers: [] }, { ...indicators, residentHeadcount: 5, nonResidentHeadcount: 0 })).status).toBe(200);
  });
  afterAll(async () => {
    await h?.close();
  });

  const timers = (key: string) =>
    sql<{ due_at: string | Date; status: string }>(
      h.orm.em.fork(),
      `select due_at, status from hub_timer where kind = 'participation.f42-retention-ended' and timer_key = ?`,
      [key],
    );

  it('a report listing non-residents is kept until 31 December of its year + 5 (reference data): the timer is due at the start of 1 January 2032 in Almaty; a report listing none has no timer', async () => {
    const [t] = await timers(withPeople);
    expect(t?.status).toBe('scheduled');
    expect(new Date(t!.due_at).toISOString()).toBe('2031-12-31T19:00:00.000Z'); // 2032-01-01T00:00 Asia/Almaty (UTC+5)
    expect(await timers(withoutPeople)).toEqual([]);
  });

  it('before the end nothing is deleted; at the end the records go, the report keeps its counts and the day, the deletion is in the access log, a read says why (409)', async () => {
    await h.at('2031-12-31T18:59:59.000Z');
    const count = async () =>
      (await sql<{ n: string }>(h.orm.em.fork(), 'select count(*) as n from non_resident_record where report_id = ?', [withPeople]))[0]!.n;
    expect(await count()).toBe('1');

    await h.at('2031-12-31T19:00:01.000Z');
    expect(await count()).toBe('0');
    const [report] = await sql<{ personal_data_purged_on: string; non_resident_count: number }>(
      h.orm.em.fork(),
      `select to_char(personal_data_purged_on, 'YYYY-MM-DD') as personal_data_purged_on, non_resident_count from quarterly_report where id = ?`,
      [withPeople],
    );
    expect(report).toEqual({ personal_data_purged_on: '2032-01-01', non_resident_count: 1 });
    expect((await timers(withPeople))[0]?.status).toBe('fired');

    const read = await h.http().get(`/quarterly-reports/${withPeople}/non-residents`).set('authorization', `Bearer ${h.tokens.officer}`);
    expect(read.status).toBe(409);
    expect(read.body).toMatchObject({ code: 'quarterly-report.personal-data-purged', purgedOn: '2032-01-01' });
    expect(JSON.stringify(read.body)).not.toContain('Yokubov');

    const log = await h.http().get(`/pii-access-log?bin=${a.bin}`).set('authorization', `Bearer ${h.tokens.auditor}`);
    expect(log.status).toBe(200);
    expect(list(log)).toEqual([
      expect.objectContaining({
        actorSubject: 'service:participation',
        reportId: withPeople,
        what: expect.stringContaining('1 personal record(s) of quarterly report 2026-Q1 deleted') as unknown,
      }),
    ]);
  });
});
