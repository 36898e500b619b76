import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { reencryptPiiColumns } from '@hub/pii/reencryption';
import { testKeyRing } from '@hub/pii/testing';
import { anIin } from '@hub/testing';
import { TRAINING_PII_COLUMNS } from '../../src/trainees/infrastructure/pii-reencryption.js';
import { type Harness, auth, json, startHarness } from '../support/training-harness.js';
import { admitAndContract, announceIntake, completeApplication } from '../support/training-fixtures.js';

/**
 * F-42 key rotation (ADR 0022, docs/runbooks/pii-key-rotation.md) on the real PostgreSQL: the app runs on a ring
 * whose active key is k1 and that already holds k2; `reencryptPiiColumns` over `TRAINING_PII_COLUMNS` (the
 * `reencrypt-pii` command) moves the trainees' IINs and names (F-76) to k2; the IIN's blind index (unique per
 * intake) stays; the app still reads the list.
 */
const { ring, env } = testKeyRing(); // k1 and k2, fresh random keys (F-42, ADR 0022)

let h: Harness;
beforeAll(async () => {
  // the blind index's key (ADR 0065) is pinned, so the rotation cannot move it
  h = await startHarness('training_pii_rotation', {
    env: { TRAINING_REGISTERS: 'development', ...env('k1', { indexKey: 'k1' }) },
  });
});
afterAll(async () => {
  await h?.close();
});

const trainees = () =>
  h.sql<{ id: string; iin: string; name: string; iin_index: string }>(
    `select id::text, iin_cipher as iin, name_cipher as name, iin_index from training_trainee order by id`,
  );

describe('F-42: training re-encrypts its personal data with the active key', () => {
  it('F-42, F-76: every trainee’s IIN and name move from k1 to k2 once, readable by k2 alone, the blind index unchanged; the app still lists them; a second run moves nothing', async () => {
    const intakeId = await announceIntake(h);
    const provider = await completeApplication(h, intakeId);
    await admitAndContract(h, intakeId, [provider.id], 3);
    const people = [anIin('1990-01-10', 'female'), anIin('1991-02-11', 'male')];
    const listed = await h
      .http()
      .put(`/provider-applications/${provider.id}/trainees`)
      .set(auth(await h.token(['applicant'], [provider.bin])))
      .send({ trainees: people.map((iin, i) => ({ iin, fullName: `Trainee ${i}` })) });
    expect(listed.status).toBe(200);

    const before = await trainees();
    expect(before.flatMap((t) => [ring('k2').keyIdOf(t.iin), ring('k2').keyIdOf(t.name)])).toEqual(['k1', 'k1', 'k1', 'k1']);

    const em = h.db.orm.em.fork() as SqlEntityManager;
    const result = await reencryptPiiColumns(em, ring('k2'), TRAINING_PII_COLUMNS, 1); // a batch of one: the loop goes on until a short batch
    expect(result.columns.map((c) => `${c.table}.${c.column}: ${c.moved}`)).toEqual(['training_trainee.iin_cipher: 2', 'training_trainee.name_cipher: 2']);
    const after = await trainees();
    const k2Only = ring('k2', ['k2']);
    expect(after.map((t) => [k2Only.decrypt(t.iin, t.id), k2Only.decrypt(t.name, t.id)]).sort()).toEqual([
      [people[0], 'Trainee 0'],
      [people[1], 'Trainee 1'],
    ]);
    expect(after.map((t) => t.iin_index)).toEqual(before.map((t) => t.iin_index)); // ADR 0065: the index key is not rotated in place

    // the running app (ring k1,k2) reads the moved values
    const read = await h
      .http()
      .get(`/provider-applications/${provider.id}/trainees`)
      .set(auth(await h.token(['training-officer'])));
    expect(read.status).toBe(200);
    expect(
      json<{ iin: string; fullName: string }[]>(read)
        .map((t) => `${t.iin} ${t.fullName}`)
        .sort(),
    ).toEqual([`${people[0]} Trainee 0`, `${people[1]} Trainee 1`].sort());
    expect((await reencryptPiiColumns(em, ring('k2'), TRAINING_PII_COLUMNS)).moved).toBe(0);
  });
});
