import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKafkaBrokers, uniqueName } from '@hub/testing';
import { Fleet, REPO } from '../src/fleet.js';
import { OwnPostgres } from '../src/postgres.js';

const run = promisify(execFile);

/**
 * PostgreSQL TLS required and verified (ASVS 9.2, ADR 0112 §5), the way the rendered manifests set it
 * up: the server refuses plain TCP (as the CloudNativePG Cluster's `hostnossl … reject`), the app's
 * process gets `PGSSLMODE=verify-full` and the CA in `NODE_EXTRA_CA_CERTS` (MikroORM builds the pg
 * pool from the URL's host, user and database only, so `sslmode` in DATABASE_URL would not reach the
 * driver; pg reads PGSSLMODE itself), and psql (the migration Job's post-migration step) the URL's
 * `sslmode=verify-full&sslrootcert=…`. On the suite's own server, never the shared one.
 */
describe('PostgreSQL over verified TLS only (ASVS 9.2, ADR 0112 §5)', () => {
  const server = new OwnPostgres({ tls: true });
  const fleet = new Fleet();
  const database = uniqueName('hub_tls_registration');
  let url = '';
  const tlsClient = (db: string) => new pg.Client({ connectionString: `${server.adminUrl}/${db}`, ssl: { ca: readFileSync(server.caFile, 'utf8') } });
  const migrate = (env: Record<string, string>) =>
    run(process.execPath, [join(REPO, 'apps/registration/dist/cli/migrate.js'), 'up'], {
      cwd: join(REPO, 'apps/registration'),
      env: { ...process.env, PGSSLMODE: '', NODE_EXTRA_CA_CERTS: '', DATABASE_URL: url, ...env },
      timeout: 180_000,
    });

  beforeAll(async () => {
    await server.start();
    await fleet.init();
    const c = tlsClient('postgres');
    await c.connect();
    await c.query(`create database "${database}"`);
    await c.end();
    url = `${server.adminUrl}/${database}`;
  });
  afterAll(async () => {
    await fleet.close();
    await server.remove();
  });

  it('a connection without TLS is refused by the server', async () => {
    const plain = new pg.Client({ connectionString: url, ssl: false });
    await expect(plain.connect()).rejects.toThrow(/no encryption|pg_hba/);
    await expect(migrate({})).rejects.toThrow();
  });

  it('verify-full against another CA is refused by the client', async () => {
    await expect(migrate({ PGSSLMODE: 'verify-full', NODE_EXTRA_CA_CERTS: server.otherCaFile })).rejects.toThrow(/certificate/i);
  });

  it("the app's migration CLI and the app itself connect over TLS with the cluster's CA; psql with the URL's sslmode=verify-full", async () => {
    const tls = { PGSSLMODE: 'verify-full', NODE_EXTRA_CA_CERTS: server.caFile };
    const migrated = await migrate(tls);
    expect(migrated.stdout).toMatch(/registration: \d+ migration\(s\) applied/);
    const kafka = { HUB_KAFKA_BROKERS: testKafkaBrokers().join(','), HUB_KAFKA_TOPIC_PREFIX: `t.${uniqueName('tls').replace(/_/g, '-')}.` };
    await fleet.start('registration', 'registration', { ...tls, ...kafka, ...fleet.authEnv, DATABASE_URL: url, HUB_RUN_WORKERS: 'false' });
    // The readiness check reads the database (over the pool the app built).
    const ready = await fetch(`${fleet.url('registration')}/health/ready`).then((r) => r.text());
    expect(ready).toMatch(/database/);
    // Every connection the app holds to its database is TLS (pg_stat_ssl), and there is at least one.
    const c = tlsClient(database);
    await c.connect();
    const rows = (
      await c.query<{ ssl: boolean; n: number }>(
        `select s.ssl, count(*)::int as n from pg_stat_activity a join pg_stat_ssl s using (pid) where a.datname = $1 and a.pid <> pg_backend_pid() group by s.ssl`,
        [database],
      )
    ).rows;
    await c.end();
    expect(rows.find((r) => r.ssl)?.n ?? 0).toBeGreaterThan(0);
    expect(rows.find((r) => !r.ssl)).toBeUndefined();
    // The migration Job's psql step: the composed URL carries sslmode=verify-full and the CA file.
    const psql = await run('psql', [
      `${url}?sslmode=verify-full&sslrootcert=${server.caFile}`,
      '--no-psqlrc',
      '-tAc',
      'select ssl from pg_stat_ssl where pid = pg_backend_pid()',
    ]);
    expect(psql.stdout.trim()).toBe('t');
    await expect(run('psql', [`${url}?sslmode=verify-full&sslrootcert=${server.otherCaFile}`, '--no-psqlrc', '-tAc', 'select 1'])).rejects.toThrow();
  });
});
