import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT, dbClusterName, discoverApps, render, toYaml, type Manifest } from '../src/index.js';

/**
 * Issue #19 / ADR 0039: the database roles of the rendered manifests, run on the real PostgreSQL
 * the way CloudNativePG and the migration Job run them — `initdb` with the migrator as owner, the
 * Cluster's `postInitApplicationSQL` as superuser, `managed.roles` giving the app role its login,
 * the gateway's real migrations as the migrator (the Job's init container), then the Job's
 * post-migration container: its own psql command line, word for word. The app role is then refused
 * what it must not do — and was allowed some of it before the step (so the step is what closes it).
 */
const ADMIN = process.env.HUB_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const gateway = discoverApps().find((a) => a.name === 'admin-gateway')!;
const manifests = parseAllDocuments(toYaml(render('single-node', { only: 'admin-gateway' }))).map((d) => d.toJS() as Manifest);
type Pod = { initContainers: { command: string[] }[]; containers: { name: string; command: string[] }[] };
const cluster = manifests.find((m) => m.kind === 'Cluster' && m.metadata.name === dbClusterName('admin-gateway')) as Manifest & {
  spec: { bootstrap: { initdb: { database: string; owner: string; postInitApplicationSQL: string[] } }; managed: { roles: { name: string }[] } };
};
const job = manifests.find((m) => m.kind === 'Job') as Manifest & { spec: { template: { spec: Pod } } };

// The manifests name `hub_gateway`; here a throwaway database of our own carries the same statements.
const db = `hub_t_k8s_roles_${process.pid}_${Date.now().toString(36)}`;
const rename = (sql: string) => sql.replaceAll(gateway.database!, db);
const migrator = `${db}_migrator`;
const appRole = `${db}_app`;
const password = randomBytes(12).toString('hex');
const urlOf = (role: string, database = db) => {
  const u = new URL(ADMIN);
  u.username = role;
  u.password = password;
  u.pathname = `/${database}`;
  return u.toString();
};

async function run<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}
const asAdmin = (sql: string, database = 'postgres') => run(`${ADMIN}/${database}`, (c) => c.query(sql));
const asApp = <T>(work: (c: pg.Client) => Promise<T>) => run(urlOf(appRole), work);
const auditRow = `insert into gateway_audit_event (id, occurred_at, kind, roles, actor_companies, method, path, status, outcome, correlation_id, duration_ms)
  values (gen_random_uuid(), now(), 'write', '[]', '[]', 'POST', '/x', 201, 'allowed', 'c-k8s', 1)`;

describe("the manifests' database roles on the real PostgreSQL (ADR 0039, issue #19)", () => {
  beforeAll(async () => {
    expect(cluster.spec.bootstrap.initdb.owner).toBe(`${gateway.database}_migrator`);
    // initdb: the owner role with its password, the database it owns.
    await asAdmin(`create role ${migrator} login password '${password}'`);
    await asAdmin(`create database ${db} owner ${migrator}`);
    // postInitApplicationSQL: as superuser, inside the new database.
    for (const sql of cluster.spec.bootstrap.initdb.postInitApplicationSQL) await asAdmin(rename(sql), db);
    // managed.roles: the operator gives the app role its login and password.
    expect(cluster.spec.managed.roles.map((r) => r.name)).toEqual([`${gateway.database}_app`]);
    await asAdmin(`alter role ${appRole} login password '${password}'`);
    // The Job's init container: the gateway's real migrations, as the migrator.
    expect(job.spec.template.spec.initContainers[0]!.command).toEqual(['node', 'dist/cli/migrate.js', 'up']);
    execFileSync('node', ['dist/cli/migrate.js', 'up'], {
      cwd: join(REPO_ROOT, 'apps/admin-gateway'),
      env: { ...process.env, DATABASE_URL: urlOf(migrator), HUB_LOG_LEVEL: 'warn' },
      stdio: 'pipe',
    });
  });
  afterAll(async () => {
    await asAdmin(`drop database if exists ${db} with (force)`);
    for (const role of [appRole, migrator]) await asAdmin(`drop role if exists ${role}`);
  });

  it('before the post-migration step the app role could still write the migrations table and UPDATE the audit trail (only its trigger refused)', async () => {
    await asApp(async (c) => {
      await c.query('begin');
      await c.query(`insert into mikro_orm_migrations (name, executed_at) values ('Migration99999999999999_sneaky', now())`);
      await c.query('rollback');
      await c.query(auditRow);
      await expect(c.query(`update gateway_audit_event set status = 500`)).rejects.toThrow(/append-only|not allowed|cannot|refus/i);
      await expect(c.query(`update gateway_audit_event set status = 500`)).rejects.not.toThrow(/permission denied/);
    });
  });

  it("the Job's post-migration container (its psql command, as the migrator) closes both; the app keeps its data rights", async () => {
    const grants = job.spec.template.spec.containers[0]!;
    expect(grants.name).toBe('post-migration-grants');
    const [psql, urlRef, ...args] = grants.command;
    expect(urlRef).toBe('$(DATABASE_URL)');
    execFileSync(psql!, [urlOf(migrator), ...args.map(rename)], { stdio: 'pipe' });
    // Idempotent: a second deployment runs it again.
    execFileSync(psql!, [urlOf(migrator), ...args.map(rename)], { stdio: 'pipe' });

    await asApp(async (c) => {
      await expect(c.query(`insert into mikro_orm_migrations (name, executed_at) values ('Migration99999999999999_sneaky', now())`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(c.query(`delete from mikro_orm_migrations`)).rejects.toThrow(/permission denied/);
      expect((await c.query<{ n: number }>('select count(*)::int as n from mikro_orm_migrations')).rows[0]!.n).toBeGreaterThan(0);
      await expect(c.query(`update gateway_audit_event set status = 500`)).rejects.toThrow(/permission denied/);
      await expect(c.query(`delete from gateway_audit_event`)).rejects.toThrow(/permission denied/);
      await expect(c.query(`truncate gateway_audit_event`)).rejects.toThrow(/permission denied/);
      await expect(c.query(`alter table gateway_audit_event disable trigger all`)).rejects.toThrow(/must be owner/);
      await expect(c.query(`create table sneaky (id int)`)).rejects.toThrow(/permission denied/);
      // What the gateway does at run time still works: append to the audit trail, read it, its own tables.
      await c.query(auditRow);
      expect((await c.query<{ n: number }>('select count(*)::int as n from gateway_audit_event')).rows[0]!.n).toBe(2);
      await c.query(`insert into gateway_rate_limit (key, points) values ('k8s', 1)`);
      await c.query(`update gateway_rate_limit set points = 2 where key = 'k8s'`);
      await c.query(`delete from gateway_rate_limit where key = 'k8s'`);
    });
  });
});
