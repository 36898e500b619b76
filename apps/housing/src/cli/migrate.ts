/**
 * Migrations run as their own step, never on application boot (style.md §9):
 *   node dist/cli/migrate.js up       apply pending migrations to DATABASE_URL
 *   node dist/cli/migrate.js create   generate a migration from the entity diff into src/migrations
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { housingOrmConfig } from '../mikro-orm.config.js';

const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('DATABASE_URL is required (e.g. postgres://postgres@127.0.0.1:5432/hub_housing)\n');
  process.exit(78);
}
const command = process.argv[2] ?? 'up';
const orm = await MikroORM.init(housingOrmConfig(url));
try {
  if (command === 'up') {
    const done = await orm.migrator.up();
    process.stdout.write(`housing: ${done.length} migration(s) applied\n`);
  } else if (command === 'create') {
    const result = await orm.migrator.create(undefined, false, false, process.argv[3]);
    process.stdout.write(`housing: wrote ${result.fileName} — add it to src/migrations/index.ts\n`);
  } else {
    process.stderr.write(`unknown command '${command}': use up | create\n`);
    process.exitCode = 64;
  }
} finally {
  await orm.close();
}
