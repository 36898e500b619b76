// Figure (a), the command path (issue #17): POST /applications on registration (JWT verification,
// zod validation, command bus, unit of work with the aggregate and its outbox row, the follow-up
// read) beside a bare Fastify + pg insert with the SAME RS256 verification against the SAME JWKS
// (bench/lib/bare-command-server.mjs), same concurrency, same run, same PostgreSQL.
//
//   node bench/command-path.bench.mjs       (after `pnpm build`; the dev stack must be up)
//   BENCH_REQUESTS=4000 BENCH_CONNECTIONS=10 BENCH_RATE=200 node bench/command-path.bench.mjs
//   BENCH_CPU_PROF=dir  also writes the app's --cpu-prof profile to dir
//   BENCH_LADDER=1      also the ladder (ADR 0142): the bare endpoint rebuilt one layer at a time
//                       (bench/lib/ladder-server.mjs: Nest + Express, Nest + Fastify, + MikroORM em.insert,
//                       + MikroORM unit of work), each measured like bare, between bare and the app
//
// Every request to the app is a new company (one open application per company and kind), so each
// carries its own token (one BIN in hub_companies) — minted before the clock starts.
import { join } from 'node:path';
import { makeBin } from '@hub/identifiers';
import { BenchFleet, REPO } from './lib/fleet.mjs';
import { SMOKE, load, report, round, row, scaled } from './lib/result.mjs';

const N = scaled(process.env.BENCH_REQUESTS ?? 4000, 40);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 200);
// The paced load's socket cap (ADR 0041 §12): enough that a due request rarely waits for a socket — if it does, the wait counts.
const RATE_CONNECTIONS = Number(process.env.BENCH_RATE_CONNECTIONS ?? 50);
const RATE_SECONDS = scaled(process.env.BENCH_RATE_SECONDS ?? 10, 1);
const WARMUP = scaled(300, 10);
const LADDER = process.env.BENCH_LADDER === '1';
const RUNGS = LADDER ? ['nest-express', 'nest-fastify', 'nest-express-orm', 'nest-express-flush'] : [];

