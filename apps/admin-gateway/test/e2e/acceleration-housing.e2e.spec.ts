import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kzCalendar } from '@hub/calendar';
import { makeBin } from '@hub/identifiers';
import { anIin, uniqueName, waitFor } from '@hub/testing';
import { ProcessFleet, fleetEnv } from '../support/processes.js';
import { expectStatus } from '../support/registration-path.js';
import { TODAY } from '../support/registration-draft.js';

/**
 * Issue #14 (F-44, F-59 … F-62) through the gateway, services and housing each its own process, real
 * Kafka and PostgreSQL, on the real clock: services' own producer (not a hand-made event) enrols two
 * people in an acceleration cohort → housing's consumer puts them on the town's waitlist → the first
 * gets the only bed, accepts, checks in → services expels them → housing starts the 2-working-day
 * vacate deadline (F-61) → the acceptance-transfer act releases the bed → the next person on the
 * waitlist gets the offer (F-62). The overdue branch (the deadline passing) runs on a manual clock in
 * apps/housing/test/e2e.
 *
 * Time: F-55 wants a call's conditions published a month before its intake opens, so the Fund
 * publishes the call with the fleet's clock (test/support/shared-test-clock.mjs) set 40 days back;
 * everything after runs on the real clock (the broker refuses message timestamps far in the future,
 * ADR 0034, so the fleet never runs ahead of it).
 */
