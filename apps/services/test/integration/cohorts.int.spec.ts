import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anIin } from '@hub/testing';
import { type Harness, MINIMAL_CONTENT, auth, contractedApplication, json, newBin, serviceWithCall, startHarness } from '../support/services-harness.js';

/** F-44 acceleration cohorts on the real database: capacity under concurrent enrolments, expulsion, completion, outbox rows. */
let h: Harness;
let officer: string;
let serviceId: string;
let callId: string;
beforeAll(async () => {
  h = await startHarness('services_cohorts');
  officer = await h.token(['fund-officer']);
  ({ serviceId, callId } = await serviceWithCall(h, officer, {
    code: 'accel-cohorts',
    direction: 'acceleration',
    participantPriceTiyn: 100_00,
    nonParticipantPriceTiyn: 300_00,
  }));
  h.clock.set('2026-12-16T04:00:00Z');
});
afterAll(async () => {
  await h?.close();
});

const contracted = async (): Promise<string> => (await contractedApplication(h, officer, callId)).id;
const openCohort = async (capacity: number) => {
  const res = await h
    .http()
    .post('/cohorts')
    .set(auth(officer))
    .send({ serviceId, title: 'Winter cohort', town: { katoCode: '711000000', name: 'Astana' }, startsOn: '2027-01-11', endsOn: '2027-04-02', capacity });
  expect(res.status).toBe(201);
  return json<{ id: string }>(res).id;
};
const n = async (sql: string, params: unknown[] = []) => Number((await h.sql<{ n: string }>(sql, params))[0]?.n);

