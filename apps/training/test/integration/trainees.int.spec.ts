import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anIin } from '@hub/testing';
import { type Harness, auth, json, startHarness } from '../support/training-harness.js';
import { admitAndContract, announceIntake, completeApplication } from '../support/training-fixtures.js';

let h: Harness;
let intakeId: string;
let A: { id: string; bin: string };
let B: { id: string; bin: string };
beforeAll(async () => {
  h = await startHarness('training_trainees', { env: { TRAINING_REGISTERS: 'development' } });
  intakeId = await announceIntake(h);
  A = await completeApplication(h, intakeId);
  B = await completeApplication(h, intakeId);
  await admitAndContract(h, intakeId, [A.id, B.id], 6); // equal scores and courses → 3 + 3
});
afterAll(async () => {
  await h?.close();
});

const iins = Array.from({ length: 5 }, (_, i) => anIin(`199${i}-0${i + 1}-1${i}`, i % 2 ? 'male' : 'female'));
const list = async (app: { id: string; bin: string }, people: string[]) =>
  h
    .http()
    .put(`/provider-applications/${app.id}/trainees`)
    .set(auth(await h.token(['applicant'], [app.bin])))
    .send({ trainees: people.map((iin, i) => ({ iin, fullName: `Trainee ${i}` })) });

describe('F-76 trainees on the real database', () => {
  it('the quotas were allocated 3 + 3', async () => {
    const a = json<{ quotas: number }>(
      await h
        .http()
        .get(`/provider-applications/${A.id}`)
        .set(auth(await h.token(['training-officer']))),
    );
    expect(a.quotas).toBe(3);
  });

  it('a provider lists its trainees: the IIN and name are stored only encrypted, with a blind index; its event carries no personal data', async () => {
    const res = await list(A, iins.slice(0, 2));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ count: 2 });
    const rows = await h.sql<{ iin_cipher: string; name_cipher: string; iin_index: string }>(
      `select iin_cipher, name_cipher, iin_index from training_trainee where application_id = ?`,
      [A.id],
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.iin_cipher.startsWith('pii1.')).toBe(true);
      expect(JSON.stringify(r)).not.toContain(iins[0]);
      expect(JSON.stringify(r)).not.toContain('Trainee 0');
    }
    expect(
      json<{ traineeCount: number }>(
        await h
          .http()
          .get(`/provider-applications/${A.id}`)
          .set(auth(await h.token(['applicant'], [A.bin]))),
      ).traineeCount,
    ).toBe(2);
  });

  it('F-76: more trainees than quotas is 422 naming the rule, the list unchanged', async () => {
    const res = await list(A, iins.slice(0, 4));
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('F-76');
    expect(await h.sql(`select count(*)::int as n from training_trainee where application_id = ?`, [A.id])).toEqual([{ n: 2 }]);
  });

  it('F-76: a person listed by another provider of the same intake is 409; re-listing one’s own people is fine', async () => {
    const res = await list(B, [iins[0]!, iins[3]!]);
    expect(res.status).toBe(409);
    expect(JSON.stringify(res.body)).toContain('F-76');
    expect((await list(A, [iins[0]!, iins[1]!, iins[2]!])).status).toBe(200);
    expect((await list(B, [iins[3]!, iins[4]!])).status).toBe(200);
  });

  it('F-76: the database refuses the same person twice in one intake even when the application check is bypassed', async () => {
    const [row] = await h.sql<{ iin_index: string }>(`select iin_index from training_trainee where application_id = ? limit 1`, [A.id]);
    await expect(
      h.sql(
        `insert into training_trainee (id, intake_id, application_id, iin_index, iin_cipher, name_cipher, listed_at) values (gen_random_uuid(), ?, ?, ?, 'x', 'x', now())`,
        [intakeId, B.id, row!.iin_index],
      ),
    ).rejects.toThrow(/training_trainee_once_per_intake/);
  });

  it('F-76: an invalid IIN (check digit) is 422 naming the field; nothing changes', async () => {
    const bad = iins[4]!.slice(0, 11) + String((Number(iins[4]!.at(-1)) + 1) % 10);
    const res = await list(B, [bad]);
    expect([400, 422]).toContain(res.status);
    expect(JSON.stringify(res.body)).toContain('trainees.0.iin');
  });

  it('F-42: the provider and the training officer read the list decrypted, every read is logged; another company gets 404', async () => {
    const own = await h
      .http()
      .get(`/provider-applications/${A.id}/trainees`)
      .set(auth(await h.token(['applicant'], [A.bin])));
    expect(own.status).toBe(200);
    expect(
      json<{ iin: string }[]>(own)
        .map((t) => t.iin)
        .sort(),
    ).toEqual(iins.slice(0, 3).sort());
    expect(
      (
        await h
          .http()
          .get(`/provider-applications/${A.id}/trainees`)
          .set(auth(await h.token(['training-officer'])))
      ).status,
    ).toBe(200);
    expect(
      (
        await h
          .http()
          .get(`/provider-applications/${A.id}/trainees`)
          .set(auth(await h.token(['applicant'], [B.bin])))
      ).status,
    ).toBe(404);
    const log = await h.sql<{ actor_subject: string }>(`select actor_subject from training_pii_access_log where application_id = ? order by accessed_at, id`, [
      A.id,
    ]);
    expect(log.map((l) => l.actor_subject)).toEqual([`applicant-${A.bin}`, 'training-officer-x']);
  });

  it('F-76: concurrent listings of the same person by two providers — exactly one wins (409 for the other)', async () => {
    await list(A, []);
    await list(B, []);
    const person = iins[1]!;
    const [a, b] = await Promise.all([list(A, [person]), list(B, [person])]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await h.sql(`select count(*)::int as n from training_trainee where intake_id = ?`, [intakeId])).toEqual([{ n: 1 }]);
  });
});
