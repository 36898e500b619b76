import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Options, SqlEntityManager } from '@mikro-orm/postgresql';
import { type TestDatabase, createTestDatabase } from '@hub/testing';
import { EX_CONFIG, type PiiColumn, reencryptPiiColumns, runPiiReencryptionCli } from '../src/reencryption.js';
import { testKeyRing } from '../src/testing.js';

/**
 * F-42 key rotation frame (ADR 0022, ADR 0133 §1) on the real PostgreSQL, with the three column shapes the
 * contexts use: a ciphertext bound to the row id (services), one bound to `<binding>:<row key>` with a text key
 * (notifications), one with a separate key-id column (participation's `key_id`).
 */
const { K1, ring, env } = testKeyRing(); // k1 and k2, fresh random keys (F-42, ADR 0022)
const k1 = ring('k1', ['k1']);
const both = ring('k2');
const k2Only = ring('k2', ['k2']);
// The checks below read re-encrypted values with k2Only: they prove "now under k2" only if k2Only cannot
// read what k1 wrote. Asserted here, so that a ring that quietly kept k1 fails this file.
const assertK2OnlyCannotReadK1 = () => expect(() => k2Only.decrypt(k1.encrypt('probe', 'aad'), 'aad')).toThrow();

const COLUMNS: readonly PiiColumn[] = [
  { table: 'pii_t_member', column: 'iin_cipher' },
  { table: 'pii_t_contact', key: 'subject', column: 'email_cipher', binding: 'pii_t_contact.email' },
  { table: 'pii_t_record', column: 'personal_data', keyIdColumn: 'key_id' },
];
const ormConfig = (clientUrl: string): Options => ({ clientUrl, entities: [], discovery: { warnWhenNoEntities: false }, allowGlobalContext: false });

let db: TestDatabase;
const em = () => db.orm.em.fork() as SqlEntityManager;
const sql = <T>(query: string, params: unknown[] = []) => em().execute<T[]>(query, params);

/** Fresh rows: five members (one already under k2, one with no IIN, one emptied), two contacts, two records. */
async function seed(): Promise<void> {
  await sql('truncate pii_t_member, pii_t_contact, pii_t_record');
  for (const [id, iin] of [
    ['00000000-0000-0000-0000-000000000001', '880714300123'],
    ['00000000-0000-0000-0000-000000000002', '900101400456'],
  ] as const)
    await sql('insert into pii_t_member (id, iin_cipher) values (?, ?)', [id, k1.encrypt(iin, id)]);
  await sql('insert into pii_t_member (id, iin_cipher) values (?, ?)', [
    '00000000-0000-0000-0000-000000000003',
    both.encrypt('010203500789', '00000000-0000-0000-0000-000000000003'),
  ]);
  await sql('insert into pii_t_member (id, iin_cipher) values (?, null)', ['00000000-0000-0000-0000-000000000004']);
  // F-42 retention (housing, ADR 0124): a value deleted at the end of its retention is '' — nothing sealed
  await sql(`insert into pii_t_member (id, iin_cipher) values (?, '')`, ['00000000-0000-0000-0000-000000000005']);
  for (const subject of ['person-a', 'person-b'])
    await sql('insert into pii_t_contact (subject, email_cipher) values (?, ?)', [
      subject,
      k1.encrypt(`${subject}@example.kz`, `pii_t_contact.email:${subject}`),
    ]);
  for (const [id, data] of [
    ['00000000-0000-0000-0000-00000000000a', '{"fullName":"Engaged"}'],
    ['00000000-0000-0000-0000-00000000000b', '{"fullName":"Family"}'],
  ] as const)
    await sql('insert into pii_t_record (id, personal_data, key_id) values (?, ?, ?)', [id, k1.encrypt(data, id), 'k1']);
}

beforeAll(async () => {
  db = await createTestDatabase('pii_rotation', {
    entities: [],
    discovery: { warnWhenNoEntities: false },
    migrate: async (orm) => {
      const x = orm.em.fork() as SqlEntityManager;
      await x.execute('create table pii_t_member (id uuid primary key, iin_cipher text)');
      await x.execute('create table pii_t_contact (subject text primary key, email_cipher text not null)');
      await x.execute('create table pii_t_record (id uuid primary key, personal_data text not null, key_id varchar(50) not null)');
    },
  });
});
afterAll(async () => {
  await db?.drop();
});

