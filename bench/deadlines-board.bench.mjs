// Figure (d): the admin gateway's deadlines board (GET /api/deadlines, ADR 0033) with many open
// deadlines. Registration's deadline table is seeded with bulk SQL shaped as its handlers write
// deadlines (open completeness reviews and Commission decisions, working-day due dates, a share
// overdue); the gateway composes the board from the contexts it is given. Baseline: the same
// officer's GET /deadlines straight on registration, same run.
//
//   node bench/deadlines-board.bench.mjs      BENCH_DEADLINES=100000 BENCH_BOARD_SECONDS=10
//
// Only registration is seeded and composed here (the other contexts' deadline tables differ per
// context); since ADR 0047 the board asks each context for one keyset page and merges pages, so its
// cost is the slowest context's page plus the merge, whatever the number of deadlines. Before the
// load, the script walks the whole board by nextCursor and checks that every deadline is reached
// once, in due order (the figure is "met" only if so).
import pg from 'pg';
import { performance } from 'node:perf_hooks';
import { BenchFleet } from './lib/fleet.mjs';
import { SMOKE, load, report, row, scaled } from './lib/result.mjs';

const N = scaled(process.env.BENCH_DEADLINES ?? 100_000, 300);
const SECONDS = scaled(process.env.BENCH_BOARD_SECONDS ?? 10, 1);
const CONNECTIONS = Number(process.env.BENCH_BOARD_CONNECTIONS ?? 4);

const SEED = `
insert into registration_deadline (id, application_id, bin, kind, rule_id, started_on, due_date, due_at, status, created_at, version)
select gen_random_uuid(), gen_random_uuid(), lpad(i::text, 12, '0'),
  case when i % 3 = 0 then 'commission-decision' else 'completeness-review' end,
  case when i % 3 = 0 then 'F-15' else 'F-12' end,
  current_date - (i % 40), current_date - 20 + (i % 60), (current_date - 20 + (i % 60))::timestamp + interval '18 hours',
  'open', now(), 1
from generate_series(1, $1::int) i`;

const fleet = new BenchFleet();
try {
  await fleet.startIssuer();
  await fleet.createTopics();
  const [regDb, gwDb] = await Promise.all([fleet.database('registration'), fleet.database('admin-gateway')]);
  const client = new pg.Client({ connectionString: regDb });
  await client.connect();
  const t0 = performance.now();
  await client.query(SEED, [N]);
  await client.query('analyze registration_deadline');
  await client.end();
  console.log(`seeded ${N} open deadlines in ${Math.round(performance.now() - t0)} ms`);
  const reg = await fleet.startApp('registration', { DATABASE_URL: regDb });
  const gw = await fleet.startApp('admin-gateway', {
    DATABASE_URL: gwDb,
    REGISTRATION_URL: reg.url,
    HUB_GATEWAY_UPSTREAMS: JSON.stringify({ registration: reg.url }),
    HUB_GATEWAY_RATE_PER_MINUTE: '10000000',
    HUB_GATEWAY_RATE_BURST: '1000000',
    HUB_GATEWAY_IP_RATE_PER_MINUTE: '10000000',
    HUB_GATEWAY_IP_RATE_BURST: '1000000',
  });
  const headers = { authorization: `Bearer ${await fleet.token('bench-officer', ['fund-officer'])}` };
  const sample = await (await fetch(`${gw.url}/api/deadlines?page=1&pageSize=50`, { headers })).json();
  console.log(`board: total ${sample.total}, sources ${JSON.stringify(sample.sources)}`);

  // Every deadline reachable, once, in due order: walk the board by nextCursor (pages of 200),
  // keeping cursors along the way as the load's deep pages.
  const w0 = performance.now();
  const boardCursors = [];
  let reached = 0;
  let ordered = true;
  let lastDue = '';
  const seen = new Set();
  for (let after = null, n = 0; n === 0 || after; n++) {
    const page = await (await fetch(`${gw.url}/api/deadlines?pageSize=200${after ? `&after=${after}` : ''}`, { headers })).json();
    for (const d of page.items) {
      if (d.dueDate < lastDue) ordered = false;
      lastDue = d.dueDate;
      seen.add(`${d.context}:${d.applicationId}:${d.kind}`);
    }
    reached += page.items.length;
    after = page.nextCursor;
    if (after && n % 25 === 0) boardCursors.push(after);
  }
  const walkMs = Math.round(performance.now() - w0);
  const complete = reached === N && seen.size === N && ordered;
  console.log(`walked the board by nextCursor: ${reached} items (${seen.size} distinct) of ${N}, ordered ${ordered}, in ${walkMs} ms`);
  // Registration's own cursors at the same depths, for the baseline.
  const directCursors = [];
  for (let after = null, n = 0; n === 0 || after; n++) {
    const page = await (await fetch(`${reg.url}/deadlines?status=open&limit=1000${after ? `&after=${after}` : ''}`, { headers })).json();
    after = page.nextCursor;
    if (after && n % 5 === 0) directCursors.push(page.items[199]?.cursor ?? after);
  }

  // The load: the first page, a page by cursor at every depth, the overdue ones — 50 a page.
  let i = 0;
  const board = () => {
    const k = i++;
    const after = k % 3 === 1 && boardCursors.length ? `&after=${boardCursors[k % boardCursors.length]}` : '';
    return { method: 'GET', path: `/api/deadlines?pageSize=50${k % 3 === 2 ? '&overdue=true' : ''}${after}`, headers };
  };
  let j = 0;
  const direct = () => {
    const k = j++;
    const after = k % 3 === 1 && directCursors.length ? `&after=${directCursors[k % directCursors.length]}` : '';
    return { method: 'GET', path: `/deadlines?status=open&limit=50${k % 3 === 2 ? '&overdue=true' : ''}${after}`, headers };
  };
  await load({ url: gw.url, connections: CONNECTIONS, duration: SMOKE ? 1 : 3, next: board, expectStatus: 200 });
  const d = await load({ url: reg.url, connections: CONNECTIONS, duration: SECONDS, next: direct, expectStatus: 200 });
  const g = await load({ url: gw.url, connections: CONNECTIONS, duration: SECONDS, next: board, expectStatus: 200 });
  console.log('registration /deadlines', JSON.stringify(d));
  console.log('gateway board          ', JSON.stringify(g));
  for (const [what, r] of Object.entries({ d, g }))
    if (r.bad || r.errors)
      throw new Error(`${what}: unexpected statuses ${JSON.stringify(r.statuses)}, ${r.errors} errors\n${fleet.logs('admin-gateway').slice(-2000)}`);
  report('deadlines-board', [
    row({
      figure: `(d) deadlines board via the gateway, ${N} open deadlines: p99 (ms)`,
      value: g.p99,
      unit: 'ms',
      baseline: d.p99,
      baselineLabel: "registration's GET /deadlines directly",
      ratio: d.p99 ? g.p99 / d.p99 : null,
      goal: '≤ 200 ms',
      met: SMOKE ? (complete ? null : false) : g.p99 <= 200 && sample.total === N && complete,
      note: `${g.rps} req/s at ${CONNECTIONS} connections, p50 ${g.p50} ms; total ${sample.total} of ${N}; walked by nextCursor: ${reached} reached, ${complete ? 'each once, in due order' : 'INCOMPLETE or out of order'} (${walkMs} ms)`,
    }),
  ]);
} finally {
  await fleet.close();
}
