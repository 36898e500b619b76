import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, body, list } from './support/harness.js';

describe('F-33 audit duty on the real database (ADR 0052)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await Harness.start({ prefix: 'part_audit', clockStart: '2026-10-01T04:00:00.000Z' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('F-33: the duty follows the annual income of the full year declared, not the quarters inside the participation; 30 June is the last day', async () => {
    const c = await h.register({ termStart: '2026-10-01', termEnd: '2027-09-30' });
    const applicant = await h.applicant(c.bin);
    await h.at('2027-01-05T04:00:00.000Z'); // 2026-Q4 closed: its fee is open
    const q4 = await h
      .http()
      .post(`/participations/${c.id}/income-declarations`)
      .set('authorization', `Bearer ${applicant}`)
      .send({ year: 2026, quarter: 4, incomeTiyn: 4_000_000_000 }); // 40 000 000 KZT in the one quarter of participation
    expect(q4.status, JSON.stringify(q4.body)).toBe(201);
    const audits = async () =>
      list(await h.http().get('/audit-obligations?year=2026').set('authorization', `Bearer ${h.tokens.officer}`)).filter((a) => a.bin === c.bin);
    expect(await audits()).toHaveLength(0);

    // the company's whole 2026 (all four quarters of its business): 150 000 000 KZT — above the threshold
    const annual = await h
      .http()
      .post(`/participations/${c.id}/annual-income`)
      .set('authorization', `Bearer ${applicant}`)
      .send({ year: 2026, incomeTiyn: 15_000_000_000 });
    expect(annual.status, JSON.stringify(annual.body)).toBe(200);
    expect(body(annual)).toMatchObject({
      financialYear: 2026,
      incomeTiyn: 15_000_000_000,
      declaredOn: '2027-01-05',
      auditObligation: { financialYear: 2026, declaredIncomeTiyn: 15_000_000_000, thresholdTiyn: 10_000_000_000, dueDate: '2027-06-30', status: 'owed' },
    });
    expect(await audits()).toHaveLength(1);
    // issue #11: one participation's audits (the staff console's participant page)
    const other = await h.register({ termStart: '2026-10-01', termEnd: '2027-09-30' });
    const ofParticipation = async (id: string) =>
      list(await h.http().get(`/audit-obligations?participationId=${id}`).set('authorization', `Bearer ${h.tokens.officer}`)).map((a) => [
        a.participationId,
        a.financialYear,
      ]);
    expect(await ofParticipation(c.id)).toEqual([[c.id, 2026]]);
    expect(await ofParticipation(other.id)).toEqual([]);

    // a year that is not over cannot be declared in full
    const early = await h.http().post(`/participations/${c.id}/annual-income`).set('authorization', `Bearer ${applicant}`).send({ year: 2027, incomeTiyn: 1 });
    expect(early.status).toBe(422);
    expect(body(early).errors[0]!.field).toBe('year');

    // «1 шілдеге дейін»: in time through 30 June (Almaty), late from 1 July
    await h.at('2027-06-30T18:59:59.000Z');
    expect((await audits())[0]).toMatchObject({ status: 'owed' });
    await h.at('2027-06-30T19:00:01.000Z');
    expect((await audits())[0]).toMatchObject({ status: 'overdue' });
    const missed = (await h.outbox('participation.deadline-missed')).filter((e) => e.payload.bin === c.bin);
    expect(missed.map((e) => e.payload)).toEqual([expect.objectContaining({ obligation: 'audit-opinion', dueDate: '2027-06-30', ruleIds: ['F-33'] })]);
  });
});
