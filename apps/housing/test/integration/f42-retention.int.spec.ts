import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, auth, cohortCompletion, cohortExpulsion, deliverServices, json, poller, startHarness } from '../support/housing-harness.js';
import { act, allocationsOf, enrol, manager, personToken, requestHousing, townWithDwelling } from '../support/housing-fixtures.js';

// F-42 (ADR 0124, the pattern of ADR 0119): a person's personal data in housing — the enrolment's IIN
// index, the request's IIN, contacts and evidence, the acts' free text — is deleted by a durable timer at
// the end of its retention: 31 December of the year the enrolment or (later) the housing contract ended
// plus `f42.personal-data-retention-years` (5, effective-dated reference data), on the real database.

let h: Harness;
beforeAll(async () => {
  h = await startHarness('housing_f42');
});
afterAll(async () => {
  await h?.close();
});
const NOW = '2026-11-16T04:00:00Z';

const timerOf = (enrolmentId: string) =>
  h.sql<{ due_at: string; status: string }>(
    `select to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as due_at, status from hub_timer where kind = 'housing.f42-retention-ended' and timer_key = ? order by created_at`,
    [enrolmentId],
  );
const caseRow = (caseId: string) =>
  h
    .sql<{ iin_cipher: string; contacts_cipher: string; declaration: { evidence: string }; personal_data_purged_on: string | null; status: string }>(
      `select iin_cipher, contacts_cipher, declaration, personal_data_purged_on::text, status from housing_case where id = ?`,
      [caseId],
    )
    .then((r) => r[0]!);
const personalData = async (caseId: string) =>
  h
    .http()
    .get(`/housing-requests/${caseId}/personal-data`)
    .set(auth(await manager(h)));

describe('F-42 retention of the personal data of people in acceleration (ADR 0124)', () => {
  it('F-42: expelled on 30 December 2026, the acceptance-transfer act on 4 January 2027 ends the contract — kept until 31 December 2032, nothing deleted a second before, everything at the instant; then 409, the counts and amounts stay, the deletion is in the access log', async () => {
    h.clock.set(NOW);
    const { town } = await townWithDwelling(h, 1);
    const p = await enrol(h, town, { enrolledOn: '2026-11-02' });
    const requested = await requestHousing(h, p);
    expect(requested.status).toBe(201);
    const caseId = json<{ id: string }>(requested).id;
    const [offer] = await allocationsOf(h, p);
    expect(
      (
        await h
          .http()
          .post(`/allocations/${offer!.id}/accept`)
          .set(auth(await personToken(h, p)))
          .send({ acceptsDuties: true })
      ).status,
    ).toBe(200);
    const m = await manager(h);
    expect((await h.http().post(`/allocations/${offer!.id}/check-in`).set(auth(m)).send(act('2026-11-16'))).status).toBe(200);
    const enrolmentId = p.enrolment.payload.enrolmentId;
    expect(await timerOf(enrolmentId)).toEqual([]); // still enrolled: the purpose has not ended

    h.clock.set('2026-12-30T06:00:00Z');
    expect(await deliverServices(h, cohortExpulsion(p.enrolment, '2026-12-30'))).toBe('handled');
    expect((await timerOf(enrolmentId)).map((t) => [t.due_at, t.status])).toEqual([['2031-12-31T19:00:00Z', 'scheduled']]); // 2026 + 5
    h.clock.set('2027-01-04T05:00:00Z');
    const handover = await h
      .http()
      .post(`/allocations/${offer!.id}/handover`)
      .set(auth(m))
      .send({ ...act('2027-01-04'), damages: [{ description: 'Window cracked by the resident', amountTiyn: 1_250_000 }] });
    expect(handover.status, JSON.stringify(handover.body)).toBe(200);
    // the contract ended in 2027: the one timer moves on to 1 January 2033, 00:00 Almaty
    expect((await timerOf(enrolmentId)).map((t) => [t.due_at, t.status])).toEqual([['2032-12-31T19:00:00Z', 'scheduled']]);

    h.clock.set('2032-12-31T18:59:59Z'); // 23:59:59 on the last day kept, in Almaty
    await poller(h).runDue();
    expect(json<{ iin: string }>(await personalData(caseId)).iin).toBe(p.iin);

    h.clock.set('2032-12-31T19:00:01Z');
    await poller(h).runDue();
    const refused = await personalData(caseId);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'housing-request.personal-data-purged' });
    expect(JSON.stringify(refused.body)).toContain('F-42');
    expect(await caseRow(caseId)).toEqual({
      iin_cipher: '',
      contacts_cipher: '',
      declaration: { noHousingInTown: true, evidence: '' },
      personal_data_purged_on: '2033-01-01',
      status: 'left',
    });
    expect(await h.sql(`select iin_index from housing_enrolment where enrolment_id = ?`, [enrolmentId])).toEqual([{ iin_index: null }]);
    // the acts keep the days, the inventory, the meters and the amounts; their free text is gone
    const allocation = json<{
      status: string;
      checkInAct: { condition: string; signedOn: string };
      handoverAct: { condition: string; damages: unknown[]; meterReadings: unknown[] };
    }>(await h.http().get(`/allocations/${offer!.id}`).set(auth(m)));
    expect(allocation.status).toBe('released');
    expect(allocation.checkInAct).toMatchObject({ condition: '', signedOn: '2026-11-16' });
    expect(allocation.handoverAct).toMatchObject({
      condition: '',
      damages: [{ description: '', amountTiyn: 1_250_000 }],
      meterReadings: [{ meter: 'E-1', reading: '1234.5' }],
    });
    // the request itself stays (dates, status) for the waitlist's record and the reports
    expect((await h.http().get(`/housing-requests/${caseId}`).set(auth(m))).body).toMatchObject({ id: caseId, status: 'left' });
    // the F-42 access log says what was done, by whom (the context itself)
    const log = json<{ actorSubject: string; caseId: string; what: string | null }[]>(await h.http().get('/pii-access-log').set(auth(m)));
    const deletions = log.filter((l) => l.caseId === caseId && l.what !== null);
    expect(deletions.map((l) => l.actorSubject)).toEqual(['service:housing']);
    expect(deletions[0]!.what).toContain('F-42 retention ended');
    expect((await timerOf(enrolmentId)).map((t) => t.status)).toEqual(['fired']);
    h.clock.set(NOW);
  });

  it('F-42: a person who only waited and completed the programme — kept until 31 December of the completion year plus 5; a person still enrolled has no timer', async () => {
    h.clock.set(NOW);
    const { town } = await townWithDwelling(h, 0);
    const waiting = await enrol(h, town);
    const enrolled = await enrol(h, town);
    expect((await requestHousing(h, waiting)).status).toBe(201);
    expect((await requestHousing(h, enrolled)).status).toBe(201);
    expect(await deliverServices(h, cohortCompletion(waiting.enrolment, '2026-11-16'))).toBe('handled');
    expect((await timerOf(waiting.enrolment.payload.enrolmentId)).map((t) => t.due_at)).toEqual(['2031-12-31T19:00:00Z']);
    expect(await timerOf(enrolled.enrolment.payload.enrolmentId)).toEqual([]);
    // a redelivered completion changes nothing (one timer)
    expect(await deliverServices(h, cohortCompletion(waiting.enrolment, '2026-11-16'))).toBe('handled');
    expect(await timerOf(waiting.enrolment.payload.enrolmentId)).toHaveLength(1);
  });
});
