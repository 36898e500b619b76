// EXPLAIN (ANALYZE, BUFFERS) of the timer poller's claim (ADR 0086, figure (e)) with BENCH_TIMERS
// (100 000) timers due at one instant, as timers.bench.mjs seeds them: the claim of ADR 0086 (a CTE
// ordered by (due_at, id), which no index serves) beside the claim of ADR 0125 (one update over
// ids picked in due_at order by the partial index). Each is run in a transaction rolled back.
// Buffers, rows and sorts are what a claim costs whatever the load; the milliseconds are not.
//
//   node bench/lib/timers-explain.mjs
import { MikroORM } from '@mikro-orm/postgresql';
import { messagingEntities, sql } from '@hub/messaging';
import { BenchFleet } from './fleet.mjs';
const N = Number(process.env.BENCH_TIMERS ?? 100_000);
const fleet = new BenchFleet();
let orm;
try {
  const url = await fleet.createDatabase('timersexplain');
  orm = await MikroORM.init({ clientUrl: url, entities: messagingEntities, allowGlobalContext: false });
  await orm.schema.create();
  const em = () => orm.em.fork();
  await sql(
    em(),
    `insert into hub_timer (id, kind, timer_key, due_at, payload, status, attempts, correlation_id, created_at, updated_at)
     select gen_random_uuid(), 'k', 'k' || i, now() - interval '1 second', jsonb_build_object('n', i), 'scheduled', 0, null, now(), now() from generate_series(1, ?::int) i`,
    [N],
  );
  await sql(em(), 'vacuum analyze hub_timer');
  for (const [label, q] of [
    [
      'before: the CTE claim of ADR 0086, order by (due_at, id)',
      `explain (analyze, buffers) with due as (select id from hub_timer where status = 'scheduled' and due_at <= now() order by due_at, id limit 100 for update skip locked), claimed as (update hub_timer t set status = 'fired', fired_at = now(), updated_at = now(), attempts = t.attempts + 1 from due where t.id = due.id and t.status = 'scheduled' returning t.*) select * from claimed order by due_at, id`,
    ],
    [
      'after: one update, ids = any(array(select … order by due_at limit 100 for update skip locked))',
      `explain (analyze, buffers) update hub_timer t set status = 'fired', fired_at = now(), updated_at = now(), attempts = t.attempts + 1 where t.id = any(array(select id from hub_timer where status = 'scheduled' and due_at <= now() order by due_at limit 100 for update skip locked)) and t.status = 'scheduled' returning t.*`,
    ],
  ]) {
    const e = orm.em.fork();
    await e.begin();
    const plan = await e.execute(q);
    await e.rollback();
    console.log(`--- ${label}\n${plan.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}`);
  }
} finally {
  await orm?.close();
  await fleet.close();
}
