import { afterAll, describe, expect, it } from 'vitest';
import { withDb } from '../src/fleet.js';
import { OwnPostgres } from '../src/postgres.js';

// Issue #18: the suite's own PostgreSQL server (never the shared one on 5432) survives a crash with
// what it committed — the premise of the chaos suite's `postgres` scenario.
describe('OwnPostgres: a test-only cluster on its own port and directory', () => {
  const pg = new OwnPostgres();
  afterAll(() => pg.remove(), 120_000);

  it('starts on its own port, keeps committed rows across a crash (stop -m immediate) and a restart, refuses connections while down', async () => {
    await pg.start();
    expect(pg.port).not.toBe(5432);
    expect(pg.adminUrl).toBe(`postgres://postgres@127.0.0.1:${pg.port}`);
    await withDb(`${pg.adminUrl}/postgres`, async (c) => {
      await c.query('create table kept (n int)');
      await c.query('insert into kept select generate_series(1, 100)');
    });
    await pg.stop('immediate');
    await expect(withDb(`${pg.adminUrl}/postgres`, (c) => c.query('select 1'))).rejects.toThrow(/ECONNREFUSED|connect/);
    await pg.start();
    const n = await withDb(`${pg.adminUrl}/postgres`, async (c) => (await c.query<{ n: number }>('select count(*)::int as n from kept')).rows[0]!.n);
    expect(n).toBe(100);
  }, 240_000);
});
