// Figure (f): what the admin gateway adds over calling a context directly. The same authenticated read
// (a fund officer's GET /applications on registration, a few rows), straight to registration and
// through the gateway (token verification, route table, rate-limit lease, proxying), INTERLEAVED in one
// paced open-loop stream (ADR 0041 §17, ADR 0143): request i goes direct when i is even and through the
// gateway when it is odd, each class offered BENCH_GW_RATE req/s — so both classes see the same moments
// of the machine and a stall lands on both. The gateway's rate limits are CONFIGURED for the bench
// (HUB_GATEWAY_*RATE* variables), not disabled in code. Added = p99 through − p99 direct (p50 alike).
//
//   node bench/gateway-overhead.bench.mjs        BENCH_GW_RATE=100 (per class) BENCH_GW_SECONDS=30
//   BENCH_CPU_PROF=/tmp/gw-prof node bench/gateway-overhead.bench.mjs   (the gateway's CPU profile; bench/lib/profile-summary.mjs reads it)
//   BENCH_GW_BARE=1 node bench/gateway-overhead.bench.mjs   (a third class through bench/lib/bare-proxy.mjs: the floor of a Node proxy)
import { join } from 'node:path';
import { BenchFleet, REPO } from './lib/fleet.mjs';
import { SMOKE, interleavedLoad, report, round, row, scaled } from './lib/result.mjs';

const RATE = Number(process.env.BENCH_GW_RATE ?? 100);
const SECONDS = scaled(process.env.BENCH_GW_SECONDS ?? 30, 1);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const profDir = process.env.BENCH_CPU_PROF;
const BARE = process.env.BENCH_GW_BARE === '1';

const fleet = new BenchFleet();
try {
  await fleet.startIssuer();
  await fleet.createTopics();
  const [regDb, gwDb] = await Promise.all([fleet.database('registration'), fleet.database('admin-gateway')]);
  const reg = await fleet.startApp('registration', { DATABASE_URL: regDb });
  const gw = await fleet.startApp(
    'admin-gateway',
    {
      DATABASE_URL: gwDb,
      REGISTRATION_URL: reg.url,
      HUB_GATEWAY_UPSTREAMS: JSON.stringify({ registration: reg.url }),
      HUB_GATEWAY_RATE_PER_MINUTE: '10000000',
      HUB_GATEWAY_RATE_BURST: '1000000',
      HUB_GATEWAY_IP_RATE_PER_MINUTE: '10000000',
      HUB_GATEWAY_IP_RATE_BURST: '1000000',
    },
    profDir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] } : {},
  );
  const bare = BARE ? await fleet.startProcess('bare-proxy', join(REPO, 'bench/lib/bare-proxy.mjs'), { UPSTREAM_URL: reg.url }) : undefined;
  const officer = await fleet.token('bench-officer', ['fund-officer']);
  const headers = { authorization: `Bearer ${officer}` };
  const classes = [
    { url: reg.url, next: () => ({ method: 'GET', path: '/applications?limit=20', headers }) },
    { url: gw.url, next: () => ({ method: 'GET', path: '/api/registration/applications?limit=20', headers }) },
    ...(bare ? [{ url: bare.url, next: () => ({ method: 'GET', path: '/api/registration/applications?limit=20', headers }) }] : []),
  ];
  const run = (duration) => interleavedLoad({ classes, connections: CONNECTIONS, duration, ratePerClass: RATE, expectStatus: 200 });

  await run(SMOKE ? 1 : 3); // warm-up of both paths, same stream
  // CPU each process spent per call (user + system, from /proc): a figure the load beside it inflates
  // far less than the latency. Registration serves both classes, so its figure is per call of either.
  const [gwCpu0, regCpu0, bareCpu0] = [await fleet.cpuMs('admin-gateway'), await fleet.cpuMs('registration'), bare ? await fleet.cpuMs('bare-proxy') : 0];
  const [d, g, b] = await run(SECONDS);
  if (b) b.cpuMsPerRequest = round(((await fleet.cpuMs('bare-proxy')) - bareCpu0) / b.completed, 2);
  g.gatewayCpuMsPerRequest = round(((await fleet.cpuMs('admin-gateway')) - gwCpu0) / g.completed, 2);
  const registrationCpuMsPerRequest = round(((await fleet.cpuMs('registration')) - regCpu0) / (d.completed + g.completed + (b?.completed ?? 0)), 2);
  console.log('direct ', JSON.stringify(d));
  console.log('gateway', JSON.stringify(g));
  if (b) console.log('bare   ', JSON.stringify(b));
  for (const [what, r] of Object.entries(b ? { d, g, b } : { d, g }))
    if (r.bad || r.errors)
      throw new Error(`${what}: unexpected statuses ${JSON.stringify(r.statuses)}, ${r.errors} errors\n${fleet.logs('admin-gateway').slice(-2000)}`);
  const added = round(g.p99 - d.p99);
  const addedP50 = round(g.p50 - d.p50);
  console.log(
    `interleaved, ${RATE} req/s per class, ${SECONDS} s (${d.completed} + ${g.completed} requests):\n` +
      `  direct  p50 ${d.p50}  p99 ${d.p99}  max ${d.max} ms\n` +
      `  gateway p50 ${g.p50}  p99 ${g.p99}  max ${g.max} ms\n` +
      `  added   p50 ${addedP50}  p99 ${added} ms; CPU per call: gateway ${g.gatewayCpuMsPerRequest} ms, registration ${registrationCpuMsPerRequest} ms` +
      (b
        ? `\n  bare proxy p50 ${b.p50}  p99 ${b.p99}  max ${b.max} ms: adds p50 ${round(b.p50 - d.p50)}  p99 ${round(b.p99 - d.p99)} ms; CPU ${b.cpuMsPerRequest} ms per call`
        : ''),
  );
  report('gateway-overhead', [
    row({
      figure: `(f) gateway overhead: p99 added at ${RATE} req/s, interleaved (ms)`,
      value: added,
      unit: 'ms',
      baseline: d.p99,
      baselineLabel: 'p99 calling registration directly, same stream',
      ratio: d.p99 ? g.p99 / d.p99 : null,
      goal: '≤ 2 ms added',
      met: SMOKE ? null : added <= 2,
      note: `p50 ${d.p50} → ${g.p50} ms (+${addedP50}), p99 ${d.p99} → ${g.p99} ms, max ${d.max} → ${g.max} ms; gateway CPU ${g.gatewayCpuMsPerRequest} ms per call`,
    }),
  ]);
} finally {
  await fleet.close();
}
