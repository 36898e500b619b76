import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { reencryptPiiColumns } from '@hub/pii/reencryption';
import { testKeyRing } from '@hub/pii/testing';
import { anIin } from '@hub/testing';
import { SERVICES_PII_COLUMNS } from '../../src/shared/infrastructure/pii-reencryption.js';
import { type Harness, MINIMAL_CONTENT, auth, contractedApplication, json, serviceWithCall, startHarness } from '../support/services-harness.js';

/**
 * F-42 key rotation (ADR 0022, ADR 0069, docs/runbooks/pii-key-rotation.md): the app runs on a ring whose
 * active key is k1 and that already holds k2; `reencryptPiiColumns` over `SERVICES_PII_COLUMNS` (the `reencrypt-pii` command) moves the
 * cohort members' and the individual recipients' IINs and the payers' names (ADR 0123) to k2, the blind indexes stay, the app still reads.
 */
const { ring, env } = testKeyRing(); // k1 and k2, fresh random keys (F-42, ADR 0022)

let h: Harness;
beforeAll(async () => {
  h = await startHarness('services_pii_rotation', { env: env('k1') });
});
afterAll(async () => {
  await h?.close();
});

describe('F-42: services re-encrypts its personal data with the active key', () => {
  it('F-42: every ciphertext moves from k1 to k2 once, readable by k2 alone, indexes unchanged; the app still shows the IIN; a second run moves nothing', async () => {
    const officer = await h.token(['fund-officer']);
    const { serviceId, callId } = await serviceWithCall(h, officer, {
      code: 'accel-rotate',
      direction: 'acceleration',
      participantPriceTiyn: 1_00,
      nonParticipantPriceTiyn: 2_00,
    });
    h.clock.set('2026-12-16T04:00:00Z');
    const [recipientIin, memberIin] = [anIin(), anIin()];
    const filed = await h
      .http()
      .post('/service-applications')
      .set(auth(await h.token(['applicant'], [], 'person-rotate')))
      .send({ callId, recipient: { kind: 'individual', iin: recipientIin }, language: 'ru', declarationAccepted: true, content: MINIMAL_CONTENT });
    expect(filed.status).toBe(201);
    const contracted = await contractedApplication(h, officer, callId, 'ТОО «Ротация»'); // ADR 0123: the payer's name, encrypted
    const cohortId = json<{ id: string }>(
      await h
        .http()
        .post('/cohorts')
        .set(auth(officer))
        .send({ serviceId, title: 'Rotation', town: { katoCode: '711000000', name: 'Astana' }, startsOn: '2027-01-11', endsOn: '2027-04-02', capacity: 3 }),
    ).id;
    expect(
      (await h.http().post(`/cohorts/${cohortId}/enrolments`).set(auth(officer)).send({ applicationId: contracted.id, personIin: memberIin })).status,
    ).toBe(201);

    const ciphertexts = async () => [
      ...(await h.sql<{ id: string; c: string; i: string }>(`select id, iin_cipher as c, iin_index as i from services_recipient_person`)),
      ...(await h.sql<{ id: string; c: string; i: string }>(`select id, person_iin_cipher as c, person_iin_index as i from services_cohort_enrolment`)),
      ...(await h.sql<{ id: string; c: string; i: string }>(
        `select id, contract_payer_name_cipher as c, '' as i from services_application where contract_payer_name_cipher is not null`,
      )),
    ];
    const before = await ciphertexts();
    expect(before.map((r) => ring('k2').keyIdOf(r.c))).toEqual(['k1', 'k1', 'k1']);

    const em = h.db.orm.em.fork() as SqlEntityManager;
    expect((await reencryptPiiColumns(em, ring('k2'), SERVICES_PII_COLUMNS, 1)).moved).toBe(3); // a batch of one: the loop goes on until a short batch
    const after = await ciphertexts();
    expect(after.map((r) => ring('k2').keyIdOf(r.c))).toEqual(['k2', 'k2', 'k2']);
    const k2Only = ring('k2', ['k2']);
    expect(after.map((r) => k2Only.decrypt(r.c, r.id))).toEqual([recipientIin, memberIin, 'ТОО «Ротация»']);
    expect(after.map((r) => r.i)).toEqual(before.map((r) => r.i)); // the blind index is not rotated in place (ADR 0065)

    // the running app (ring k1,k2) reads the moved values
    const cohort = await h.http().get(`/cohorts/${cohortId}`).set(auth(officer));
    expect(JSON.stringify(cohort.body)).toContain(memberIin);
    expect((await reencryptPiiColumns(em, ring('k2'), SERVICES_PII_COLUMNS)).moved).toBe(0);
  });
});
