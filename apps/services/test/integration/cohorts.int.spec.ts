import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { uuidv7 } from '@hub/kernel';
import { PiiCipher, piiCipherFrom, piiConfigShape } from '@hub/pii';
import { type TestDatabase, anIin, createTestDatabase } from '@hub/testing';
import { servicesOrmConfig } from '../../src/mikro-orm.config.js';
import {
  type Harness,
  MINIMAL_CONTENT,
  TEST_PII,
  auth,
  contractedApplication,
  json,
  newBin,
  serviceWithCall,
  startHarness,
} from '../support/services-harness.js';

const piiConfig = z.object(piiConfigShape);

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
    // F-44 with F-55: the service's call opens its intake on 2026-12-16 — a cohort cannot start before it
    const beforeIntake = await h
      .http()
      .post('/cohorts')
      .set(auth(officer))
      .send({ serviceId, title: 'Early', town: { katoCode: '711000000', name: 'Astana' }, startsOn: '2026-12-15', endsOn: '2027-01-10', capacity: 1 });
    expect(beforeIntake.status).toBe(422);
    expect(beforeIntake.body).toMatchObject({ ruleId: 'F-55' });
    expect(JSON.stringify(beforeIntake.body)).toContain('startsOn');
    // … nor for a service none of whose calls is published
    const noCall = json<{ id: string }>(
      await h
        .http()
        .post('/services')
        .set(auth(officer))
        .send({
          code: 'accel-no-call',
          title: 'Acceleration without a call',
          direction: 'acceleration',
          eligibility: 'anyone',
          requiredSections: { readiness: false, team: false, pitch: false },
          delivery: 'fund',
        }),
    ).id;
    const withoutCall = await h
      .http()
      .post('/cohorts')
      .set(auth(officer))
      .send({ serviceId: noCall, title: 'Orphan', town: { katoCode: '711000000', name: 'Astana' }, startsOn: '2027-01-11', endsOn: '2027-04-02', capacity: 1 });
    expect(withoutCall.status).toBe(422);
    expect(JSON.stringify(withoutCall.body)).toContain('serviceId');
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

describe('F-42 (ADR 0068): cohort members’ IINs are encrypted, found by blind index, their reads logged', () => {
  it('F-42: the row holds a ciphertext bound to the row and an HMAC index, never the IIN; the view gives it back, the event only its blind index (ADR 0123); every view with members is a logged read', async () => {
    const cohortId = await openCohort(3);
    const applicationId = await contracted();
    const iin = anIin();
    const logged = () => n(`select count(*)::text as n from services_pii_access_log where cohort_id = ?`, [cohortId]);
    expect(await logged()).toBe(0);
    const res = await h.http().post(`/cohorts/${cohortId}/enrolments`).set(auth(officer)).send({ applicationId, personIin: iin });
    expect(res.status).toBe(201);
    const enrolment = json<{ enrolments: { id: string; personIin: string }[] }>(res).enrolments[0]!;
    expect(enrolment.personIin).toBe(iin);
    const [row] = await h.sql<Record<string, string>>(`select * from services_cohort_enrolment where id = ?`, [enrolment.id]);
    expect(JSON.stringify(row)).not.toContain(iin);
    expect(row).not.toHaveProperty('person_iin');
    const cipher = h.app.get(PiiCipher);
    expect(row!['person_iin_index']).toBe(cipher.blindIndex(iin));
    expect(cipher.decrypt(row!['person_iin_cipher']!, enrolment.id)).toBe(iin);
    expect(() => cipher.decrypt(row!['person_iin_cipher']!, applicationId)).toThrow(); // bound to its row
    // ADR 0123 (ASVS finding): the published event is v2 and names the person by the blind index — the IIN is nowhere in it
    const [event] = await h.sql<{ version: number; ref: string; envelope: string }>(
      `select event_version as version, envelope->'payload'->>'personRef' as ref, envelope::text as envelope from hub_outbox where envelope->>'aggregateId' = ?`,
      [enrolment.id],
    );
    expect(event).toMatchObject({ version: 2, ref: cipher.blindIndex(iin) });
    expect(event!.envelope).not.toContain(iin);
    expect(await logged()).toBe(1); // the enrolment's answer showed the members
    const auditor = await h.token(['auditor']);
    expect((await h.http().get(`/cohorts/${cohortId}`).set(auth(auditor))).status).toBe(200);
    expect(await logged()).toBe(2);
    const [last] = await h.sql<{ actor_roles: string[]; what: string }>(
      `select actor_roles, what from services_pii_access_log where cohort_id = ? order by accessed_at desc, id desc limit 1`,
      [cohortId],
    );
    expect(last?.actor_roles).toEqual(['auditor']);
    expect(last?.what).toContain('IIN');
    // an applicant does not read cohorts: refused before anything is decrypted or logged
    expect(
      (
        await h
          .http()
          .get(`/cohorts/${cohortId}`)
          .set(auth(await h.token(['applicant'], [newBin()])))
      ).status,
    ).toBe(403);
    expect(await logged()).toBe(2);
  });
});

