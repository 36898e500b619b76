// Preload for an app under the bench: prints every SQL statement the app sends (pg's Client.query),
// one line each on stderr — how the statement counts per command in bench/README.md were taken.
//
//   node --import ./bench/lib/sql-trace.mjs apps/registration/dist/main.js   (cwd: the app's directory)
// or, in a bench script: fleet.startApp('registration', env, { nodeArgs: ['--import', '<abs path>/sql-trace.mjs'] })
import { createRequire } from 'node:module';
import { join } from 'node:path';

// The app's own pg (resolved from its directory through @mikro-orm/postgresql), not the bench's copy.
const fromApp = createRequire(join(process.cwd(), 'package.json'));
const pg = createRequire(fromApp.resolve('@mikro-orm/postgresql'))('pg');
const query = pg.Client.prototype.query;
let n = 0;
// Each pooled connection gets a number ([c3]): a command's statements are those of its connection.
const connections = new WeakMap();
let c = 0;
pg.Client.prototype.query = function (q, ...rest) {
  const text = typeof q === 'string' ? q : q?.text;
  if (!connections.has(this)) connections.set(this, ++c);
  process.stderr.write(`SQL#${++n} [c${connections.get(this)}] ${String(text).replace(/\s+/g, ' ').slice(0, 160)}\n`);
  return query.call(this, q, ...rest);
};
