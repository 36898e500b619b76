// Issue #18 — least-privilege database roles, proven on the real PostgreSQL: the gateway's own
// migrations run as <db>_migrator, then the app role is refused everything it must not do.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { provisionRoles, roleUrl, rolesOf } from '../db-roles.mjs';

const ADMIN = process.env.HUB_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const suffix = `${process.pid}_${Date.now().toString(36)}`;
const gatewayDb = `hub_t_roles_gw_${suffix}`;
const otherDb = `hub_t_roles_other_${suffix}`;
const password = randomBytes(12).toString('hex');

const admin = async (sql) => {
  const c = new pg.Client({ connectionString: `${ADMIN}/postgres` });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
};
async function as(role, database, work) {
  const c = new pg.Client({ connectionString: roleUrl(ADMIN, database, role, password) });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}
const refused = async (promise, pattern) => {
  await assert.rejects(promise, (e) => {
    assert.match(e.message, pattern);
    return true;
  });
};

const migrate = (database) =>
  execFileSync('node', ['dist/cli/migrate.js', 'up'], {
    cwd: `${ROOT}apps/admin-gateway`,
    env: { ...process.env, DATABASE_URL: roleUrl(ADMIN, database, rolesOf(database).migrator, password), HUB_LOG_LEVEL: 'warn' },
    stdio: 'pipe',
  });

describe('least-privilege database roles (issue #18, ADR 0039)', () => {
  const { app, migrator } = rolesOf(gatewayDb);
  before(async () => {
    await admin(`create database "${gatewayDb}"`);
    await admin(`create database "${otherDb}"`);
    await provisionRoles({ adminUrl: ADMIN, database: otherDb, password });
    await provisionRoles({ adminUrl: ADMIN, database: gatewayDb, password, appendOnly: ['gateway_audit_event'] });
    migrate(gatewayDb); // DDL as the migrator
    await provisionRoles({ adminUrl: ADMIN, database: gatewayDb, password, appendOnly: ['gateway_audit_event'] });
  });
  after(async () => {
    for (const db of [gatewayDb, otherDb]) {
      await admin(`drop database if exists "${db}" with (force)`);
      for (const role of Object.values(rolesOf(db))) await admin(`drop role if exists "${role}"`);
    }
  });

  it('the migrator owns what the migrations created', async () => {
    const owners = await as(migrator, gatewayDb, (c) => c.query(`select distinct tableowner from pg_tables where schemaname = 'public'`));
    assert.deepEqual(owners.rows, [{ tableowner: migrator }]);
  });

  it('the app reads and writes its tables and appends to the audit trail', async () => {
    await as(app, gatewayDb, async (c) => {
      await c.query(
        `insert into gateway_audit_event (id, occurred_at, kind, roles, actor_companies, method, path, status, outcome, correlation_id, duration_ms)
         values (gen_random_uuid(), now(), 'write', '[]', '[]', 'GET', '/x', 200, 'allowed', 'c-1', 1)`,
      );
      assert.equal((await c.query('select count(*)::int as n from gateway_audit_event')).rows[0].n, 1);
      await c.query(`insert into gateway_rate_limit (key, points) values ('k', 1)`);
      await c.query(`update gateway_rate_limit set points = 2`);
      await c.query(`delete from gateway_rate_limit`);
    });
  });

  it('the app may not change or erase the audit trail, nor switch its triggers off', async () => {
    await as(app, gatewayDb, async (c) => {
      await refused(c.query(`update gateway_audit_event set status = 500`), /permission denied/);
      await refused(c.query(`delete from gateway_audit_event`), /permission denied/);
      await refused(c.query(`truncate gateway_audit_event`), /permission denied/);
      await refused(c.query(`alter table gateway_audit_event disable trigger all`), /must be owner/);
    });
  });

  it('the app may not run DDL, touch the migrations table, or reach another context database', async () => {
    await as(app, gatewayDb, async (c) => {
      await refused(c.query(`create table sneaky (id int)`), /permission denied/);
      await refused(c.query(`drop table gateway_rate_limit`), /must be owner/);
      await refused(c.query(`alter table gateway_rate_limit add column x int`), /must be owner/);
      await refused(c.query(`delete from mikro_orm_migrations`), /permission denied/);
      assert.ok((await c.query('select count(*)::int as n from mikro_orm_migrations')).rows[0].n > 0);
    });
    await refused(
      as(app, otherDb, (c) => c.query('select 1')),
      /permission denied for database/,
    );
    await refused(
      as(rolesOf(otherDb).app, gatewayDb, (c) => c.query('select 1')),
      /permission denied for database/,
    );
  });
});
