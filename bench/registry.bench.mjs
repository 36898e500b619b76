// Figure (c): the public registry (F-19) with 100 000 participants. Seeded with bulk SQL shaped as
// registration's handlers write participants (listed, with activity types, some extended, some
// terminated early), then: a filtered, sorted page (p99 under load), and the full CSV export — its
// time and the app's peak RSS (VmHWM of the process, from /proc) before and after.
// Baseline: the same page's SQL (count + page of ids + rows) straight on pg, same database.
//
//   node bench/registry.bench.mjs          BENCH_PARTICIPANTS=100000 BENCH_REGISTRY_SECONDS=10 BENCH_REGISTRY_RATE=100
//   BENCH_CPU_PROF=dir  also writes the app's --cpu-prof profile to dir (bench/lib/profile-summary.mjs reads it)
//
// Two page figures: the p99 at 10 connections flat out (throughput; its p99 is mostly the run queue of
// a 2-core machine at saturation) and the p99 at an offered BENCH_REGISTRY_RATE req/s — the latency a
// visitor sees under a stated load, the figure the goal's "p99 ≤ 20 ms" is judged on (ADR 0041 §4,
// as the command path's "p99 at 200 req/s").
import pg from 'pg';
import { performance } from 'node:perf_hooks';
import { BenchFleet } from './lib/fleet.mjs';
import { REGISTRY_BY_ACTIVITY_WHERE, REGISTRY_ROWS_SEED, REGISTRY_SEED as SEED, registryPageSql } from './lib/registry-seed.mjs';
import { SMOKE, load, report, round, row, scaled, stats } from './lib/result.mjs';

const N = scaled(process.env.BENCH_PARTICIPANTS ?? 100_000, 500);
const SECONDS = scaled(process.env.BENCH_REGISTRY_SECONDS ?? 10, 1);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const RATE = Number(process.env.BENCH_REGISTRY_RATE ?? 100);
const profDir = process.env.BENCH_CPU_PROF;

