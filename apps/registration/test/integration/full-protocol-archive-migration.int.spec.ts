import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '@hub/testing';
import { registrationOrmConfig } from '../../src/mikro-orm.config.js';

/**
 * Issue #10, ADR 0122 (F-15, F-16, F-35): Migration20261211300000_full_protocol_archive on a real
 * database. Before it, each Commission protocol was archived as its extract only; the migration adds the
 * full copy's columns and owes every protocol archived before it its full copy — one scheduled archiving
 * timer per such protocol (the timer finds the extract by its issue key and issues only the full one).
 * Its contract: a protocol whose archiving is still owed keeps its one live timer (not a second), a
 * protocol not decided gets none, and running the migration again (down, then up) doubles nothing.
 */
const BEFORE = 'Migration20261208060000_protocol_archive';
const MIGRATION = 'Migration20261211300000_full_protocol_archive';
const KIND = 'registration.protocol-archive';

// P-1, P-2: archived before (extract only), their timers fired long ago. P-3: decided, its archiving still owed
// (a live timer from the decision). A-4: a draft, no protocol.
const A1 = '018f0000-0000-7000-8000-0000000000a1';
const A2 = '018f0000-0000-7000-8000-0000000000a2';
const A3 = '018f0000-0000-7000-8000-0000000000a3';
const A4 = '018f0000-0000-7000-8000-0000000000a4';
const D1 = '018f0000-0000-7000-8000-0000000000d1';
const D2 = '018f0000-0000-7000-8000-0000000000d2';
const LIVE_P3 = '018f0000-0000-7000-8000-0000000000f3';

let db: TestDatabase;
let orm: MikroORM;
const sql = <T>(q: string, params: unknown[] = []): Promise<T[]> => orm.em.fork().execute<T[]>(q, params);

const application = (id: string, bin: string, status: string, protocol?: { number: string; decision: 'register' | 'refuse' }) =>
  sql(
    `insert into registration_application (id, kind, bin, company_name, status, language, address, activity_types, business_plan, remarks, votes, created_by, history, version, created_at, updated_at, decision, protocol_number, decided_on)
     values (?, 'registration', ?, 'Protocol LLP', ?, 'ru', 'Astana', '[]', '{}'::jsonb, '[]'::jsonb, '[]', 'rep-1', '[]', 1, now(), now(), ?, ?, ?)`,
    [id, bin, status, protocol?.decision ?? null, protocol?.number ?? null, protocol ? '2026-11-20' : null],
  );
const timer = (id: string, key: string, status: 'scheduled' | 'fired') =>
  sql(
    `insert into hub_timer (id, kind, timer_key, due_at, payload, status, attempts, created_at, updated_at, fired_at)
     values (?, ?, ?, now() - interval '10 days', jsonb_build_object('protocolNumber', ?::text), ?, 0, now() - interval '10 days', now() - interval '10 days', ?)`,
    [id, KIND, key, key, status, status === 'fired' ? new Date(Date.now() - 9 * 86_400_000) : null],
  );
const liveTimers = () =>
  sql<{ id: string; timer_key: string; payload: { protocolNumber: string } }>(
    `select id, timer_key, payload from hub_timer where kind = ? and status = 'scheduled' order by timer_key, id`,
    [KIND],
  );

beforeAll(async () => {
  const { clientUrl: _unused, ...ormOptions } = registrationOrmConfig('postgres://unused');
  db = await createTestDatabase('reg_fullproto_mig', {
    ...ormOptions,
    migrate: async (o) => {
      await o.migrator.up({ to: BEFORE });
    },
  });
  orm = db.orm;
  await application(A1, '180440000113', 'refused', { number: 'CP-2026-00001', decision: 'refuse' });
  await application(A2, '180440000124', 'registered', { number: 'CP-2026-00002', decision: 'register' });
  await application(A3, '180440000135', 'refused', { number: 'CP-2026-00003', decision: 'refuse' });
  await application(A4, '180440000146', 'draft');
  // The extracts archived before ADR 0122 (no full copy existed then).
  for (const [n, app, doc] of [
    ['CP-2026-00001', A1, D1],
    ['CP-2026-00002', A2, D2],
  ] as const)
    await sql(`insert into registration_protocol_archive (protocol_number, application_id, document_id, sha256, archived_at) values (?, ?, ?, ?, now())`, [
      n,
      app,
      doc,
      'a'.repeat(64),
    ]);
  await timer('018f0000-0000-7000-8000-0000000000e1', 'CP-2026-00001', 'fired');
  await timer('018f0000-0000-7000-8000-0000000000e2', 'CP-2026-00002', 'fired');
  await timer(LIVE_P3, 'CP-2026-00003', 'scheduled');
}, 60_000);
afterAll(async () => {
  await db?.drop();
});

