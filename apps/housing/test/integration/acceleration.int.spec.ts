import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PiiCipher } from '@hub/pii';
import {
  type Harness,
  asV2,
  auth,
  cohortCompletion,
  cohortCompletionV2,
  cohortEnrolment,
  cohortExpulsion,
  cohortExpulsionV2,
  deliverServices,
  json,
  newTown,
  poller,
  startHarness,
} from '../support/housing-harness.js';
import {
  type AllocationJson,
  act,
  addDwelling,
  allocationsOf,
  enrol,
  manager,
  personToken,
  requestHousing,
  townWithDwelling,
} from '../support/housing-fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('housing_accel');
});
afterAll(async () => {
  await h?.close();
});
const NOW = '2026-11-16T04:00:00Z';

const outboxTypes = (allocationId: string) =>
  h
    .sql<{ event_type: string }>(`select event_type from hub_outbox where envelope->>'aggregateId' = ? order by position`, [allocationId])
    .then((r) => r.map((x) => x.event_type));

describe('F-59 eligibility, on the real database through HTTP', () => {
  it('F-59: an enrolled person declaring no housing in the town joins the waitlist (201, waiting when no bed is free)', async () => {
    const { town } = await townWithDwelling(h, 0);
    const p = await enrol(h, town);
    const res = await requestHousing(h, p);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'waiting', townKatoCode: town.katoCode, enrolledOn: '2026-11-02' });
  });

  it('F-59: refused with 422 naming the rule when the IIN is not the enrolled person’s, or the person was expelled — nothing stored', async () => {
    const { town } = await townWithDwelling(h, 0);
    const p = await enrol(h, town);
    const wrong = await requestHousing(h, p, { iin: '000000000001' });
    expect(wrong.status).toBe(422);
    expect(JSON.stringify(wrong.body)).toContain('F-59');
    const q = await enrol(h, town);
    expect(await deliverServices(h, cohortExpulsion(q.enrolment, '2026-11-13'))).toBe('handled');
    const expelled = await requestHousing(h, q);
    expect(expelled.status).toBe(422);
    expect(JSON.stringify(expelled.body)).toContain('F-59');
    const rows = await h.sql(`select id from housing_case where enrolment_id in (?, ?)`, [p.enrolment.payload.enrolmentId, q.enrolment.payload.enrolmentId]);
    expect(rows).toEqual([]);
  });

  it('bad input is 400 problem+json naming the field (declaration without the F-59 statement, bad IIN)', async () => {
    const { town } = await townWithDwelling(h, 0);
    const p = await enrol(h, town);
    const res = await requestHousing(h, p, { iin: '12', declaration: { noHousingInTown: false, evidence: '' } });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const text = JSON.stringify(res.body);
    expect(text).toContain('iin');
    expect(text).toContain('declaration');
  });

  it('ADR 0123 (F-42, F-59): services’ v2 names the person by the IIN’s blind index — housing stores it as is, matches the person asking with their IIN, refuses another IIN; v1 of the same fact changes nothing; v2 expulsion and completion end it', async () => {
    const { town } = await townWithDwelling(h, 0);
    const cipher = h.app.get(PiiCipher);
    const v1 = cohortEnrolment({ town });
    const ref = cipher.blindIndex(v1.payload.personIin);
    const v2 = asV2(v1, ref);
    expect(JSON.stringify(v2)).not.toContain(v1.payload.personIin);
    expect(await deliverServices(h, v2)).toBe('handled');
    expect(await deliverServices(h, v1)).toBe('handled'); // the same enrolment under the old version: already recorded
    const stored = await h.sql<{ iin_index: string }>(`select iin_index from housing_enrolment where enrolment_id = ?`, [v1.payload.enrolmentId]);
    expect(stored).toEqual([{ iin_index: ref }]);
    const p = { enrolment: v1, subject: `person-${v1.payload.enrolmentId}`, iin: v1.payload.personIin };
    const wrong = await requestHousing(h, p, { iin: '000000000001' });
    expect(wrong.status).toBe(422);
    expect(JSON.stringify(wrong.body)).toContain('F-59');
    const res = await requestHousing(h, p);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'waiting', townKatoCode: town.katoCode });
    // v2 of the leaving facts: the waiting person leaves the list (F-61, ADR 0058)
    expect(await deliverServices(h, cohortExpulsionV2(v1, ref, '2026-11-13'))).toBe('handled');
    expect(await h.sql(`select status from housing_enrolment where enrolment_id = ?`, [v1.payload.enrolmentId])).toEqual([{ status: 'expelled' }]);
    const q = cohortEnrolment({ town });
    expect(await deliverServices(h, asV2(q, cipher.blindIndex(q.payload.personIin)))).toBe('handled');
    expect(await deliverServices(h, cohortCompletionV2(q, cipher.blindIndex(q.payload.personIin), '2026-11-20'))).toBe('handled');
    expect(await h.sql(`select status from housing_enrolment where enrolment_id = ?`, [q.payload.enrolmentId])).toEqual([{ status: 'completed' }]);
  });

  it('one live request per enrolment (409)', async () => {
    const { town } = await townWithDwelling(h, 0);
    const p = await enrol(h, town);
    expect((await requestHousing(h, p)).status).toBe(201);
    expect((await requestHousing(h, p)).status).toBe(409);
  });
});

