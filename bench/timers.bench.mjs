// Figure (e): durable timers (@hub/messaging's TimerPoller) — 100 000 timers due at once, fired by two
// pollers (two replicas of an app, each with its own pool) whose handler writes an effect row in the
// timer's transaction. Checked: every timer fired, each handler effect exactly once (the effect table's
// primary key would refuse a second one; the handler also counts its calls), no timer left scheduled.
// Baseline: the same state change done set-based by one SQL statement (mark all fired + insert all
// effects) on the same database — the floor for the work itself.
//
//   node bench/timers.bench.mjs        BENCH_TIMERS=100000 BENCH_TIMER_POLLERS=2 BENCH_TIMER_BATCH=100
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/postgresql';
import { SystemClock } from '@hub/kernel';
import { TimerPoller, messagingEntities, silentLogger, sql } from '@hub/messaging';
import { BenchFleet } from './lib/fleet.mjs';
import { SMOKE, report, row, scaled } from './lib/result.mjs';

const N = scaled(process.env.BENCH_TIMERS ?? 100_000, 300);
const POLLERS = Number(process.env.BENCH_TIMER_POLLERS ?? 2);
// Timers each poller fires side by side (TimerPollerOptions.concurrency; the platform's default is 1).
const CONCURRENCY = Number(process.env.BENCH_TIMER_CONCURRENCY ?? 4);
// Timers claimed per statement and fired per transaction (TimerPollerOptions.batchSize, ADR 0086;
// the platform's default is 100; 1 fires one timer per transaction as before ADR 0086).
const BATCH = Number(process.env.BENCH_TIMER_BATCH ?? 100);
const KIND = 'bench.reminder-due';

const seed = (em) =>
  sql(
    em,
    `insert into hub_timer (id, kind, timer_key, due_at, payload, status, attempts, correlation_id, created_at, updated_at)
     select gen_random_uuid(), ?, 'k' || i, now() - interval '1 second', jsonb_build_object('n', i), 'scheduled', 0, null, now(), now()
     from generate_series(1, ?::int) i`,
    [KIND, N],
  );

const fleet = new BenchFleet();
const orms = [];
try {
  const url = await fleet.createDatabase('timers');
  for (let p = 0; p < POLLERS; p++)
    orms.push(await MikroORM.init({ clientUrl: url, entities: messagingEntities, allowGlobalContext: false, pool: { max: 10 } }));
  await orms[0].schema.create();
  await sql(orms[0].em.fork(), 'create table effect (timer_id uuid primary key, n int not null)');

  // Baseline: one statement does the whole state change.
  await seed(orms[0].em.fork());
  const b0 = performance.now();
  await sql(
    orms[0].em.fork(),
    `with due as (update hub_timer set status = 'fired', fired_at = now(), updated_at = now(), attempts = attempts + 1
                  where status = 'scheduled' and due_at <= now() returning id, payload)
     insert into effect (timer_id, n) select id, (payload->>'n')::int from due`,
  );
  const baselineMs = Math.round(performance.now() - b0);
  await sql(orms[0].em.fork(), 'truncate effect');
  await sql(orms[0].em.fork(), 'truncate hub_timer');
  console.log(`baseline: ${N} timers fired set-based in ${baselineMs} ms`);

  await seed(orms[0].em.fork());
  let calls = 0;
  let done;
  const finished = new Promise((r) => (done = r));
  const handler = {
    kind: KIND,
    async fire(timer, em) {
      await sql(em, 'insert into effect (timer_id, n) values (?, ?)', [timer.id, timer.payload.n]);
      calls += 1;
      if (calls === N) done();
    },
  };
  const clock = new SystemClock();
  const pollers = orms.map(
    (orm) => new TimerPoller(orm.em, clock, [handler], { pollMs: 1000, concurrency: CONCURRENCY, batchSize: BATCH, logger: silentLogger }),
  );
  const t0 = performance.now();
  for (const p of pollers) p.start();
  let timer;
  const timeout = new Promise((r) => (timer = setTimeout(r, SMOKE ? 60_000 : 600_000, 'timeout')));
  const outcome = await Promise.race([finished, timeout]);
  clearTimeout(timer); // the limit no longer keeps the script alive once every timer fired
  const ms = Math.round(performance.now() - t0);
  await Promise.all(pollers.map((p) => p.stop()));
  const em = orms[0].em.fork();
  const [effects] = await sql(em, 'select count(*)::int as n from effect');
  const [left] = await sql(em, `select count(*)::int as n from hub_timer where status <> 'fired'`);
  const exactlyOnce = outcome !== 'timeout' && effects.n === N && calls === N && left.n === 0;
  console.log(
    `${POLLERS} pollers: ${calls} handler calls, ${effects.n} effects, ${left.n} not fired, in ${ms} ms${outcome === 'timeout' ? ' (TIMED OUT)' : ''}`,
  );
  report('timers', [
    row({
      figure: `(e) durable timers: ${N} due at once, ${POLLERS} pollers × ${CONCURRENCY} batches of ${BATCH} (ms)`,
      value: ms,
      unit: 'ms',
      baseline: baselineMs,
      baselineLabel: 'one set-based SQL statement',
      ratio: ms / baselineMs,
      goal: 'all fired once, ≤ 60 000 ms',
      met: SMOKE ? null : exactlyOnce && ms <= 60_000,
      note: `${exactlyOnce ? 'all fired exactly once' : `NOT all exactly once: ${calls} calls, ${effects.n} effects, ${left.n} left`}; ${Math.round((calls / ms) * 1000)} timers/s`,
    }),
  ]);
  if (!exactlyOnce && outcome !== 'timeout') throw new Error('timers did not fire exactly once');
} finally {
  await Promise.all(orms.map((o) => o.close()));
  await fleet.close();
}
