import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventRegistry, servicesEvents } from '@hub/contracts';
import { anIin } from '@hub/testing';
import { type Harness, auth, json, newBin, poller, startHarness } from '../support/services-harness.js';

/**
 * Acceleration cohorts (F-44) and enrolments under signed contracts (F-55) on the real database: the
 * capacity holds under concurrent enrolments; the three cohort events housing consumes (F-59 … F-62)
 * are in the outbox and decode with the published contracts.
 */
let h: Harness;
let officer: string;
let serviceId: string;
let callId: string;
const INTAKE = '2026-12-16T04:00:00Z';
const content = {
  project: { name: 'Steppe AI', direction: 'ML', summary: 'Crop forecasts', expectedResults: 'A pilot' },
  contacts: { phone: '+7 701 000 0000', email: 'a@example.kz', city: 'Astana', country: 'Kazakhstan' },
  readiness: null,
  pitchUrl: null,
};
const TOWN = { katoCode: '711000000', name: 'Astana' };

beforeAll(async () => {
  h = await startHarness('services_cohorts');
  officer = await h.token(['fund-officer']);
  const s = await h
    .http()
    .post('/services')
    .set(auth(officer))
    .send({
      code: 'accel-cohorts',
      title: 'Acceleration',
      direction: 'acceleration',
      eligibility: 'anyone',
      requiredSections: { readiness: false, team: false, pitch: false },
      delivery: 'fund',
    });
  serviceId = json<{ id: string }>(s).id;
  await h
    .http()
    .post(`/services/${serviceId}/prices`)
    .set(auth(officer))
    .send({ effectiveFrom: '2026-01-01', participantPriceTiyn: 0, nonParticipantPriceTiyn: 100_000_00, documentRef: 'Order 1' });
  const c = await h
    .http()
    .post('/calls')
    .set(auth(officer))
    .send({
      serviceId,
      title: 'Acceleration, winter intake',
      contractConditions: 'Conditions',
      draftContract: { serviceConditions: 'Twelve weeks', paymentOrder: 'Before start', paymentAmount: 'Per the price list' },
      intakeOpensOn: '2026-12-16',
      intakeClosesOn: '2026-12-31',
    });
  callId = json<{ id: string }>(c).id;
});
afterAll(async () => {
  await h?.close();
});

/** A contracted application of a fresh individual: file → conclude-contract → sign (F-47 … F-56). */
async function contracted(): Promise<{ applicationId: string; iin: string }> {
  h.clock.set(INTAKE);
  const iin = anIin();
  const filed = await h
    .http()
    .post('/service-applications')
    .set(auth(await h.token(['applicant'], [], `person-${iin}`)))
    .send({ callId, recipient: { kind: 'individual', iin }, language: 'ru', declarationAccepted: true, content });
  expect(filed.status).toBe(201);
  const id = json<{ id: string }>(filed).id;
  expect((await h.http().post(`/service-applications/${id}/decision`).set(auth(officer)).send({ outcome: 'conclude-contract' })).status).toBe(200);
  expect((await h.http().post(`/service-applications/${id}/contract`).set(auth(officer)).send()).status).toBe(200);
  return { applicationId: id, iin };
}
async function openCohort(capacity: number, o: Record<string, unknown> = {}) {
  const res = await h
    .http()
    .post('/cohorts')
    .set(auth(officer))
    .send({ serviceId, title: 'Winter cohort', town: TOWN, startsOn: '2027-01-11', endsOn: '2027-04-02', capacity, ...o });
  return res;
}
const enrol = (cohortId: string, applicationId: string, enrolledOn = '2027-01-11') =>
  h.http().post(`/cohorts/${cohortId}/enrolments`).set(auth(officer)).send({ applicationId, enrolledOn });
const count = async (sql: string, params: unknown[] = []) => Number((await h.sql<{ n: string }>(sql, params))[0]?.n);