describe('F-62 waitlist order and offers', () => {
  it('F-62 (ADR 0056): the published order is enrolment date, then cohort start, then request time', async () => {
    const { town } = await townWithDwelling(h, 0);
    const late = await enrol(h, town, { enrolledOn: '2026-11-05' });
    const earlyLaterCohort = await enrol(h, town, { enrolledOn: '2026-11-02', cohortStartsOn: '2026-11-09' });
    const earlyEarlierCohort = await enrol(h, town, { enrolledOn: '2026-11-02', cohortStartsOn: '2026-11-02' });
    const ids: string[] = [];
    for (const p of [late, earlyLaterCohort, earlyEarlierCohort]) ids.push(json<{ id: string }>(await requestHousing(h, p)).id);
    const list = await h
      .http()
      .get(`/waitlist?townKatoCode=${town.katoCode}`)
      .set(auth(await personToken(h, late)));
    expect(list.status).toBe(200);
    expect(json<{ caseId: string; position: number }[]>(list).map((e) => [e.position, e.caseId])).toEqual([
      [1, ids[2]],
      [2, ids[1]],
      [3, ids[0]],
    ]);
    expect(JSON.stringify(list.body)).not.toContain(late.iin);
  });

  it('F-60: offer → accept (contract with the duty, ending on the cohort’s last day, ADR 0058) → check-in act; events in the outbox', async () => {
    const { town } = await townWithDwelling(h, 1);
    const p = await enrol(h, town, { cohortEndsOn: '2027-03-31' });
    expect((await requestHousing(h, p)).status).toBe(201);
    const [offer] = await allocationsOf(h, p);
    expect(offer).toMatchObject({ status: 'offered', acceptBy: '2026-11-19', bed: '1/a' });
    const refused = await h
      .http()
      .post(`/allocations/${offer!.id}/accept`)
      .set(auth(await personToken(h, p)))
      .send({ acceptsDuties: false });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('F-60');
    const other = await enrol(h, town);
    expect(
      (
        await h
          .http()
          .post(`/allocations/${offer!.id}/accept`)
          .set(auth(await personToken(h, other)))
          .send({ acceptsDuties: true })
      ).status,
    ).toBe(403);
    const accepted = await h
      .http()
      .post(`/allocations/${offer!.id}/accept`)
      .set(auth(await personToken(h, p)))
      .send({ acceptsDuties: true });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'contracted', contractEndsOn: '2027-03-31' });
    expect(json<{ contractDuty: string }>(accepted).contractDuty).toContain('F-60');
    const checkIn = await h
      .http()
      .post(`/allocations/${offer!.id}/check-in`)
      .set(auth(await manager(h)))
      .send(act('2026-11-16'));
    expect(checkIn.status).toBe(200);
    expect(checkIn.body).toMatchObject({ status: 'occupied' });
    expect(await outboxTypes(offer!.id)).toEqual(['housing.offer-made', 'housing.unit-allocated', 'housing.act-signed']);
    const timers = await h.sql(`select status from hub_timer where kind = 'housing.offer-acceptance-due' and timer_key = ?`, [offer!.id]);
    expect(timers).toEqual([{ status: 'cancelled' }]);
  });

  it('F-62: an offer not accepted by its day lapses (durable timer) and the bed goes to the next person', async () => {
    const { town } = await townWithDwelling(h, 1);
    const first = await enrol(h, town, { enrolledOn: '2026-11-02' });
    const second = await enrol(h, town, { enrolledOn: '2026-11-03' });
    await requestHousing(h, first);
    await requestHousing(h, second);
    const [offer] = await allocationsOf(h, first);
    expect(offer?.acceptBy).toBe('2026-11-19');
    expect(await allocationsOf(h, second)).toEqual([]);
    h.clock.set('2026-11-19T19:00:01Z'); // after the end of 19 November in Almaty
    await poller(h).runDue();
    h.clock.set(NOW);
    expect((await allocationsOf(h, first))[0]?.status).toBe('lapsed');
    const [next] = await allocationsOf(h, second);
    expect(next).toMatchObject({ status: 'offered', bed: offer!.bed, unitId: offer!.unitId });
  });

  it('no double booking: two requests race for the last bed and exactly one wins (exclusion constraint, 409 for the other)', async () => {
    const { town, buildingId } = await townWithDwelling(h, 0);
    const a = await enrol(h, town);
    const b = await enrol(h, town);
    const caseA = json<{ id: string }>(await requestHousing(h, a)).id;
    const caseB = json<{ id: string }>(await requestHousing(h, b)).id;
    const unitId = await addDwelling(h, buildingId, 1);
    const t = await manager(h);
    const race = await Promise.all([caseA, caseB].map((caseId) => h.http().post('/allocations').set(auth(t)).send({ caseId, unitId, bed: '1/a' })));
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(JSON.stringify(race.find((r) => r.status === 409)?.body)).toContain('place-taken');
    const holding = await h.sql(`select id from housing_allocation where unit_id = ? and status in ('offered','contracted','occupied','vacating')`, [unitId]);
    expect(holding).toHaveLength(1);
  });
});

