import { createServer } from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testPgUrl } from '@hub/testing';
import { isDatabaseUnavailable } from './database-unavailable.js';

// Issue #18: which failures are "the database is not there" (503, try again) and which are not (500 / the query's own answer).
describe('isDatabaseUnavailable', () => {
  it('a real refused connection (nothing listens on the port) is; so is the same error wrapped as a cause or MikroORM-style `previous`', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    const refused = await client.connect().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeDefined();
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new Error('outer', { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('driver'), { name: 'DriverException', previous: refused }))).toBe(true);
  });

  it('a real query error from PostgreSQL is not (syntax error, unique violation): those are the request’s own fault or a bug', async () => {
    const client = new pg.Client({ connectionString: `${testPgUrl()}/postgres` });
    await client.connect();
    try {
      const syntax = await client.query('selec 1').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((syntax as { code?: string }).code).toBe('42601');
      expect(isDatabaseUnavailable(syntax)).toBe(false);
    } finally {
      await client.end();
    }
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it('PostgreSQL going away: admin/crash shutdown, cannot connect now, connection exceptions (08xxx), a terminated connection', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006', '08001']) expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code })), code).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { name: 'ConnectionException' }))).toBe(true);
  });
});