describe(MIGRATION, () => {
  it('ADR 0122: each protocol archived before gets one live archiving timer for its full copy; a protocol still owed keeps its one timer; a draft none', async () => {
    expect(await liveTimers()).toEqual([{ id: LIVE_P3, timer_key: 'CP-2026-00003', payload: { protocolNumber: 'CP-2026-00003' } }]);
    await orm.migrator.up({ to: MIGRATION });

    const live = await liveTimers();
    expect(live.map((t) => [t.timer_key, t.payload.protocolNumber])).toEqual([
      ['CP-2026-00001', 'CP-2026-00001'],
      ['CP-2026-00002', 'CP-2026-00002'],
      ['CP-2026-00003', 'CP-2026-00003'],
    ]);
    // P-3's live timer is the one it had (the insert met the live-key unique index and did nothing).
    expect(live.find((t) => t.timer_key === 'CP-2026-00003')?.id).toBe(LIVE_P3);
    // Due now: the worker archives the full copies at its next poll.
    const [due] = await sql<{ late: boolean }>(`select bool_and(due_at <= now()) as late from hub_timer where kind = ? and status = 'scheduled'`, [KIND]);
    expect(due?.late).toBe(true);
    // The fired timers stay as they were (history is not rewritten).
    expect(await sql(`select timer_key, status from hub_timer where kind = ? and status = 'fired' order by timer_key`, [KIND])).toEqual([
      { timer_key: 'CP-2026-00001', status: 'fired' },
      { timer_key: 'CP-2026-00002', status: 'fired' },
    ]);
    // The archive record has room for the full copy, empty until the timer has run.
    expect(await sql(`select protocol_number, full_document_id, full_sha256 from registration_protocol_archive order by protocol_number`)).toEqual([
      { protocol_number: 'CP-2026-00001', full_document_id: null, full_sha256: null },
      { protocol_number: 'CP-2026-00002', full_document_id: null, full_sha256: null },
    ]);
  });

  it('running it again (down, then up) doubles no timer: one live timer per protocol still', async () => {
    const before = await liveTimers();
    await orm.migrator.down({ to: BEFORE });
    expect(
      await sql(`select column_name from information_schema.columns where table_name = 'registration_protocol_archive' and column_name like 'full_%'`),
    ).toEqual([]);
    await orm.migrator.up({ to: MIGRATION });
    const after = await liveTimers();
    expect(after).toHaveLength(3);
    expect(after.map((t) => t.id)).toEqual(before.map((t) => t.id));
    const [counts] = await sql<{ keys: number; rows: number }>(
      `select count(distinct timer_key)::int as keys, count(*)::int as rows from hub_timer where kind = ? and status = 'scheduled'`,
      [KIND],
    );
    expect(counts).toEqual({ keys: 3, rows: 3 });
  });

  it('once a full copy is recorded, the protocol is not owed again (the migration selects only protocols without one)', async () => {
    // The worker archived P-1's full copy and fired its timer.
    await sql(`update registration_protocol_archive set full_document_id = ?, full_sha256 = ? where protocol_number = 'CP-2026-00001'`, [
      '018f0000-0000-7000-8000-0000000000c1',
      'b'.repeat(64),
    ]);
    await sql(`update hub_timer set status = 'fired', fired_at = now() where kind = ? and timer_key = 'CP-2026-00001' and status = 'scheduled'`, [KIND]);
    // The migration's re-scheduling statement, as it runs (its up() minus the column it adds).
    const migration = (await import('../../src/migrations/Migration20261211300000_full_protocol_archive.js')).Migration20261211300000_full_protocol_archive;
    const statements: string[] = [];
    const m = Object.create(migration.prototype) as { up(): void; addSql(s: string): void };
    m.addSql = (s: string) => statements.push(s);
    m.up();
    const reschedule = statements.find((s) => s.includes('insert into "hub_timer"'));
    expect(reschedule).toBeDefined();
    await sql(reschedule!);
    expect((await liveTimers()).map((t) => t.timer_key)).toEqual(['CP-2026-00002', 'CP-2026-00003']);
  });
});
