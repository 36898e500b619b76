import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { reencryptPiiColumns } from '@hub/pii/reencryption';
import { testKeyRing } from '@hub/pii/testing';
import { HOUSING_PII_COLUMNS } from '../../src/acceleration/infrastructure/pii-reencryption.js';
import { type Harness, auth, cohortCompletion, deliverServices, json, newTown, poller, startHarness } from '../support/housing-harness.js';
import { enrol, manager, requestHousing } from '../support/housing-fixtures.js';

/**
 * F-42 key rotation (ADR 0022, docs/runbooks/pii-key-rotation.md) on the real PostgreSQL: the app runs on a ring
 * whose active key is k1 and that already holds k2; `reencryptPiiColumns` over `HOUSING_PII_COLUMNS` (the
 * `reencrypt-pii` command) moves a housing request's IIN and contacts to k2; a request whose retention ended
 * (ADR 0124: '' — nothing sealed) is left alone; the enrolment's blind index stays; the app still reads.
 */
const { ring, env } = testKeyRing(); // k1 and k2, fresh random keys (F-42, ADR 0022)

let h: Harness;
beforeAll(async () => {
  // k1 first: the blind index's key (ADR 0065) is pinned, so the rotation cannot move it
  h = await startHarness('housing_pii_rotation', { env: env('k1', { indexKey: 'k1' }) });
});
afterAll(async () => {
  await h?.close();
});

const cases = () =>
  h.sql<{ id: string; iin: string; contacts: string }>(
    `select id::text, iin_cipher as iin, contacts_cipher as contacts from housing_case order by iin_cipher = '', id`,
  );

describe('F-42: housing re-encrypts its personal data with the active key', () => {
  it('F-42: a live request’s IIN and contacts move from k1 to k2 once, readable by k2 alone; a purged request and the blind indexes stay; the app still shows the IIN; a second run moves nothing', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const town = newTown();
    const [live, purged] = [await enrol(h, town), await enrol(h, town)];
    const liveId = json<{ id: string }>(await requestHousing(h, live)).id;
    expect((await requestHousing(h, purged)).status).toBe(201);
    // the second person completes the programme; its retention ends on 31 December 2031 (ADR 0124) and empties its request
    expect(await deliverServices(h, cohortCompletion(purged.enrolment, '2026-11-16'))).toBe('handled');
    h.clock.set('2031-12-31T19:00:01Z');
    await poller(h).runDue();

    const before = await cases();
    expect(before.map((c) => [c.iin === '' ? '' : ring('k2').keyIdOf(c.iin), c.contacts === '' ? '' : ring('k2').keyIdOf(c.contacts)])).toEqual([
      ['k1', 'k1'],
      ['', ''],
    ]);
    const indexes = await h.sql(`select enrolment_id, iin_index from housing_enrolment order by enrolment_id`);

    const em = h.db.orm.em.fork() as SqlEntityManager;
    const result = await reencryptPiiColumns(em, ring('k2'), HOUSING_PII_COLUMNS, 1); // a batch of one: the loop goes on until a short batch
    expect(result.columns.map((c) => `${c.table}.${c.column}: ${c.moved}`)).toEqual(['housing_case.iin_cipher: 1', 'housing_case.contacts_cipher: 1']);
    const after = await cases();
    const k2Only = ring('k2', ['k2']);
    expect(after[0]!.id).toBe(liveId);
    expect([k2Only.decrypt(after[0]!.iin, liveId), JSON.parse(k2Only.decrypt(after[0]!.contacts, liveId))]).toEqual([
      live.iin,
      { phone: '+77010000001', email: 'p@example.kz' },
    ]);
    expect([after[1]!.iin, after[1]!.contacts]).toEqual(['', '']); // nothing sealed: left alone, not an error
    expect(await h.sql(`select enrolment_id, iin_index from housing_enrolment order by enrolment_id`)).toEqual(indexes); // ADR 0065

    // the running app (ring k1,k2) reads the moved values
    const read = await h
      .http()
      .get(`/housing-requests/${liveId}/personal-data`)
      .set(auth(await manager(h)));
    expect(read.status).toBe(200);
    expect(json<{ iin: string }>(read).iin).toBe(live.iin);
    expect((await reencryptPiiColumns(em, ring('k2'), HOUSING_PII_COLUMNS)).moved).toBe(0);
  });
});