const fleet = new BenchFleet();
try {
  await fleet.startIssuer();
  await fleet.createTopics();
  const [regDb, bareDb, ...rungDbs] = await Promise.all([
    fleet.database('registration'),
    fleet.createDatabase('bare'),
    ...RUNGS.map((r) => fleet.createDatabase(r)),
  ]);
  const profDir = process.env.BENCH_CPU_PROF;
  const [reg, bare] = await Promise.all([
    fleet.startApp('registration', { DATABASE_URL: regDb }, profDir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] } : {}),
    fleet.startProcess('bare', join(REPO, 'bench/lib/bare-command-server.mjs'), { DATABASE_URL: bareDb }),
  ]);
  const rungs = [];
  for (const [i, rung] of RUNGS.entries())
    rungs.push(await fleet.startProcess(rung, join(REPO, 'bench/lib/ladder-server.mjs'), { DATABASE_URL: rungDbs[i], LADDER_RUNG: rung }));

  // One company (BIN) and one token per request to the app: WARMUP + N + the steady-rate run.
  const needed = WARMUP + N + RATE * RATE_SECONDS + 50;
  const bins = [
    ...new Set(
      Array.from({ length: Math.ceil(needed * 1.2) }, (_, i) =>
        makeBin({ year: 2001 + (i % 20), month: 1 + (Math.floor(i / 20) % 12), serial: Math.floor(i / 240) }),
      ),
    ),
  ].slice(0, needed);
  const tokens = [];
  for (let i = 0; i < bins.length; i += 200)
    tokens.push(...(await Promise.all(bins.slice(i, i + 200).map((bin, j) => fleet.token(`bench-${i + j}`, ['applicant'], [bin])))));
  const body = (bin) => JSON.stringify({ kind: 'registration', bin, companyName: 'ТОО «Бенч»', address: 'Алматы, пр. Абая, 1', language: 'ru' });
  const sender = (unique) => {
    let i = 0;
    return () => {
      const k = unique ? i++ : i++ % bins.length;
      return {
        method: 'POST',
        path: '/applications',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[k]}` },
        body: body(bins[k]),
      };
    };
  };
  // The app's requests each take a fresh company: one shared cursor over all its runs.
  const appNext = sender(true);
  const bareNext = sender(false);

  await load({ url: reg.url, connections: CONNECTIONS, amount: WARMUP, next: appNext, expectStatus: 201 });
  await load({ url: bare.url, connections: CONNECTIONS, amount: WARMUP, next: bareNext, expectStatus: 201 });
  // CPU time per request of each process (user + system from /proc): what a command costs the
  // machine, less sensitive than req/s to whatever else the 2 cores are doing.
  const cpuPer = async (name, fn) => {
    const before = await fleet.cpuMs(name);
    const r = await fn();
    r.cpuMsPerRequest = round(((await fleet.cpuMs(name)) - before) / r.completed, 2);
    return r;
  };
  const bareRun = await cpuPer('bare', () => load({ url: bare.url, connections: CONNECTIONS, amount: N * 3, next: bareNext, expectStatus: 201 }));
  // The ladder (ADR 0142) between bare and the app, so that the whole stack is measured back to back.
  const ladder = [];
  for (const r of rungs) {
    const next = sender(false);
    await load({ url: r.url, connections: CONNECTIONS, amount: WARMUP, next, expectStatus: 201 });
    ladder.push([r.name, await cpuPer(r.name, () => load({ url: r.url, connections: CONNECTIONS, amount: N * 2, next, expectStatus: 201 }))]);
  }
  const appRun = await cpuPer('registration', () => load({ url: reg.url, connections: CONNECTIONS, amount: N, next: appNext, expectStatus: 201 }));
  // The ladder's drift check: bare once more right after the app (the machine is shared; load that rose
  // during the ladder shows as a bare figure that moved).
  const bareAgain = LADDER
    ? await cpuPer('bare', () => load({ url: bare.url, connections: CONNECTIONS, amount: N * 3, next: bareNext, expectStatus: 201 }))
    : null;
  const appRate = await load({ url: reg.url, connections: RATE_CONNECTIONS, duration: RATE_SECONDS, overallRate: RATE, next: appNext, expectStatus: 201 });
  const bareRate = await load({ url: bare.url, connections: RATE_CONNECTIONS, duration: RATE_SECONDS, overallRate: RATE, next: bareNext, expectStatus: 201 });
  console.log('bare   (burst)', JSON.stringify(bareRun));
  console.log('app    (burst)', JSON.stringify(appRun));
  console.log(`app    @${RATE}/s`, JSON.stringify(appRate));
  console.log(`bare   @${RATE}/s`, JSON.stringify(bareRate));
  for (const [name, r] of ladder) console.log(`${name.padEnd(18)} (burst)`, JSON.stringify(r));
  for (const [what, r] of [...Object.entries({ bareRun, appRun, appRate, bareRate }), ...ladder])
    if (r.bad || r.errors)
      throw new Error(
        `${what}: ${r.bad} unexpected statuses ${JSON.stringify(r.statuses)}, ${r.errors} errors\n${fleet.logs(RUNGS.includes(what) ? what : 'registration').slice(-2000)}`,
      );
  if (LADDER) {
    // One line per rung: what each layer of the stack costs, beside bare and the app of the same run.
    const rungRows = [['bare Fastify + jose + pg', bareRun], ...ladder, ['registration app', appRun], ['bare again (drift)', bareAgain]];
    console.table(
      rungRows.map(([name, r]) => ({
        rung: name,
        'req/s': r.rps,
        '% of bare': Math.round((r.rps / bareRun.rps) * 100),
        'CPU ms/req': r.cpuMsPerRequest,
        'CPU ms/req over bare': round(r.cpuMsPerRequest - bareRun.cpuMsPerRequest, 2),
        'p99 ms': r.p99,
      })),
    );
  }

  const ratio = appRun.rps / bareRun.rps;
  report('command-path', [
    row({
      figure: `(a) command path: POST /applications, ${CONNECTIONS} connections (req/s)`,
      value: appRun.rps,
      unit: 'req/s',
      baseline: bareRun.rps,
      baselineLabel: 'bare Fastify + jose + pg',
      ratio,
      goal: '≥ 50 % of bare',
      met: SMOKE ? null : ratio >= 0.5,
      note: `p99 ${appRun.p99} ms vs bare ${bareRun.p99} ms; CPU per request ${appRun.cpuMsPerRequest} ms vs bare ${bareRun.cpuMsPerRequest} ms`,
    }),
    row({
      figure: `(a) command path: p99 at ${RATE} req/s offered (ms)`,
      value: appRate.p99,
      unit: 'ms',
      baseline: bareRate.p99,
      baselineLabel: 'bare',
      ratio: bareRate.p99 ? appRate.p99 / bareRate.p99 : null,
      goal: '≤ 50 ms',
      met: SMOKE ? null : appRate.p99 <= 50,
      note: `achieved ${appRate.rps} req/s, p50 ${appRate.p50} ms`,
    }),
    ...ladder.map(([name, r]) =>
      row({
        figure: `(a) ladder: ${name}, ${CONNECTIONS} connections (req/s)`,
        value: r.rps,
        unit: 'req/s',
        baseline: bareRun.rps,
        baselineLabel: 'bare Fastify + jose + pg',
        ratio: r.rps / bareRun.rps,
        goal: '—',
        met: null,
        note: `CPU per request ${r.cpuMsPerRequest} ms vs bare ${bareRun.cpuMsPerRequest} ms; p99 ${r.p99} ms`,
      }),
    ),
  ]);
} finally {
  await fleet.close();
}