const fleet = new BenchFleet();
try {
  await fleet.startIssuer();
  await fleet.createTopics();
  const db = await fleet.database('registration');
  const client = new pg.Client({ connectionString: db });
  client.on('error', (e) => console.log(`(bench's own pg connection: ${e.message})`));
  await client.connect();
  const t0 = performance.now();
  await client.query(SEED, [N]);
  await client.query(REGISTRY_ROWS_SEED);
  // VACUUM as autovacuum would after 100 000 inserts: it sets the visibility map, without which no
  // plan can be index-only (a bulk-loaded table the bench never vacuumed measured heap fetches).
  await client.query('vacuum (analyze) registration_participant');
  await client.query('vacuum (analyze) registration_registry_activity');
  console.log(`seeded ${N} participants in ${Math.round(performance.now() - t0)} ms`);
  const reg = await fleet.startApp('registration', { DATABASE_URL: db }, profDir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] } : {});

  // A visitor's search: active participants of one activity type, sorted by name (the endpoint's
  // order), pages 1-5. The filter mixes (status + activity type) and the pages vary.
  // ADR 0048: the next pages by keyset — cursors of a few pages of each filter, taken first.
  const cursors = [];
  for (let t = 1; t <= 6; t++) {
    let after = null;
    for (let p = 0; p < 4; p++) {
      const page = await (await fetch(`${reg.url}/registry?status=active&activityType=PH-0${t}&pageSize=20${after ? `&after=${after}` : ''}`)).json();
      after = page.nextCursor;
      if (!after) break;
      cursors.push({ t, after });
    }
  }
  let i = 0;
  const next = () => {
    const k = i++;
    // Half the requests page by number (pages 1-5), half by keyset (ADR 0048).
    if (k % 2 && cursors.length) {
      const c = cursors[k % cursors.length];
      return { method: 'GET', path: `/registry?status=active&activityType=PH-0${c.t}&pageSize=20&after=${c.after}` };
    }
    return { method: 'GET', path: `/registry?status=active&activityType=PH-0${1 + (k % 6)}&page=${1 + (k % 5)}&pageSize=20` };
  };
  await load({ url: reg.url, connections: CONNECTIONS, duration: SMOKE ? 1 : 3, next, expectStatus: 200 });
  // The app's CPU ms per page (user + system, from /proc): less at the mercy of a loaded machine's
  // run queue than a p99, the figure to compare A/B on a shared machine (ADR 0144).
  const cpuPer = async (fn) => {
    const before = await fleet.cpuMs('registration');
    const r = await fn();
    r.cpuMsPerRequest = round(((await fleet.cpuMs('registration')) - before) / r.completed, 2);
    return r;
  };
  const page = await cpuPer(() => load({ url: reg.url, connections: CONNECTIONS, duration: SECONDS, next, expectStatus: 200 }));
  console.log('page', JSON.stringify(page));
  if (page.bad || page.errors)
    throw new Error(`registry page: ${JSON.stringify(page.statuses)}, ${page.errors} errors\n${fleet.logs('registration').slice(-2000)}`);
  const paced = await cpuPer(() => load({ url: reg.url, connections: CONNECTIONS, duration: SECONDS, overallRate: RATE, next, expectStatus: 200 }));
  console.log(`page @${RATE}/s`, JSON.stringify(paced));
  if (paced.bad || paced.errors) throw new Error(`registry page @${RATE}/s: ${JSON.stringify(paced.statuses)}, ${paced.errors} errors`);

  // Baseline: the page's own SQL (what the app's query sends since ADR 0144: the count on the first
  // page only (ADR 0125), then ONE statement — the page's keys from the per-activity-type rows joined
  // to the participant columns an entry shows), sequentially on one connection.
  const today = new Date().toISOString().slice(0, 10);
  const where = REGISTRY_BY_ACTIVITY_WHERE;
  const sqlTimes = [];
  for (let k = 0; k < (SMOKE ? 5 : 200); k++) {
    const params = [`PH-0${1 + (k % 6)}`, today];
    const s = performance.now();
    if (k % 5 === 0) await client.query(`select count(*)::text as n from registration_registry_activity where ${where}`, params);
    await client.query(registryPageSql(where, (k % 5) * 20), params);
    sqlTimes.push(performance.now() - s);
  }
  const sqlStats = stats(sqlTimes);
  for (const [what, sql] of [
    [
      'the page',
      `select participant_id as id, company_name, bin from registration_registry_activity where ${where} order by company_name, bin, participant_id limit 21`,
    ],
    ['the count (first page only)', `select count(*)::text as n from registration_registry_activity where ${where}`],
  ]) {
    const plan = await client.query(`explain (analyze, buffers) ${sql}`, ['PH-01', today]);
    console.log(`EXPLAIN (ANALYZE, BUFFERS) of ${what}:\n${plan.rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}`);
  }
  await client.end();

  // The full CSV export: time to the last byte, bytes, and the app's peak RSS before and after.
  // Given up after BENCH_EXPORT_TIMEOUT_MS (default 120 s): the figure is then "> timeout".
  const exportTimeout = Number(process.env.BENCH_EXPORT_TIMEOUT_MS ?? 120_000);
  const rssBefore = await fleet.peakRssKb('registration');
  const e0 = performance.now();
  let bytes = 0;
  let status = 'timeout';
  try {
    const res = await fetch(`${reg.url}/registry/export?format=csv`, { signal: AbortSignal.timeout(exportTimeout) });
    for await (const chunk of res.body) bytes += chunk.length;
    status = res.status;
  } catch (e) {
    if (e.name !== 'TimeoutError' && e.name !== 'AbortError') throw e;
  }
  const exportMs = Math.round(performance.now() - e0);
  const rssAfter = await fleet.peakRssKb('registration');
  console.log(`export: ${status}, ${bytes} bytes in ${exportMs} ms; peak RSS ${rssBefore} kB → ${rssAfter} kB`);
  if (status !== 200 && status !== 'timeout') throw new Error(`export answered ${status}`);

  const rssGrowthMb = round((rssAfter - rssBefore) / 1024, 0);
  report('registry', [
    row({
      figure: `(c) public registry, ${N} participants: filtered sorted page p99 at ${RATE} req/s offered (ms)`,
      value: paced.p99,
      unit: 'ms',
      baseline: sqlStats.p99,
      baselineLabel: 'the same SQL on pg, one connection',
      ratio: sqlStats.p99 ? paced.p99 / sqlStats.p99 : null,
      goal: '≤ 20 ms',
      met: SMOKE ? null : paced.p99 <= 20 && paced.rps >= RATE * 0.95,
      note: `achieved ${paced.rps} req/s, p50 ${paced.p50} ms, app CPU ${paced.cpuMsPerRequest} ms per page; SQL p50 ${sqlStats.p50} ms`,
    }),
    row({
      figure: `(c) public registry: page throughput at ${CONNECTIONS} connections (req/s)`,
      value: page.rps,
      unit: 'req/s',
      goal: '— (throughput; p99 here is queueing)',
      met: null,
      note: `p50 ${page.p50} ms, p99 ${page.p99} ms, app CPU ${page.cpuMsPerRequest} ms per page`,
    }),
    row({
      figure: `(c) public registry: full CSV export of ${N} (ms)`,
      value: status === 'timeout' ? `> ${exportTimeout}` : exportMs,
      unit: 'ms',
      goal: '≤ 3000 ms, constant memory',
      met: SMOKE ? null : status === 200 && exportMs <= 3000 && rssGrowthMb < 50,
      note: `${status === 'timeout' ? 'given up; ' : ''}${round(bytes / 1048576, 1)} MB; app peak RSS ${round(rssBefore / 1024, 0)} → ${round(rssAfter / 1024, 0)} MB (+${rssGrowthMb} MB)`,
    }),
  ]);
} finally {
  await fleet.close();
}