describe('F-42: reencryptPiiColumns moves every value not under the active key (ADR 0022)', () => {
  it('in batches until a short one, each column with its own AAD, the key-id column kept in step; a value already under the key, a null and an emptied value are left alone; a second run moves 0', async () => {
    await seed();
    const [already] = await sql<{ c: string }>(`select iin_cipher as c from pii_t_member where id = '00000000-0000-0000-0000-000000000003'`);

    const result = await reencryptPiiColumns(em(), both, COLUMNS, 1); // a batch of one: each column's loop goes on until a short batch
    expect(result).toEqual({
      moved: 6,
      columns: [
        { table: 'pii_t_member', column: 'iin_cipher', moved: 2 },
        { table: 'pii_t_contact', column: 'email_cipher', moved: 2 },
        { table: 'pii_t_record', column: 'personal_data', moved: 2 },
      ],
    });

    assertK2OnlyCannotReadK1();
    const members = await sql<{ id: string; c: string | null }>('select id::text, iin_cipher as c from pii_t_member order by id');
    expect(members.map((m) => (m.c === null || m.c === '' ? m.c : k2Only.decrypt(m.c, m.id)))).toEqual([
      '880714300123',
      '900101400456',
      '010203500789',
      null,
      '',
    ]);
    expect(members[2]!.c).toBe(already!.c); // not re-encrypted again
    const contacts = await sql<{ subject: string; c: string }>('select subject, email_cipher as c from pii_t_contact order by subject');
    expect(contacts.map((r) => k2Only.decrypt(r.c, `pii_t_contact.email:${r.subject}`))).toEqual(['person-a@example.kz', 'person-b@example.kz']);
    const records = await sql<{ id: string; c: string; key_id: string }>('select id::text, personal_data as c, key_id from pii_t_record order by id');
    expect(records.map((r) => [r.key_id, k2Only.decrypt(r.c, r.id)])).toEqual([
      ['k2', '{"fullName":"Engaged"}'],
      ['k2', '{"fullName":"Family"}'],
    ]);

    expect((await reencryptPiiColumns(em(), both, COLUMNS)).moved).toBe(0); // idempotent
  });

  it('a row another transaction holds is skipped (for update skip locked), not waited for nor moved twice; the next run moves it', async () => {
    await seed();
    const holder = em();
    await holder.begin();
    try {
      await holder.execute(`select id from pii_t_member where id = '00000000-0000-0000-0000-000000000001' for update`);
      const first = await reencryptPiiColumns(em(), both, COLUMNS.slice(0, 1));
      expect(first.moved).toBe(1);
    } finally {
      await holder.rollback();
    }
    const [held] = await sql<{ c: string }>(`select iin_cipher as c from pii_t_member where id = '00000000-0000-0000-0000-000000000001'`);
    expect(k2Only.keyIdOf(held!.c)).toBe('k1');
    expect((await reencryptPiiColumns(em(), both, COLUMNS.slice(0, 1))).moved).toBe(1);
    expect((await reencryptPiiColumns(em(), both, COLUMNS.slice(0, 1))).moved).toBe(0);
  });

  it('refuses a table or column name that is not a plain identifier, before touching the database', async () => {
    await expect(reencryptPiiColumns(em(), both, [{ table: 'pii_t_member; drop table x', column: 'iin_cipher' }])).rejects.toThrow(/plain SQL identifier/);
    await expect(reencryptPiiColumns(em(), both, COLUMNS, 0)).rejects.toThrow(/batchSize/);
  });
});

describe('F-42: runPiiReencryptionCli — the reencrypt-pii command of a context (runbook step 3)', () => {
  const lines = () => {
    const out: string[] = [];
    return { out, w: { write: (s: string) => out.push(s) } };
  };

  it('an invalid configuration exits EX_CONFIG naming the variables, without echoing key material, and touches nothing', async () => {
    await seed();
    const [o, e] = [lines(), lines()];
    const code = await runPiiReencryptionCli(
      { context: 'ctx', ormConfig, columns: COLUMNS },
      { DATABASE_URL: db.url, HUB_PII_KEYS: `k1:${K1},k2:short`, HUB_PII_ACTIVE_KEY: 'k3' },
      o.w,
      e.w,
    );
    expect(code).toBe(EX_CONFIG);
    expect(e.out.join('')).toMatch(/HUB_PII_KEYS: entry 2/);
    expect(e.out.join('')).not.toContain(K1);
    expect(o.out).toEqual([]);
    const missing = lines();
    expect(await runPiiReencryptionCli({ context: 'ctx', ormConfig, columns: COLUMNS }, env('k1', { ids: ['k1'] }), o.w, missing.w)).toBe(EX_CONFIG);
    expect(missing.out.join('')).toMatch(/^invalid configuration: DATABASE_URL: /);
    const [r] = await sql<{ k: string }>('select key_id as k from pii_t_record limit 1');
    expect(r!.k).toBe('k1');
  });

  it('moves every column to the active key, reports each column and the total, then runs the context’s further work with the same ring', async () => {
    await seed();
    const o = lines();
    let ringSeen: string | undefined;
    const code = await runPiiReencryptionCli(
      {
        context: 'ctx',
        ormConfig,
        columns: COLUMNS,
        alsoRun: async (x, cipher) => {
          ringSeen = cipher.activeKeyId;
          const [n] = await x.execute<{ n: string }[]>(`select count(*)::text as n from pii_t_record where key_id = 'k2'`);
          return [`${n!.n} record(s) seen under k2`];
        },
      },
      { DATABASE_URL: db.url, ...env('k2') },
      o.w,
      lines().w,
    );
    expect(code).toBe(0);
    expect(o.out).toEqual([
      'ctx: pii_t_member.iin_cipher: 2 value(s) moved\n',
      'ctx: pii_t_contact.email_cipher: 2 value(s) moved\n',
      'ctx: pii_t_record.personal_data: 2 value(s) moved\n',
      'ctx: 6 personal-data value(s) re-encrypted with key k2\n',
      'ctx: 2 record(s) seen under k2\n',
    ]);
    expect(ringSeen).toBe('k2');
    expect(o.out.join('')).not.toMatch(/880714300123|example\.kz|fullName/); // F-42: counts only, no personal data
  });
});
