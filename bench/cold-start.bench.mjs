// Figure (g): each app's cold start to ready — from spawning `node apps/<app>/dist/main.js` to the first
// 200 of /health/ready (database connected, and for the contexts the broker reached) — beside a bare
// Fastify process (bench/lib/bare-command-server.mjs: jose, pg pool, one table) started the same way
// in the same run. Databases are created and migrated before the clock starts; apps start one at a
// time (a 2-core machine). BENCH_COLD_RUNS (default 2) starts per app; the table shows the slowest.
//
//   node bench/cold-start.bench.mjs [app …]
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { BenchFleet, REPO } from './lib/fleet.mjs';
import { SMOKE, report, row, scaled } from './lib/result.mjs';

const RUNS = scaled(process.env.BENCH_COLD_RUNS ?? 2, 1);
const GOAL_MS = 3000;
const all = readdirSync(join(REPO, 'apps')).filter((d) => {
  const f = join(REPO, 'apps', d, 'package.json');
  return existsSync(f) && JSON.parse(readFileSync(f, 'utf8')).hub && existsSync(join(REPO, 'apps', d, 'dist/main.js'));
});
const args = process.argv.slice(2);
const apps = args.length ? args : SMOKE ? ['registration'] : all;

const fleet = new BenchFleet();
try {
  await fleet.startIssuer();
  await fleet.createTopics();
  const pii = `bench:${randomBytes(32).toString('base64')}`;
  const extra = { HUB_PII_KEYS: pii, HUB_PII_ACTIVE_KEY: 'bench' };
  const dbs = {};
  for (const app of apps) dbs[app] = await fleet.database(app);
  const bareDb = await fleet.createDatabase('bare_cold');

  const measure = async (name, start) => {
    const times = [];
    for (let r = 0; r < RUNS; r++) {
      const label = `${name}#${r}`;
      const { readyMs } = await start(label);
      times.push(Math.round(readyMs));
      await fleet.stop(label);
    }
    return Math.max(...times);
  };
  const bare = await measure('bare', (label) => fleet.startProcess(label, join(REPO, 'bench/lib/bare-command-server.mjs'), { DATABASE_URL: bareDb }));
  const rows = [];
  for (const app of apps) {
    const ms = await measure(app, (label) => fleet.startApp(app, { DATABASE_URL: dbs[app], ...extra }, { name: label }));
    console.log(`${app}: ${ms} ms to ready (bare Fastify: ${bare} ms)`);
    rows.push(
      row({
        figure: `(g) cold start to ready: ${app} (ms)`,
        value: ms,
        unit: 'ms',
        baseline: bare,
        baselineLabel: 'bare Fastify + jose + pg',
        ratio: ms / bare,
        goal: '≤ 3000 ms',
        met: SMOKE ? null : ms <= GOAL_MS,
        note: `slowest of ${RUNS} start(s)`,
      }),
    );
  }
  report('cold-start', rows);
} finally {
  await fleet.close();
}