describe('concurrent requests for the last bed', () => {
  it('two people ask at once in a town with one free bed: both requests are stored (201), exactly one offer is made', async () => {
    const { town } = await townWithDwelling(h, 1);
    const a = await enrol(h, town);
    const b = await enrol(h, town);
    const res = await Promise.all([requestHousing(h, a), requestHousing(h, b)]);
    expect(res.map((r) => r.status)).toEqual([201, 201]);
    const offers = [...(await allocationsOf(h, a)), ...(await allocationsOf(h, b))];
    expect(offers.map((o) => o.status)).toEqual(['offered']);
  });
});

describe('F-61 expulsion, the acceptance-transfer act and reallocation', () => {
  const housedIn = async (town: { katoCode: string; name: string }, o: { enrolledOn?: string } = {}) => {
    const p = await enrol(h, town, o);
    await requestHousing(h, p);
    const [offer] = await allocationsOf(h, p);
    const t = await personToken(h, p);
    expect((await h.http().post(`/allocations/${offer!.id}/accept`).set(auth(t)).send({ acceptsDuties: true })).status).toBe(200);
    expect(
      (
        await h
          .http()
          .post(`/allocations/${offer!.id}/check-in`)
          .set(auth(await manager(h)))
          .send(act('2026-11-16'))
      ).status,
    ).toBe(200);
    return { p, allocationId: offer!.id };
  };

  it('F-61: an expulsion on 15 December 2026 gives 2 WD to 18 December (Independence Day skipped); overdue after it, on GET /deadlines; the act releases the bed to the next person (F-62)', async () => {
    const { town } = await townWithDwelling(h, 1);
    const { p, allocationId } = await housedIn(town, { enrolledOn: '2026-11-02' });
    const next = await enrol(h, town, { enrolledOn: '2026-11-04' });
    expect((await requestHousing(h, next)).status).toBe(201);
    expect(await allocationsOf(h, next)).toEqual([]);

    h.clock.set('2026-12-15T06:00:00Z');
    expect(await deliverServices(h, cohortExpulsion(p.enrolment, '2026-12-15'))).toBe('handled');
    const staff = await h.token(['fund-officer']);
    const vacating = json<AllocationJson>(await h.http().get(`/allocations/${allocationId}`).set(auth(staff)));
    expect(vacating).toMatchObject({ status: 'vacating', vacateBy: '2026-12-18', vacateOverdue: false });
    const board = json<{ items: { subjectId: string; kind: string; dueDate: string; overdue: boolean; ruleId: string }[] }>(
      await h.http().get('/deadlines').set(auth(staff)),
    ).items;
    expect(board.find((d) => d.subjectId === allocationId)).toMatchObject({ kind: 'housing-vacate', ruleId: 'F-61', dueDate: '2026-12-18', overdue: false });

    h.clock.set('2026-12-18T18:59:00Z'); // 23:59 on the due day in Almaty: not yet overdue
    await poller(h).runDue();
    expect(json<AllocationJson>(await h.http().get(`/allocations/${allocationId}`).set(auth(staff))).vacateOverdue).toBe(false);
    h.clock.set('2026-12-18T19:00:01Z');
    await poller(h).runDue();
    expect(json<AllocationJson>(await h.http().get(`/allocations/${allocationId}`).set(auth(staff))).vacateOverdue).toBe(true);
    const overdueBoard = json<{ items: { subjectId: string; overdue: boolean }[] }>(await h.http().get('/deadlines').set(auth(staff))).items;
    expect(overdueBoard.find((d) => d.subjectId === allocationId)?.overdue).toBe(true);

    h.clock.set('2026-12-21T05:00:00Z');
    const handover = await h
      .http()
      .post(`/allocations/${allocationId}/handover`)
      .set(auth(await manager(h)))
      .send({ ...act('2026-12-21'), inventory: [{ item: 'desk', expected: 1, found: 0 }], damages: [{ description: 'Desk missing', amountTiyn: 2_500_000 }] });
    expect(handover.status).toBe(200);
    expect(handover.body).toMatchObject({ status: 'released', handoverAct: { kind: 'acceptance-transfer', damages: [{ amountTiyn: 2_500_000 }] } });
    expect(await outboxTypes(allocationId)).toEqual([
      'housing.offer-made',
      'housing.unit-allocated',
      'housing.act-signed',
      'housing.vacate-required',
      'housing.vacate-overdue',
      'housing.act-signed',
      'housing.unit-released',
    ]);
    const [offered] = await allocationsOf(h, next);
    expect(offered).toMatchObject({ status: 'offered', unitId: vacating.unitId, bed: vacating.bed, acceptBy: '2026-12-24' });
    expect(json<{ items: unknown[] }>(await h.http().get('/deadlines').set(auth(staff))).items).not.toContainEqual(
      expect.objectContaining({ subjectId: allocationId }),
    );
    h.clock.set(NOW);
  });

  it('ADR 0058: completion ends the contract on the completion day and starts the same 2-WD handover; a redelivered event changes nothing', async () => {
    const { town } = await townWithDwelling(h, 1);
    const { p, allocationId } = await housedIn(town);
    h.clock.set('2026-11-20T06:00:00Z');
    const done = cohortCompletion(p.enrolment, '2026-11-20');
    expect(await deliverServices(h, done)).toBe('handled');
    expect(await deliverServices(h, { ...done, id: '0194f3a0-0000-7000-8000-00000000dead' })).toBe('handled');
    const a = json<AllocationJson & { vacateReason: string }>(
      await h
        .http()
        .get(`/allocations/${allocationId}`)
        .set(auth(await manager(h))),
    );
    expect(a).toMatchObject({ status: 'vacating', vacateReason: 'completion', vacateBy: '2026-11-24', contractEndsOn: '2026-11-20' });
    h.clock.set(NOW);
  });
});