describe('acceleration → housing: services → Kafka → housing, through the gateway, every app its own process', () => {
  const fleet = new ProcessFleet();
  const clockFile = join(fleet.stateDir, 'clock-offset');
  const setClockOffset = (ms: number) => writeFileSync(clockFile, String(ms));
  const DAY = 86_400_000;
  const topicPrefix = `t.${uniqueName('accel').replace(/_/g, '-')}.`;
  const town = { katoCode: String(100_000_000 + Math.floor(Math.random() * 899_999_999)), name: 'Astana' };
  const people = [
    { sub: 'person-aigerim', iin: anIin() },
    { sub: 'person-bolat', iin: anIin() },
  ];
  let gw: string;
  const t: Record<string, string> = {};
  const auth = (who: string) => ({ authorization: `Bearer ${t[who]}` });
  const explained = async <T>(p: Promise<T>): Promise<T> =>
    p.catch((e: Error) => {
      throw new Error(`${e.message}\n--- services ---\n${fleet.logs('services').slice(-3000)}\n--- housing ---\n${fleet.logs('housing').slice(-3000)}`);
    });
  const calendar = kzCalendar();
  const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    fleet.shareClock(clockFile);
    await fleet.createTopics(topicPrefix);
    await fleet.token('bootstrap', ['auditor']);
    const common = fleetEnv(fleet, topicPrefix);
    const [servicesDb, housingDb, gwDb] = await Promise.all([
      fleet.createDatabase('services'),
      fleet.createDatabase('housing'),
      fleet.createDatabase('gateway'),
    ]);
    await Promise.all([fleet.migrate('services', servicesDb), fleet.migrate('housing', housingDb), fleet.migrate('admin-gateway', gwDb)]);
    const sharedPiiKeys = `e2e:${randomBytes(32).toString('base64')}`;
    const [services, housing] = await Promise.all([
      // F-42 (ADR 0068): services encrypts the cohort members' IINs with the platform's key ring;
      // ADR 0123: the cohort events name the person by the IIN's blind index — services and housing share the index key, as deployed
      fleet.startApp('services', { ...common, DATABASE_URL: servicesDb, HUB_PII_KEYS: sharedPiiKeys, HUB_PII_ACTIVE_KEY: 'e2e' }),
      fleet.startApp('housing', { ...common, DATABASE_URL: housingDb, HUB_PII_KEYS: sharedPiiKeys, HUB_PII_ACTIVE_KEY: 'e2e' }),
    ]);
    gw = await fleet.startApp('admin-gateway', {
      HUB_AUTH_ISSUER: fleet.issuerUrl,
      HUB_AUTH_JWKS_FILE: fleet.jwksFile,
      DATABASE_URL: gwDb,
      HUB_GATEWAY_UPSTREAMS: JSON.stringify({ services, housing }),
    });
    t.manager = await fleet.token('marat-housing', ['housing-manager']);
    for (const p of people) t[p.sub] = await fleet.token(p.sub, ['applicant']);
  }, 180_000); // measured 20–70 s on this 2-core machine under load

  afterAll(async () => {
    await fleet.close();
  }, 60_000);

  it('F-44 → F-59 … F-62: enrolment → waitlist → offer → check-in → expulsion → 2 WD to vacate → act → the next person is offered the bed', async () => {
    // services, 40 days ago: an acceleration service with its price, and a call whose intake opened 5 days
    // ago and is open today (F-47, F-55, F-56).
    setClockOffset(-40 * DAY);
    t.officer = await fleet.token('olga-officer-past', ['fund-officer']);
    const serviceId = expectStatus(
      await request(gw)
        .post('/api/services/services')
        .set(auth('officer'))
        .send({
          code: `accel-${randomBytes(3).toString('hex')}`,
          title: 'Acceleration',
          direction: 'acceleration',
          eligibility: 'anyone',
          requiredSections: { readiness: false, team: false, pitch: false },
          delivery: 'fund',
        }),
      201,
      'service',
    ).id as string;
    expectStatus(
      await request(gw)
        .post(`/api/services/services/${serviceId}/prices`)
        .set(auth('officer'))
        .send({ effectiveFrom: '2026-01-01', participantPriceTiyn: 0, nonParticipantPriceTiyn: 0, documentRef: 'Order 1' }),
      201,
      'price',
    );
    const callId = expectStatus(
      await request(gw)
        .post('/api/services/calls')
        .set(auth('officer'))
        .send({
          serviceId,
          title: 'Acceleration, winter',
          contractConditions: 'Conditions',
          draftContract: { serviceConditions: 'Twelve weeks', paymentOrder: 'None', paymentAmount: 'Free' },
          intakeOpensOn: plusDays(TODAY, -5),
          intakeClosesOn: plusDays(TODAY, 20),
        }),
      201,
      'call',
    ).id as string;
    // Today (the real clock) a cohort runs in the town (F-44).
    setClockOffset(0);
    t.officer = await fleet.token('olga-officer', ['fund-officer']);
    const cohortId = expectStatus(
      await request(gw)
        .post('/api/services/cohorts')
        .set(auth('officer'))
        .send({ serviceId, title: 'Winter cohort', town, startsOn: TODAY, endsOn: plusDays(TODAY, 90), capacity: 10 }),
      201,
      'cohort',
    ).id as string;

    // Two companies' people apply, are contracted and enrolled — the enrolment events come from services' outbox.
    const enrolmentIds: string[] = [];
    for (const [i, p] of people.entries()) {
      const bin = makeBin({ year: 2017, month: 5 + i, serial: 4000 + (process.pid % 5000) });
      const applicant = await fleet.token(`rep-${i}`, ['applicant'], [bin]);
      const filed = expectStatus(
        await request(gw)
          .post('/api/services/service-applications')
          .set({ authorization: `Bearer ${applicant}` })
          .send({
            callId,
            recipient: { kind: 'legal-entity', bin },
            language: 'ru',
            declarationAccepted: true,
            content: {
              project: { name: `Steppe AI ${i}`, direction: 'ML', summary: 'Crop forecasts', expectedResults: 'A pilot' },
              contacts: { phone: '+7 701 000 0000', email: 'a@example.kz', city: 'Astana', country: 'Kazakhstan' },
            },
          }),
        201,
        'service application',
      );
      const applicationId = filed.id as string;
      expectStatus(
        await request(gw).post(`/api/services/service-applications/${applicationId}/decision`).set(auth('officer')).send({ outcome: 'conclude-contract' }),
        200,
        'decision',
      );
      expectStatus(await request(gw).post(`/api/services/service-applications/${applicationId}/contract`).set(auth('officer')).send(), 200, 'contract');
      const cohort = expectStatus(
        await request(gw).post(`/api/services/cohorts/${cohortId}/enrolments`).set(auth('officer')).send({ applicationId, personIin: p.iin }),
        201,
        'enrolment',
      ) as { enrolments: { id: string; personIin: string }[] };
      enrolmentIds.push(cohort.enrolments.find((e) => e.personIin === p.iin)!.id);
    }

    // housing: a building in the cohort's town with one bed (F-57 inventory).
    const buildingId = expectStatus(
      await request(gw).post('/api/housing/buildings').set(auth('manager')).send({ name: 'Residence', address: 'Mangilik El 55/8', town }),
      201,
      'building',
    ).id as string;
    expectStatus(
      await request(gw)
        .post(`/api/housing/buildings/${buildingId}/units`)
        .set(auth('manager'))
        .send({
          code: 'R-1',
          kind: 'dwelling',
          rooms: [{ code: '1', beds: ['a'] }],
          inventory: [{ item: 'bed', quantity: 1 }],
          meters: [{ code: 'E-1', kind: 'electricity' }],
        }),
      201,
      'dwelling',
    );

    // Each person asks for housing once housing has the enrolment from Kafka (F-59: enrolled, no housing in the town).
    const cases: string[] = [];
    for (const [i, p] of people.entries()) {
      const res = await explained(
        waitFor(
          `housing knows the enrolment of ${p.sub} (services → Kafka → housing)`,
          async () => {
            const r = await request(gw)
              .post('/api/housing/housing-requests')
              .set(auth(p.sub))
              .send({
                enrolmentId: enrolmentIds[i],
                iin: p.iin,
                contacts: { phone: '+77010000001', email: `${p.sub}@example.kz` },
                declaration: { noHousingInTown: true, evidence: 'e-gov certificate: no real estate in the town' },
              });
            return r.status === 201 ? r : undefined;
          },
          { timeoutMs: 30_000 },
        ),
      );
      cases.push((res.body as { id: string }).id);
    }

    type Allocation = { id: string; caseId: string; unitId: string; bed: string; status: string; acceptBy: string; vacateBy: string | null };
    const allocationsOf = async (who: string) =>
      expectStatus(await request(gw).get('/api/housing/allocations').set(auth(who)), 200, 'allocations') as unknown as Allocation[];
    const offer = await explained(
      waitFor('the offer to the first person (F-62 order)', async () => (await allocationsOf(people[0]!.sub)).find((a) => a.status === 'offered')),
    );
    expect(offer.caseId).toBe(cases[0]);
    expect(await allocationsOf(people[1]!.sub)).toEqual([]);

    expectStatus(
      await request(gw).post(`/api/housing/allocations/${offer.id}/accept`).set(auth(people[0]!.sub)).send({ acceptsDuties: true }),
      200,
      'accept (F-60)',
    );
    const act = {
      signedOn: TODAY,
      condition: 'Clean, no visible damage',
      inventory: [{ item: 'bed', expected: 1, found: 1 }],
      meterReadings: [{ meter: 'E-1', reading: '1234.5' }],
    };
    expectStatus(await request(gw).post(`/api/housing/allocations/${offer.id}/check-in`).set(auth('manager')).send(act), 200, 'check-in act');

    // services expels the first person (F-44); housing starts the 2 WD to vacate (F-61) from services' event.
    expectStatus(
      await request(gw)
        .post(`/api/services/cohorts/${cohortId}/enrolments/${enrolmentIds[0]}/expulsion`)
        .set(auth('officer'))
        .send({ ground: 'programme-conditions-breached', reasons: 'Missed the mandatory sessions' }),
      200,
      'expulsion',
    );
    const vacating = await explained(
      waitFor('the vacate deadline in housing (services → Kafka → housing)', async () => {
        const a = expectStatus(await request(gw).get(`/api/housing/allocations/${offer.id}`).set(auth('officer')), 200, 'allocation') as unknown as Allocation;
        return a.status === 'vacating' ? a : undefined;
      }),
    );
    expect(vacating.vacateBy).toBe(calendar.addWorkingDays(TODAY, 2));
    // ADR 0047: one page of the deadlines contract.
    const board = (
      expectStatus(await request(gw).get('/api/housing/deadlines').set(auth('officer')), 200, 'deadlines') as unknown as {
        items: { subjectId: string; dueDate?: string }[];
      }
    ).items;
    expect(board.some((d) => d.subjectId === offer.id)).toBe(true);

    // The acceptance-transfer act releases the bed; the next person on the waitlist is offered it (F-62).
    expectStatus(
      await request(gw)
        .post(`/api/housing/allocations/${offer.id}/handover`)
        .set(auth('manager'))
        .send({ ...act, damages: [] }),
      200,
      'handover act (F-61)',
    );
    const next = await explained(
      waitFor('the offer to the next person (F-62)', async () => (await allocationsOf(people[1]!.sub)).find((a) => a.status === 'offered')),
    );
    expect(next).toMatchObject({ caseId: cases[1], unitId: offer.unitId, bed: offer.bed });
  });
});
