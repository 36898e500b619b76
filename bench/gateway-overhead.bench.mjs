// Figure (f): what the admin gateway adds over calling a context directly. The same authenticated read
// (a fund officer's GET /applications on registration, a few rows) at the same offered rate and
// concurrency, once straight to registration and once through the gateway (token verification, rate
// limits on PostgreSQL, routing, proxying). The gateway's rate limits are CONFIGURED for the bench
// (HUB_GATEWAY_*RATE* variables), not disabled in code. Overhead = p99 through − p99 direct.
//
//   node bench/gateway-overhead.bench.mjs        BENCH_GW_RATE=100 BENCH_GW_SECONDS=10
//   BENCH_CPU_PROF=/tmp/gw-prof node bench/gateway-overhead.bench.mjs   (the gateway's CPU profile; bench/lib/profile-summary.mjs reads it)
import { BenchFleet } from './lib/fleet.mjs';
import { SMOKE, load, report, round, row, scaled } from './lib/result.mjs';

const RATE = Number(process.env.BENCH_GW_RATE ?? 100);
const SECONDS = scaled(process.env.BENCH_GW_SECONDS ?? 10, 1);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const profDir = process.env.BENCH_CPU_PROF;

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
  const officer = await fleet.token('bench-officer', ['fund-officer']);
  const headers = { authorization: `Bearer ${officer}` };
  const direct = () => ({ method: 'GET', path: '/applications?limit=20', headers });
  const through = () => ({ method: 'GET', path: '/api/registration/applications?limit=20', headers });
  const run = (url, next, duration = SECONDS) => load({ url, connections: CONNECTIONS, duration, overallRate: RATE, next, expectStatus: 200 });

  await run(reg.url, direct, SMOKE ? 1 : 3);
  await run(gw.url, through, SMOKE ? 1 : 3);
  const d = await run(reg.url, direct);
  // CPU the gateway process spent per call (user + system, from /proc): a figure the load beside it
  // inflates far less than the latency (ADR 0134 compares its leases and its HTTP client on it).
  const gwCpu0 = await fleet.cpuMs('admin-gateway');
  const g = await run(gw.url, through);
  g.gatewayCpuMsPerRequest = round(((await fleet.cpuMs('admin-gateway')) - gwCpu0) / g.completed, 2);
  console.log('direct ', JSON.stringify(d));
  console.log('gateway', JSON.stringify(g));
  for (const [what, r] of Object.entries({ d, g }))
    if (r.bad || r.errors)
      throw new Error(`${what}: unexpected statuses ${JSON.stringify(r.statuses)}, ${r.errors} errors\n${fleet.logs('admin-gateway').slice(-2000)}`);
  const added = round(g.p99 - d.p99);
  report('gateway-overhead', [
    row({
      figure: `(f) gateway overhead: p99 added at ${RATE} req/s (ms)`,
      value: added,
      unit: 'ms',
      baseline: d.p99,
      baselineLabel: 'p99 calling registration directly',
      ratio: d.p99 ? g.p99 / d.p99 : null,
      goal: '≤ 2 ms added',
      met: SMOKE ? null : added <= 2,
      note: `p50 ${d.p50} → ${g.p50} ms, p99 ${d.p99} → ${g.p99} ms; gateway CPU ${g.gatewayCpuMsPerRequest} ms per call`,
    }),
  ]);
} finally {
  await fleet.close();
}