describe('leaving acceleration before being housed', () => {
  it('F-59/F-62: an expelled person with an open offer loses it and the bed goes to the next person; a waiting person leaves the list', async () => {
    const { town } = await townWithDwelling(h, 1);
    const offered = await enrol(h, town, { enrolledOn: '2026-11-02' });
    const waiting = await enrol(h, town, { enrolledOn: '2026-11-03' });
    const third = await enrol(h, town, { enrolledOn: '2026-11-04' });
    for (const p of [offered, waiting, third]) expect((await requestHousing(h, p)).status).toBe(201);
    const [offer] = await allocationsOf(h, offered);
    expect(offer?.status).toBe('offered');
    expect(await deliverServices(h, cohortExpulsion(waiting.enrolment, '2026-11-16'))).toBe('handled');
    expect(await deliverServices(h, cohortExpulsion(offered.enrolment, '2026-11-16'))).toBe('handled');
    expect((await allocationsOf(h, offered))[0]?.status).toBe('cancelled');
    expect(await allocationsOf(h, waiting)).toEqual([]);
    expect((await allocationsOf(h, third))[0]).toMatchObject({ status: 'offered', bed: offer!.bed, unitId: offer!.unitId });
    const list = json<unknown[]>(
      await h
        .http()
        .get(`/waitlist?townKatoCode=${town.katoCode}`)
        .set(auth(await manager(h))),
    );
    expect(list).toEqual([]);
  });
});

