#!/usr/bin/env node
// Least-privilege database roles per context (issue #18, ADR 0039).
//
//   <database>_migrator  owns the schema and every object in it; runs the migrations (DDL).
//   <database>_app       what the running app connects as: SELECT/INSERT/UPDATE/DELETE on its own
//                        tables, USAGE on its sequences, nothing else — no DDL, no TRUNCATE, no other
//                        context's database (CONNECT is revoked from PUBLIC), only SELECT on the
//                        migrations table, and only INSERT + SELECT on append-only tables (the
//                        gateway's audit trail): not being the owner, it cannot disable their triggers.
//
// Idempotent; run it before the migrations (roles, ownership, default privileges) and again after
// them (grants on the new tables, append-only revokes). `tools/hub up` does both; a deployment runs
// the same statements from its migration Job with an administrative connection.
//
//   node tools/dev-stack/db-roles.mjs <database> [--append-only t1,t2] [--password-file F]
//   env: HUB_PG_URL (an administrative connection, default postgres://postgres@127.0.0.1:5432)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ident = (name) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return `"${name}"`;
};
const literal = (text) => `'${String(text).replaceAll("'", "''")}'`;

/** The role names of a context's database. */
export const rolesOf = (database) => ({ migrator: `${database}_migrator`, app: `${database}_app` });

/**
 * Creates or updates the two roles of `database` and their privileges. `adminUrl` points at the
 * server with a role that may create roles (no database in the path needed).
 */
export async function provisionRoles({ adminUrl, database, password, appendOnly = [] }) {
  const { migrator, app } = rolesOf(database);
  const base = new URL(adminUrl);
  const server = new pg.Client({ connectionString: Object.assign(new URL(base), { pathname: '/postgres' }).toString() });
  await server.connect();
  try {
    for (const role of [migrator, app]) {
      const exists = await server.query('select 1 from pg_roles where rolname = $1', [role]);
      const verb = exists.rowCount ? 'alter' : 'create';
      await server.query(`${verb} role ${ident(role)} login nosuperuser nocreatedb nocreaterole noinherit password ${literal(password)}`);
    }
    await server.query(`revoke all on database ${ident(database)} from public`);
    await server.query(`grant connect, temporary on database ${ident(database)} to ${ident(migrator)}, ${ident(app)}`);
    // Migrations may add trusted extensions (housing's btree_gist for its no-double-booking constraint).
    await server.query(`grant create on database ${ident(database)} to ${ident(migrator)}`);
  } finally {
    await server.end();
  }

  const db = new pg.Client({ connectionString: Object.assign(new URL(base), { pathname: `/${database}` }).toString() });
  await db.connect();
  try {
    await db.query('begin');
    await db.query(`alter schema public owner to ${ident(migrator)}`);
    await db.query('revoke create on schema public from public');
    await db.query(`grant usage on schema public to ${ident(app)}`);
    // Objects created before the roles existed (a database migrated as the superuser) go to the migrator.
    const owned = await db.query(
      `select c.relname as name, c.relkind as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S') and pg_get_userbyid(c.relowner) <> $1
          and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')))`,
      [migrator],
    );
    for (const { name, kind } of owned.rows) {
      const what = kind === 'S' ? 'sequence' : kind === 'v' ? 'view' : kind === 'm' ? 'materialized view' : 'table';
      await db.query(`alter ${what} public.${ident(name)} owner to ${ident(migrator)}`);
    }
    const functions = await db.query(
      `select p.oid::regprocedure::text as signature from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> $1`,
      [migrator],
    );
    for (const { signature } of functions.rows) await db.query(`alter function ${signature} owner to ${ident(migrator)}`);

    // What the app may do, now and for every table a later migration creates.
    await db.query(`alter default privileges for role ${ident(migrator)} in schema public grant select, insert, update, delete on tables to ${ident(app)}`);
    await db.query(`alter default privileges for role ${ident(migrator)} in schema public grant usage, select on sequences to ${ident(app)}`);
    await db.query(`revoke all on all tables in schema public from ${ident(app)}`);
    await db.query(`grant select, insert, update, delete on all tables in schema public to ${ident(app)}`);
    await db.query(`grant usage, select on all sequences in schema public to ${ident(app)}`);
    const tables = new Set((await db.query(`select tablename from pg_tables where schemaname = 'public'`)).rows.map((r) => r.tablename));
    if (tables.has('mikro_orm_migrations')) {
      await db.query(`revoke insert, update, delete on mikro_orm_migrations from ${ident(app)}`);
    }
    for (const table of appendOnly) {
      if (!tables.has(table)) continue; // created by a later migration: the run after the migrations restricts it
      await db.query(`revoke update, delete, truncate on ${ident(table)} from ${ident(app)}`);
    }
    await db.query('commit');
  } catch (e) {
    await db.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    await db.end();
  }
  return rolesOf(database);
}

/** A connection URL for a role of `database` on the server of `adminUrl`. */
export function roleUrl(adminUrl, database, role, password) {
  const url = new URL(adminUrl);
  url.username = role;
  url.password = password;
  url.pathname = `/${database}`;
  return url.toString();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [database, ...rest] = process.argv.slice(2);
  if (!database) {
    process.stderr.write('usage: db-roles.mjs <database> [--append-only t1,t2] [--password-file F]\n');
    process.exit(2);
  }
  const option = (name) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const passwordFile = option('--password-file');
  const password = passwordFile ? readFileSync(passwordFile, 'utf8').trim() : process.env.HUB_DB_ROLE_PASSWORD;
  if (!password) {
    process.stderr.write('db-roles: give --password-file or HUB_DB_ROLE_PASSWORD\n');
    process.exit(2);
  }
  const appendOnly = (option('--append-only') ?? '').split(',').filter(Boolean);
  const adminUrl = process.env.HUB_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
  provisionRoles({ adminUrl, database, password, appendOnly }).then(
    (roles) => process.stdout.write(`${database}: roles ${roles.migrator} (migrations) and ${roles.app} (the app)\n`),
    (e) => {
      process.stderr.write(`db-roles: ${database}: ${e.message}\n`);
      process.exit(1);
    },
  );
}