describe('F-42 (ADR 0068): the migration encrypts the IINs already stored', () => {
  const BEFORE = 'Migration20261205230000_billing';

  it('F-42: rows written before it get a ciphertext and an index and lose the plain IIN; one person twice per cohort stays refused; down() restores; without a key ring it stops and changes nothing', async () => {
    const { clientUrl: _unused, ...orm } = servicesOrmConfig('');
    const db: TestDatabase = await createTestDatabase('services_iin_pii', { ...orm, migrate: async (o) => void (await o.migrator.up({ to: BEFORE })) });
    const saved = { keys: process.env['HUB_PII_KEYS'], active: process.env['HUB_PII_ACTIVE_KEY'] };
    try {
      const em = db.orm.em.fork();
      const q = <T>(text: string, params: unknown[] = []) => em.getConnection().execute<T[]>(text, params);
      // the enrolment table's foreign keys are switched off for the fixture rows of this migration test only
      await q(`set session_replication_role = replica`);
      const rows = [
        { id: '01900000-0000-7000-8000-00000000e001', cohort: '01900000-0000-7000-8000-00000000c001', iin: anIin() },
        { id: '01900000-0000-7000-8000-00000000e002', cohort: '01900000-0000-7000-8000-00000000c001', iin: anIin() },
      ];
      for (const r of rows)
        await q(
          `insert into services_cohort_enrolment (id, cohort_id, service_id, application_id, contract_id, recipient_kind, recipient_id, person_iin, status, enrolled_on, updated_at) values (?, ?, ?, ?, ?, 'legal-entity', '190540000011', ?, 'enrolled', '2026-12-01', now())`,
          [r.id, r.cohort, uuidv7(), uuidv7(), uuidv7(), r.iin],
        );
      await q(`set session_replication_role = origin`);

      delete process.env['HUB_PII_KEYS'];
      delete process.env['HUB_PII_ACTIVE_KEY'];
      await expect(db.orm.migrator.up()).rejects.toThrow(/2 cohort enrolment\(s\) hold an IIN to encrypt/);
      expect((await q<{ person_iin: string }>(`select person_iin from services_cohort_enrolment order by id`)).map((r) => r.person_iin)).toEqual(
        rows.map((r) => r.iin),
      );

      process.env['HUB_PII_KEYS'] = TEST_PII.HUB_PII_KEYS;
      process.env['HUB_PII_ACTIVE_KEY'] = TEST_PII.HUB_PII_ACTIVE_KEY;
      await db.orm.migrator.up();
      const cipher = piiCipherFrom(piiConfig.parse(TEST_PII));
      const after = await q<Record<string, string>>(`select * from services_cohort_enrolment order by id`);
      expect(after).toHaveLength(2);
      after.forEach((row, i) => {
        expect(row).not.toHaveProperty('person_iin');
        expect(JSON.stringify(row)).not.toContain(rows[i]!.iin);
        expect(row['person_iin_index']).toBe(cipher.blindIndex(rows[i]!.iin));
        expect(cipher.decrypt(row['person_iin_cipher']!, rows[i]!.id)).toBe(rows[i]!.iin);
      });
      // the uniqueness of (cohort, person) now holds on the index
      await q(`set session_replication_role = replica`);
      await expect(
        q(
          `insert into services_cohort_enrolment (id, cohort_id, service_id, application_id, contract_id, recipient_kind, recipient_id, person_iin_index, person_iin_cipher, status, enrolled_on, updated_at) values (?, ?, ?, ?, ?, 'legal-entity', '190540000011', ?, 'x', 'enrolled', '2026-12-01', now())`,
          [uuidv7(), rows[0]!.cohort, uuidv7(), uuidv7(), uuidv7(), cipher.blindIndex(rows[0]!.iin)],
        ),
      ).rejects.toThrow(/services_cohort_enrolment_person_unique/);
      await q(`set session_replication_role = origin`);

      await db.orm.migrator.down({ to: BEFORE });
      expect((await q<{ person_iin: string }>(`select person_iin from services_cohort_enrolment order by id`)).map((r) => r.person_iin)).toEqual(
        rows.map((r) => r.iin),
      );
    } finally {
      if (saved.keys === undefined) delete process.env['HUB_PII_KEYS'];
      else process.env['HUB_PII_KEYS'] = saved.keys;
      if (saved.active === undefined) delete process.env['HUB_PII_ACTIVE_KEY'];
      else process.env['HUB_PII_ACTIVE_KEY'] = saved.active;
      await db.drop();
    }
  });
});