describe('F-42 residents’ personal data', () => {
  it('stored encrypted; readable by the person and the housing manager, every read logged; refused to other people and staff', async () => {
    const { town } = await townWithDwelling(h, 0);
    const p = await enrol(h, town);
    const caseId = json<{ id: string }>(await requestHousing(h, p)).id;
    const [row] = await h.sql<{ iin_cipher: string; contacts_cipher: string }>(`select iin_cipher, contacts_cipher from housing_case where id = ?`, [caseId]);
    expect(row?.iin_cipher.startsWith('pii1.')).toBe(true);
    expect(JSON.stringify(row)).not.toContain(p.iin);
    expect(JSON.stringify(await h.sql(`select * from housing_enrolment where enrolment_id = ?`, [p.enrolment.payload.enrolmentId]))).not.toContain(p.iin);

    const own = await h
      .http()
      .get(`/housing-requests/${caseId}/personal-data`)
      .set(auth(await personToken(h, p)));
    expect(own.status).toBe(200);
    expect(own.body).toEqual({ iin: p.iin, contacts: { phone: '+77010000001', email: 'p@example.kz' } });
    expect(
      (
        await h
          .http()
          .get(`/housing-requests/${caseId}/personal-data`)
          .set(auth(await manager(h)))
      ).status,
    ).toBe(200);
    expect(
      (
        await h
          .http()
          .get(`/housing-requests/${caseId}/personal-data`)
          .set(auth(await h.token(['applicant'], [], 'someone-else')))
      ).status,
    ).toBe(403);
    expect(
      (
        await h
          .http()
          .get(`/housing-requests/${caseId}/personal-data`)
          .set(auth(await h.token(['fund-officer'])))
      ).status,
    ).toBe(403);
    const log = await h.sql<{ actor_subject: string }>(`select actor_subject from housing_pii_access_log where case_id = ? order by accessed_at, id`, [caseId]);
    expect(log.map((l) => l.actor_subject).sort()).toEqual(['housing-manager-1', p.subject].sort());
  });
});