describe('acceleration cohorts (F-44) and enrolments (F-55)', () => {
  it('F-44: a cohort is opened for an acceleration service only, with a whole number of places; it is public', async () => {
    const consult = json<{ id: string }>(
      await h
        .http()
        .post('/services')
        .set(auth(officer))
        .send({
          code: 'consult-cohorts',
          title: 'Consultation',
          direction: 'consultation',
          eligibility: 'anyone',
          requiredSections: { readiness: false, team: false, pitch: false },
          delivery: 'fund',
        }),
    );
    const wrong = await openCohort(5, { serviceId: consult.id });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'rule.F-44' });
    const zero = await openCohort(0);
    expect(zero.status).toBe(400);
    expect((zero.body as { errors: { field: string }[] }).errors[0]?.field).toBe('body.capacity');
    const ok = await openCohort(3);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ capacity: 3, enrolledCount: 0, placesLeft: 3, town: TOWN });
    const pub = await h.http().get(`/cohorts/${json<{ id: string }>(ok).id}`);
    expect(pub.status).toBe(200);
  });

  it('F-55: only a contracted application is enrolled, on a day inside the cohort; the person is not enrolled twice', async () => {
    const cohort = json<{ id: string }>(await openCohort(5));
    h.clock.set(INTAKE);
    const iin = anIin();
    const filed = json<{ id: string }>(
      await h
        .http()
        .post('/service-applications')
        .set(auth(await h.token(['applicant'], [], `p-${iin}`)))
        .send({ callId, recipient: { kind: 'individual', iin }, language: 'kk', declarationAccepted: true, content }),
    );
    const notYet = await enrol(cohort.id, filed.id);
    expect(notYet.status).toBe(422);
    expect(notYet.body).toMatchObject({ code: 'rule.F-55' });
    const a = await contracted();
    const outside = await enrol(cohort.id, a.applicationId, '2027-05-01');
    expect(outside.status).toBe(422);
    expect(outside.body).toMatchObject({ code: 'rule.F-44' });
    const ok = await enrol(cohort.id, a.applicationId);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'enrolled', personIin: `********${a.iin.slice(-4)}` }); // F-42: masked
    expect(JSON.stringify(ok.body)).not.toContain(a.iin);
    expect((await enrol(cohort.id, a.applicationId)).status).toBe(409);
  });

  it('F-44: the capacity holds under concurrent enrolments (row lock + CHECK), nothing half-written', async () => {
    const cohort = json<{ id: string }>(await openCohort(2));
    const people: { applicationId: string; iin: string }[] = [];
    for (let i = 0; i < 6; i++) people.push(await contracted()); // one by one: the race under test is the enrolment
    const outboxBefore = await count(`select count(*)::text as n from hub_outbox`);
    const results = await Promise.all(people.map((p) => enrol(cohort.id, p.applicationId)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 422, 422, 422, 422]);
    for (const r of results.filter((x) => x.status === 422)) expect(r.body).toMatchObject({ code: 'rule.F-44', enrolled: 2, capacity: 2 });
    expect(await count(`select count(*)::text as n from services_cohort_enrolment where cohort_id = ?`, [cohort.id])).toBe(2);
    expect(await count(`select enrolled_count::text as n from services_cohort where id = ?`, [cohort.id])).toBe(2);
    expect(await count(`select count(*)::text as n from hub_outbox`)).toBe(outboxBefore + 2);
    // The database holds the limit even for a writer that bypasses the aggregate.
    await expect(h.sql(`update services_cohort set enrolled_count = capacity + 1 where id = ?`, [cohort.id])).rejects.toThrow(/services_cohort_places_check/);
  });

  it('expulsion frees the place; completion at the cohort end (a durable timer) completes whoever is still enrolled; events decode with the contracts', async () => {
    const cohort = json<{ id: string }>(await openCohort(1));
    const a = await contracted();
    const b = await contracted();
    const enrolled = json<{ id: string }>(await enrol(cohort.id, a.applicationId));
    expect((await enrol(cohort.id, b.applicationId)).status).toBe(422); // full
    const noReasons = await h
      .http()
      .post(`/cohort-enrolments/${enrolled.id}/expulsion`)
      .set(auth(officer))
      .send({ ground: 'own-request', reasons: ' ', expelledOn: '2027-02-01' });
    expect(noReasons.status).toBe(400);
    const expelled = await h
      .http()
      .post(`/cohort-enrolments/${enrolled.id}/expulsion`)
      .set(auth(officer))
      .send({ ground: 'own-request', reasons: 'left for a job', expelledOn: '2027-02-01' });
    expect(expelled.status).toBe(200);
    expect(
      (
        await h
          .http()
          .post(`/cohort-enrolments/${enrolled.id}/expulsion`)
          .set(auth(officer))
          .send({ ground: 'other', reasons: 'again', expelledOn: '2027-02-02' })
      ).status,
    ).toBe(409);
    const second = json<{ id: string }>(await enrol(cohort.id, b.applicationId, '2027-02-02'));
    expect((await h.http().get(`/cohorts/${cohort.id}`)).body).toMatchObject({ enrolledCount: 1, placesLeft: 0 });

    // The cohort ends on Friday 2 April 2027; the timer fires after 23:59:59 that day in Almaty.
    h.clock.set('2027-04-02T19:00:01Z');
    await poller(h).runDue();
    const rows = await h.sql<{ status: string; left_on: string }>(`select status, left_on::text from services_cohort_enrolment where id = ?`, [second.id]);
    expect(rows[0]).toEqual({ status: 'completed', left_on: '2027-04-02' });

    const registry = new EventRegistry([...servicesEvents]);
    const envelopes = await h.sql<{ envelope: unknown; message_key: string }>(
      `select envelope, message_key from hub_outbox where envelope->>'type' like 'services.cohort-%' and envelope->'payload'->>'cohortId' = ? order by position`,
      [cohort.id],
    );
    const decoded = envelopes.map((r) => registry.decode(JSON.stringify(r.envelope)));
    expect(decoded.map((d) => (d.ok ? d.definition.fullName : d.reason))).toEqual([
      'services.cohort-enrolment-made.v1',
      'services.cohort-expulsion-made.v1',
      'services.cohort-enrolment-made.v1',
      'services.cohort-completion-made.v1',
    ]);
    const first = decoded[0];
    expect(first?.ok && first.envelope.payload).toMatchObject({
      personIin: a.iin,
      town: TOWN,
      cohortStartsOn: '2027-01-11',
      cohortEndsOn: '2027-04-02',
      enrolledOn: '2027-01-11',
    });
    // Keys are the enrolment ids, never the IIN (F-42: keys are not encrypted).
    expect(envelopes.map((r) => r.message_key)).toEqual([enrolled.id, enrolled.id, second.id, second.id]);
  });

  it('only the Fund enrols; who is enrolled is for the Fund’s people only', async () => {
    const cohort = json<{ id: string }>(await openCohort(2));
    const a = await contracted();
    const stranger = await h.token(['applicant'], [newBin()]);
    expect(
      (await h.http().post(`/cohorts/${cohort.id}/enrolments`).set(auth(stranger)).send({ applicationId: a.applicationId, enrolledOn: '2027-01-11' })).status,
    ).toBe(403);
    expect((await h.http().get(`/cohorts/${cohort.id}/enrolments`).set(auth(stranger))).status).toBe(403);
    expect(
      (
        await h
          .http()
          .get(`/cohorts/${cohort.id}/enrolments`)
          .set(auth(await h.token(['auditor'])))
      ).status,
    ).toBe(200);
  });
});