describe('F-44 acceleration cohorts on the real database', () => {
  it('F-44: capacity holds under concurrent enrolments — of eight at once into two seats exactly two are enrolled, the rest 422', async () => {
    const cohortId = await openCohort(2);
    const applicationId = await contracted();
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => h.http().post(`/cohorts/${cohortId}/enrolments`).set(auth(officer)).send({ applicationId, personIin: anIin() })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.filter((s) => s === 422)).toHaveLength(6);
    expect(responses.find((r) => r.status === 422)?.body).toMatchObject({ code: 'rule.F-44' });
    expect(await n(`select count(*)::text as n from services_cohort_enrolment where cohort_id = ?`, [cohortId])).toBe(2);
    expect(
      await n(`select count(*)::text as n from hub_outbox where event_type = 'services.cohort-enrolment-made' and envelope->'payload'->>'cohortId' = ?`, [
        cohortId,
      ]),
    ).toBe(2);
  });

  it('F-44: the same person twice into one cohort at once → one 201, one 409; bad input → 4xx naming the field, nothing stored', async () => {
    const cohortId = await openCohort(5);
    const applicationId = await contracted();
    const iin = anIin();
    const both = await Promise.all(
      [0, 1].map(() => h.http().post(`/cohorts/${cohortId}/enrolments`).set(auth(officer)).send({ applicationId, personIin: iin })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const before = await n(`select count(*)::text as n from services_cohort_enrolment`);
    const outbox = await n(`select count(*)::text as n from hub_outbox`);
    const bad = await h.http().post(`/cohorts/${cohortId}/enrolments`).set(auth(officer)).send({ applicationId, personIin: '123' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('personIin');
    const checksum = await h.http().post(`/cohorts/${cohortId}/enrolments`).set(auth(officer)).send({ applicationId, personIin: '900101300120' });
    expect([400, 422]).toContain(checksum.status);
    expect(JSON.stringify(checksum.body)).toContain('personIin');
    const wrongService = await h
      .http()
      .post('/cohorts')
      .set(auth(officer))
      .send({ serviceId, title: 'Bad', town: { katoCode: '7110', name: 'Astana' }, startsOn: '2027-01-11', endsOn: '2027-04-02', capacity: 1 });
    expect(wrongService.status).toBe(400);
    expect(JSON.stringify(wrongService.body)).toContain('town');
    const backwards = await h
      .http()
      .post('/cohorts')
      .set(auth(officer))
      .send({ serviceId, title: 'Bad', town: { katoCode: '711000000', name: 'Astana' }, startsOn: '2027-01-11', endsOn: '2027-01-10', capacity: 1 });
    expect(backwards.status).toBe(422);
    expect(JSON.stringify(backwards.body)).toContain('endsOn');
    expect(await n(`select count(*)::text as n from services_cohort_enrolment`)).toBe(before);
    expect(await n(`select count(*)::text as n from hub_outbox`)).toBe(outbox);
  });

  it('F-55: an application that is not contracted cannot enrol anyone (422), nothing stored', async () => {
    const cohortId = await openCohort(5);
    const bin = newBin();
    const filed = await h
      .http()
      .post('/service-applications')
      .set(auth(await h.token(['applicant'], [bin])))
      .send({ callId, recipient: { kind: 'legal-entity', bin }, language: 'ru', declarationAccepted: true, content: MINIMAL_CONTENT });
    const res = await h
      .http()
      .post(`/cohorts/${cohortId}/enrolments`)
      .set(auth(officer))
      .send({ applicationId: json<{ id: string }>(filed).id, personIin: anIin() });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'rule.F-55' });
    expect(await n(`select count(*)::text as n from services_cohort_enrolment where cohort_id = ?`, [cohortId])).toBe(0);
  });

  it('F-44: expulsion frees the seat and publishes cohort-expulsion-made; completion publishes cohort-completion-made; neither twice', async () => {
    const cohortId = await openCohort(1);
    const applicationId = await contracted();
    const first = json<{ enrolments: { id: string }[] }>(
      await h.http().post(`/cohorts/${cohortId}/enrolments`).set(auth(officer)).send({ applicationId, personIin: anIin() }),
    ).enrolments[0]!.id;
    expect((await h.http().post(`/cohorts/${cohortId}/enrolments`).set(auth(officer)).send({ applicationId, personIin: anIin() })).status).toBe(422);
    const expelled = await h
      .http()
      .post(`/cohorts/${cohortId}/enrolments/${first}/expulsion`)
      .set(auth(officer))
      .send({ ground: 'programme-conditions-breached', reasons: 'Missed four sessions' });
    expect(expelled.status).toBe(200);
    expect((await h.http().post(`/cohorts/${cohortId}/enrolments/${first}/completion`).set(auth(officer)).send()).status).toBe(409);
    const second = await h.http().post(`/cohorts/${cohortId}/enrolments`).set(auth(officer)).send({ applicationId, personIin: anIin() });
    expect(second.status).toBe(201);
    const secondId = json<{ enrolments: { id: string; status: string }[] }>(second).enrolments.find((e) => e.status === 'enrolled')!.id;
    expect((await h.http().post(`/cohorts/${cohortId}/enrolments/${secondId}/completion`).set(auth(officer)).send()).status).toBe(422); // before the start
    h.clock.set('2027-04-02T10:00:00Z');
    try {
      const done = await h.http().post(`/cohorts/${cohortId}/enrolments/${secondId}/completion`).set(auth(officer)).send();
      expect(done.status).toBe(200);
    } finally {
      h.clock.set('2026-12-16T04:00:00Z');
    }
    const types = await h.sql<{ event_type: string }>(`select event_type from hub_outbox where envelope->'payload'->>'cohortId' = ? order by position`, [
      cohortId,
    ]);
    expect(types.map((t) => t.event_type)).toEqual([
      'services.cohort-enrolment-made',
      'services.cohort-expulsion-made',
      'services.cohort-enrolment-made',
      'services.cohort-completion-made',
    ]);
  });

  it('cohorts are read by the Fund only (the IINs are personal data, F-42): an applicant gets 403', async () => {
    expect(
      (
        await h
          .http()
          .get('/cohorts')
          .set(auth(await h.token(['applicant'], [newBin()])))
      ).status,
    ).toBe(403);
    expect((await h.http().get('/cohorts').set(auth(officer))).status).toBe(200);
  });
});