describe('inventory', () => {
  it('registers premises with an exact decimal area; a float-like area with 3 decimals is 400 naming areaM2; out-of-service periods are kept', async () => {
    const { buildingId } = await townWithDwelling(h, 0, newTown('Almaty'));
    const t = await manager(h);
    const ok = await h
      .http()
      .post(`/buildings/${buildingId}/units`)
      .set(auth(t))
      .send({ code: 'P-1', kind: 'premises', premisesKind: 'production', areaM2: '120.50' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ kind: 'premises', premisesKind: 'production', areaM2: '120.50' });
    const whole = await h
      .http()
      .post(`/buildings/${buildingId}/units`)
      .set(auth(t))
      .send({ code: 'P-2', kind: 'premises', premisesKind: 'auxiliary', areaM2: 42 });
    expect(json<{ areaM2: string }>(whole).areaM2).toBe('42.00');
    const bad = await h
      .http()
      .post(`/buildings/${buildingId}/units`)
      .set(auth(t))
      .send({ code: 'P-3', kind: 'premises', premisesKind: 'auxiliary', areaM2: 12.345 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('areaM2');
    const noKind = await h.http().post(`/buildings/${buildingId}/units`).set(auth(t)).send({ code: 'P-4', kind: 'premises', areaM2: '10' });
    expect(noKind.status).toBe(400);
    expect(JSON.stringify(noKind.body)).toContain('premisesKind');
    const badTown = await h
      .http()
      .post('/buildings')
      .set(auth(t))
      .send({ name: 'X', address: 'Somewhere 1', town: { katoCode: '12', name: 'X' } });
    expect(badTown.status).toBe(400);
    expect(JSON.stringify(badTown.body)).toContain('katoCode');
    const oos = await h
      .http()
      .post(`/units/${json<{ id: string }>(ok).id}/out-of-service`)
      .set(auth(t))
      .send({ from: '2026-12-01', to: '2026-12-10', reason: 'Repair of the roof' });
    expect(oos.status).toBe(200);
    expect(oos.body).toMatchObject({ outOfService: [{ from: '2026-12-01', to: '2026-12-10' }] });
    const [count] = await h.sql<{ n: string }>(`select count(*)::text as n from housing_unit where building_id = ?`, [buildingId]);
    expect(count?.n).toBe('2');
  });
});

describe('observability', () => {
  it('serves its OpenAPI document and Prometheus metrics with the domain figures', async () => {
    const openapi = json<{ paths: Record<string, unknown> }>(await h.http().get('/openapi.json'));
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/housing-requests', '/allocations/{id}/handover', '/deadlines']));
    const metrics = await h.http().get('/metrics');
    expect(metrics.text).toMatch(/^hub_housing_allocations\{[^}]*status="offered"[^}]*\} [1-9]/m);
    expect(metrics.text).toMatch(/^hub_housing_waitlist\{[^}]*\} [1-9]/m);
  });
});

describe('reports', () => {
  it('occupancy and turnover by building (JSON and CSV), waitlist length and waiting times, overdue vacating', async () => {
    const { town, buildingId } = await townWithDwelling(h, 2);
    const p = await enrol(h, town);
    await requestHousing(h, p);
    const [offer] = await allocationsOf(h, p);
    await h
      .http()
      .post(`/allocations/${offer!.id}/accept`)
      .set(auth(await personToken(h, p)))
      .send({ acceptsDuties: true });
    const waiting = await enrol(h, newTown());
    await requestHousing(h, waiting);
    const staff = await h.token(['auditor']);
    const res = await h.http().get('/reports/housing?from=2026-11-16&to=2026-11-25').set(auth(staff));
    expect(res.status).toBe(200);
    const report = json<{ occupancy: { buildingId: string }[]; waitlist: { townKatoCode: string; waiting: number }[]; overdueVacating: number }>(res);
    // 2 beds × 10 days = 20 bed-days; one bed held by a contract from 16 November: 10 bed-days = 500 ‰.
    expect(report.occupancy.find((o) => o.buildingId === buildingId)).toMatchObject({
      beds: 2,
      bedDays: 20,
      occupiedBedDays: 10,
      occupancyPerMille: 500,
      moveIns: 1,
      moveOuts: 0,
    });
    expect(report.waitlist.find((w) => w.townKatoCode === waiting.enrolment.payload.town.katoCode)).toMatchObject({ waiting: 1, longestWaitDays: 0 });
    expect(typeof report.overdueVacating).toBe('number');
    const csv = await h.http().get('/reports/occupancy.csv?from=2026-11-16&to=2026-11-25').set(auth(staff));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\n')[0]).toBe('building_id,building_name,town_kato_code,beds,bed_days,occupied_bed_days,occupancy_per_mille,move_ins,move_outs');
    expect(csv.text).toContain(`${buildingId},"Residence",${town.katoCode},2,20,10,500,1,0`);
    const bad = await h.http().get('/reports/housing?from=2026-11-25&to=2026-11-16').set(auth(staff));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('to');
  });
});
