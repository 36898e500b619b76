import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '@hub/testing';
import { registrationOrmConfig } from '../../src/mikro-orm.config.js';

/**
 * ADR 0055 (issue #9): Migration20261201120000_participant_life on real rows — the existing
 * participants get their current validity from the term end, no extensions and no end; a company
 * may then hold a second participation (F-25 → F-8: the BIN is no longer unique); down() refuses to
 * run while a BIN has two participations (it deletes nobody's history) and restores the constraint.
 */
const BEFORE = 'Migration20261201090000_money_in_tiyn';
const MIGRATION = 'Migration20261201120000_participant_life';
const P1 = '018f0000-0000-7000-8000-0000000000d1';
const P2 = '018f0000-0000-7000-8000-0000000000d2';
const P3 = '018f0000-0000-7000-8000-0000000000d3';

let db: TestDatabase;
let orm: MikroORM;
const sql = <T>(q: string, params: unknown[] = []): Promise<T[]> => orm.em.fork().execute<T[]>(q, params);
const insert = (id: string, bin: string, termEnd: string, certificate: string, extra = '') =>
  sql(
    `insert into registration_participant (id, bin, company_name, address, activity_types, registration_application_id, contract_number, contract_signed_on, term_start, term_end, certificate_number, listed_on, version, created_at, updated_at${extra ? ', valid_to, extensions' : ''})
     values (?, ?, 'Life LLP', 'Astana', '[]', ?, 'SC-1', '2026-11-16', '2026-11-16', ?, ?, '2026-11-17', 1, now(), now()${extra})`,
    [id, bin, id, termEnd, certificate],
  );

beforeAll(async () => {
  const { clientUrl: _unused, ...ormOptions } = registrationOrmConfig('postgres://unused');
  db = await createTestDatabase('reg_plife_mig', {
    ...ormOptions,
    migrate: async (o) => {
      await o.migrator.up({ to: BEFORE });
    },
  });
  orm = db.orm;
  await insert(P1, '180440000113', '2027-11-15', 'AH-2026-00001');
  await insert(P2, '180440000124', '2028-05-31', 'AH-2026-00002');
}, 60_000);
afterAll(async () => {
  await db?.drop();
});

describe(MIGRATION, () => {
  it('F-19, F-25, F-27: existing participants keep their validity (valid_to = term_end), no extensions, no end; a second participation of one BIN is allowed; down() guards the history', async () => {
    await expect(insert(P3, '180440000113', '2029-01-31', 'AH-2028-00003')).rejects.toThrow(/registration_participant_bin_unique/);
    await orm.migrator.up({ to: MIGRATION });
    expect(
      await sql(`select id, valid_to::text, extensions, ended_on, end_kind, end_ground, end_ground_number from registration_participant order by id`),
    ).toEqual([
      { id: P1, valid_to: '2027-11-15', extensions: [], ended_on: null, end_kind: null, end_ground: null, end_ground_number: null },
      { id: P2, valid_to: '2028-05-31', extensions: [], ended_on: null, end_kind: null, end_ground: null, end_ground_number: null },
    ]);
    // F-25 → F-8: the same company registered again
    await insert(P3, '180440000113', '2029-01-31', 'AH-2028-00003', `, '2029-01-31', '[]'`);
    expect(await sql(`select count(*)::int as n from registration_participant where bin = '180440000113'`)).toEqual([{ n: 2 }]);

    await expect(orm.migrator.down({ to: BEFORE })).rejects.toThrow(/registration_participant_bin_unique|could not create unique index/);
    await sql(`delete from registration_participant where id = ?`, [P3]);
    await orm.migrator.down({ to: BEFORE });
    expect(await sql(`select id, term_end::text from registration_participant order by id`)).toEqual([
      { id: P1, term_end: '2027-11-15' },
      { id: P2, term_end: '2028-05-31' },
    ]);
    await expect(insert(P3, '180440000113', '2029-01-31', 'AH-2028-00003')).rejects.toThrow(/registration_participant_bin_unique/);
    await orm.migrator.up({ to: MIGRATION });
  });
});
