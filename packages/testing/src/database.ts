import { MikroORM, type Options } from '@mikro-orm/postgresql';
import pg from 'pg';
import { testPgUrl, uniqueName } from './env.js';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  readonly orm: MikroORM;
  /** Closes the ORM and drops the database. */
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${testPgUrl()}/postgres` });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh PostgreSQL database for one test file, on the real server, with the schema of the given
 * entities created (or the app's migrations run, when `migrate` is given). Drop it in afterAll.
 */
export async function createTestDatabase(
  prefix: string,
  options: Partial<Options> & { migrate?: (orm: MikroORM) => Promise<void> } = {},
): Promise<TestDatabase> {
  const name = uniqueName(`hub_t_${prefix}`);
  await admin((c) => c.query(`create database "${name}"`));
  const url = `${testPgUrl()}/${name}`;
  const { migrate, ...ormOptions } = options;
  const orm = await MikroORM.init({ clientUrl: url, allowGlobalContext: false, debug: false, ...ormOptions });
  if (migrate) await migrate(orm);
  else await orm.schema.create();
  return {
    name,
    url,
    orm,
    async drop() {
      await orm.close(true);
      await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
    },
  };
}
