// Benchmark: the platform's messaging path (command transaction writes aggregate + outbox row →
// relay publishes → consumer handles with the idempotent inbox, in another database) beside a raw
// produce → consume baseline (MessageBus.publish → MessageBus.subscribe, no outbox, no inbox),
// measured in the same run on the same broker. Both go through @hub/messaging's MessageBus port;
// kafkajs stays inside its adapter.
//
//   pnpm --filter @hub/bench bench:messaging          (needs `tools/hub stack up` and `pnpm build`)
//   BENCH_EVENTS=5000 BENCH_RUNS=3 pnpm --filter @hub/bench bench:messaging
//
// Latency is per event: from just before the command's transaction starts (outbox) or before the
// send (raw) to the moment the consumer's handler has committed its effect (outbox) or received
// the message (raw). Throughput is events / (last handled − first started).
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pg from 'pg';
import { z } from 'zod';
import { MikroORM } from '@mikro-orm/postgresql';
import { EventRegistry, defineIntegrationEvent } from '@hub/contracts';
import { SystemClock, uuidv7 } from '@hub/kernel';
import { EventConsumer, KafkaJsMessageBus, Outbox, OutboxRelay, eventHandler, messagingEntities, silentLogger, sql } from '@hub/messaging';
import { SMOKE, report, row, scaled, stats } from './lib/result.mjs';

const PG = process.env.HUB_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const BROKERS = (process.env.HUB_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const N = scaled(process.env.BENCH_EVENTS ?? 3000, 50);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
// Latency is also measured at a steady offered rate below saturation (what a user of the Fund's
// system sees); the burst figures show capacity.
const RATE = Number(process.env.BENCH_RATE ?? 1000); // issue #17: an offered 1000 events/s
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8); // commands in flight, as several HTTP requests would be
// At a steady rate the commands are started on time: as many in flight as needed (an open model).
const RATE_CONCURRENCY = Number(process.env.BENCH_RATE_CONCURRENCY ?? 64);
// The consumer's partitions handled side by side (EventConsumer's default when unset).
const PARTITIONS_CONCURRENTLY = process.env.BENCH_PARTITIONS_CONCURRENTLY ? Number(process.env.BENCH_PARTITIONS_CONCURRENTLY) : undefined;
// How the relay learns of a commit (ADR 0135):
//   manual — the bench calls relay.wake() after each command and the relay polls every 5 ms (the
//            figure's method until ADR 0135; the default, so figures stay comparable);
//   commit — nothing but the relay's defaults (200 ms poll): the commit wakes it in-process;
//   notify — the relay on an ORM of its own (other connections, no shared EventManager), 200 ms
//            poll: only LISTEN/NOTIFY can wake it, as a relay in another replica.
// Where the running relay's rounds run (ADR 0140): unset = the relay's default (its own connection);
// `shared` = the ORM's pool, which the load generator's commands share (the behaviour before ADR 0140).
const RELAY_CONNECTION = process.env.BENCH_RELAY_CONNECTION;
// The load generator's pool (the producing ORM's, default 10 as an app's): its commands wait for it,
// and that wait is part of the end-to-end latency (ADR 0140).
const COMMAND_POOL = Number(process.env.BENCH_COMMAND_POOL ?? 10);
// BENCH_MODES=rate skips the burst pass (for A/B runs of the rate figure; no BENCH_RESULT line then).
const MODES = (process.env.BENCH_MODES ?? 'burst,rate').split(',');
const WAKE = process.env.BENCH_RELAY_WAKE ?? 'manual';
if (!['manual', 'commit', 'notify'].includes(WAKE)) throw new Error(`BENCH_RELAY_WAKE=${WAKE}: manual, commit or notify`);

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const summary = (name, latencies, elapsedMs) => {
  const s = [...latencies].sort((a, b) => a - b);
  return {
    path: name,
    events: s.length,
    'throughput (ev/s)': Math.round((s.length / elapsedMs) * 1000),
    'p50 (ms)': +quantile(s, 0.5).toFixed(1),
    'p99 (ms)': +quantile(s, 0.99).toFixed(1),
    'max (ms)': +s.at(-1).toFixed(1),
  };
};

async function admin(q) {
  const c = new pg.Client({ connectionString: `${PG}/postgres` });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
}

async function createTopic(bus, topic, partitions) {
  await bus.createTopics([
    { name: topic, partitions },
    { name: `${topic}.dlq`, partitions: 1 },
  ]);
}

// Per-stage timestamps of the outbox path (issue #17, ADR 0140), taken through the MessageBus port so
// that the package is measured as it is: command start → command committed → relay's publish called
// (the rows are claimed) → broker ack → the consumer's handler called with the message → inbox committed.
function stageProbe() {
  const at = new Map(); // key → { start, commit, claim, ack, recv, done }
  const rounds = []; // relay rounds: { t, n, ms }
  const batches = []; // consumer handleBatch calls: { t, n, ms }
  const get = (k) => at.get(k) ?? at.set(k, {}).get(k);
  const wrapProducer = (bus) => {
    const publish = bus.publish.bind(bus);
    bus.publish = async (messages) => {
      const claim = performance.now();
      for (const m of messages) get(m.key).claim = claim;
      await publish(messages);
      const ack = performance.now();
      for (const m of messages) get(m.key).ack = ack;
      rounds.push({ t: claim, n: messages.length, ms: ack - claim });
    };
    return bus;
  };
  const wrapConsumer = (bus) => {
    const subscribe = bus.subscribe.bind(bus);
    bus.subscribe = (o) =>
      subscribe({
        ...o,
        ...(o.handleBatch
          ? {
              handleBatch: async (ms) => {
                const recv = performance.now();
                for (const m of ms) get(m.key).recv = recv;
                await o.handleBatch(ms);
                batches.push({ t: recv, n: ms.length, ms: performance.now() - recv });
              },
            }
          : {}),
        handle: async (m) => {
          const recv = performance.now();
          get(m.key).recv = recv;
          await o.handle(m);
          batches.push({ t: recv, n: 1, ms: performance.now() - recv });
        },
      });
    return bus;
  };
  const print = (label) => {
    const d = {
      command: [],
      'outbox wait (commit → claim)': [],
      'produce (claim → ack)': [],
      'broker → consumer (ack → handler)': [],
      'inbox tx (handler → committed)': [],
      'event path (command committed → inbox committed)': [],
    };
    for (const e of at.values()) {
      if (e.done === undefined) continue;
      d.command.push(e.commit - e.start);
      d['outbox wait (commit → claim)'].push(e.claim - e.commit);
      d['produce (claim → ack)'].push(e.ack - e.claim);
      d['broker → consumer (ack → handler)'].push(e.recv - e.ack);
      d['inbox tx (handler → committed)'].push(e.done - e.recv);
      d['event path (command committed → inbox committed)'].push(e.done - e.commit);
    }
    console.log(`  ${label}: per stage (ms)`);
    console.table(Object.fromEntries(Object.entries(d).map(([k, v]) => [k, stats(v)])));
    // The bench's method (ADR 0140): did the load generator really offer the rate (its commands share
    // this process and a pool of 10), and what is the latency once past the first second (warm-up)?
    const done = [...at.values()].filter((e) => e.done !== undefined);
    const starts = done.map((e) => e.start).sort((a, b) => a - b);
    const t0 = starts[0];
    const startedPerS = starts.length > 1 ? ((starts.length - 1) / (starts.at(-1) - t0)) * 1000 : 0;
    const steady = done.filter((e) => e.start - t0 >= 1000);
    console.log(
      `  load generator: commands started at ${startedPerS.toFixed(0)}/s; after the first second (${steady.length} events): end to end ${JSON.stringify(stats(steady.map((e) => e.done - e.start)))}, from commit ${JSON.stringify(stats(steady.map((e) => e.done - e.commit)))}`,
    );
    const span = (xs) => (xs.length > 1 ? (xs.at(-1).t - xs[0].t) / (xs.length - 1) : 0);
    console.log(
      `  relay rounds: ${rounds.length}, events per round ${JSON.stringify(stats(rounds.map((r) => r.n)))}, produce ms ${JSON.stringify(stats(rounds.map((r) => r.ms)))}, every ${span(rounds).toFixed(1)} ms`,
    );
    console.log(
      `  consumer batches: ${batches.length}, events per batch ${JSON.stringify(stats(batches.map((b) => b.n)))}, batch ms ${JSON.stringify(stats(batches.map((b) => b.ms)))}, every ${span(batches).toFixed(1)} ms`,
    );
  };
  return { get, wrapProducer, wrapConsumer, print };
}

const newBus = (clientId) => new KafkaJsMessageBus({ clientId, brokers: BROKERS, logger: silentLogger });

// Runs fn(0..n-1) with `concurrency` in flight; with a rate (events/s), event i starts no earlier than i/rate s.
async function pool(n, concurrency, fn, rate) {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        if (i >= n) break;
        if (rate) {
          const wait = t0 + (i * 1000) / rate - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        }
        await fn(i);
      }
    }),
  );
}

// The same producer settings as the relay's (idempotent, acks=all, one request in flight), a plain
// consumer group: what the broker and client cost without the outbox and the inbox.
async function rawBaseline(rate) {
  const topic = `bench.raw.${uuidv7()}`;
  const producerBus = newBus('bench-raw-producer');
  const consumerBus = newBus('bench-raw-consumer');
  await createTopic(producerBus, topic, 6);
  const sentAt = new Map();
  const latencies = [];
  let done;
  const finished = new Promise((r) => (done = r));
  let last = 0;
  const subscription = await consumerBus.subscribe({
    groupId: `bench-raw-${uuidv7()}`,
    topics: [topic],
    fromBeginning: true,
    handle: async (message) => {
      latencies.push(performance.now() - sentAt.get(message.key));
      last = performance.now();
      if (latencies.length === N) done();
    },
  });
  const start = performance.now();
  await pool(
    N,
    rate ? RATE_CONCURRENCY : CONCURRENCY,
    async (i) => {
      const id = `k${i}`;
      sentAt.set(id, performance.now());
      await producerBus.publish([{ topic, key: id, value: JSON.stringify({ n: i }) }]);
    },
    rate,
  );
  await finished;
  await subscription.stop();
  await Promise.all([producerBus.close(), consumerBus.close()]);
  return summary(`raw publish → subscribe${rate ? ` @${rate}/s` : ' (burst)'}`, latencies, last - start);
}

async function outboxPath(rate) {
  const topic = `bench.outbox.${uuidv7()}`;
  const probe = stageProbe();
  const prodBus = probe.wrapProducer(newBus('bench-relay'));
  const consBus = probe.wrapConsumer(newBus('bench-consumer'));
  await createTopic(prodBus, topic, 6);
  const dbs = [`hub_bench_prod_${Date.now()}`, `hub_bench_cons_${Date.now()}`];
  for (const d of dbs) await admin(`create database "${d}"`);
  const [prodOrm, consOrm] = await Promise.all(
    dbs.map((d, i) =>
      MikroORM.init({ clientUrl: `${PG}/${d}`, entities: messagingEntities, allowGlobalContext: false, pool: { max: i === 0 ? COMMAND_POOL : 10 } }),
    ),
  );
  await Promise.all([prodOrm.schema.create(), consOrm.schema.create()]);
  await sql(prodOrm.em.fork(), 'create table thing (id text primary key, n int not null)');
  await sql(consOrm.em.fork(), 'create table effect (event_id uuid primary key, n int not null)');

  const thing = defineIntegrationEvent({
    type: 'bench.thing-happened',
    version: 1,
    topic,
    description: 'bench',
    payload: z.object({ n: z.number().int(), startedAt: z.number() }),
  });
  const clock = new SystemClock();
  const outbox = new Outbox(clock);
  const relayOrm =
    WAKE === 'notify'
      ? await MikroORM.init({ clientUrl: `${PG}/${dbs[0]}`, entities: messagingEntities, allowGlobalContext: false, pool: { max: 4 } })
      : prodOrm;
  const relay = new OutboxRelay(relayOrm.em, prodBus, clock, {
    batchSize: 200,
    ...(RELAY_CONNECTION ? { connection: RELAY_CONNECTION } : {}),
    ...(WAKE === 'manual' ? { idlePollMs: 5 } : {}),
    logger: silentLogger,
  });
  const latencies = [];
  let done;
  const finished = new Promise((r) => (done = r));
  let last = 0;
  const consumer = new EventConsumer(consOrm.em, consBus, {
    name: `bench-${uuidv7()}`,
    topics: [topic],
    partitionsConcurrently: PARTITIONS_CONCURRENTLY,
    registry: new EventRegistry([thing]),
    logger: silentLogger,
    handlers: [
      eventHandler(thing, async (e, em) => {
        await sql(em, 'insert into effect (event_id, n) values (?, ?)', [e.id, e.payload.n]);
      }),
    ],
  });
  consumer.outcomes.push((o, m) => {
    if (o !== 'handled') return;
    const { startedAt } = JSON.parse(m.value.toString()).payload;
    probe.get(m.key).done = performance.now();
    latencies.push(performance.timeOrigin + performance.now() - startedAt);
    last = performance.now();
    if (latencies.length === N) done();
  });
  await consumer.start();
  relay.start();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  await pool(
    N,
    rate ? RATE_CONCURRENCY : CONCURRENCY,
    async (i) => {
      const startedAt = performance.timeOrigin + performance.now();
      probe.get(`t${i}`).start = startedAt - performance.timeOrigin;
      await prodOrm.em.fork().transactional(async (tx) => {
        await sql(tx, 'insert into thing (id, n) values (?, ?)', [`t${i}`, i]);
        await outbox.add(tx, thing, `t${i}`, { n: i, startedAt });
      });
      probe.get(`t${i}`).commit = performance.now();
      if (WAKE === 'manual') relay.wake();
    },
    rate,
  );
  // Where the backlog is when the last command has committed: still in the outbox (the relay is
  // behind) or on the topic (the consumer is behind).
  const [{ unpublished }] = await prodOrm.em.fork().getConnection().execute('select count(*)::int as unpublished from hub_outbox where published_at is null');
  console.log(
    `  ${rate ? `@${rate}/s` : 'burst'}: when the last command committed, ${unpublished} of ${N} events were unpublished in the outbox and ${latencies.length} handled`,
  );
  await finished;
  loop.disable();
  const cpu = process.cpuUsage(cpu0);
  const wall = performance.now() - start;
  console.log(
    `  this process (load generator + relay + consumer): CPU ${(((cpu.user + cpu.system) / 1000 / wall) * 100).toFixed(0)} % of one core, event-loop delay p50 ${(loop.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms; load average ${(
      await import('node:os')
    )
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  probe.print(rate ? `@${rate}/s` : 'burst');
  await relay.stop();
  await consumer.stop();
  console.log(`  relay wakes (${WAKE}): ${JSON.stringify(relay.wakes ?? 'not counted before ADR 0135')}`);
  await Promise.all([prodBus.close(), consBus.close(), prodOrm.close(), consOrm.close(), relayOrm === prodOrm ? undefined : relayOrm.close()]);
  for (const d of dbs) await admin(`drop database "${d}" with (force)`);
  return summary(`outbox → relay → Kafka → inbox${rate ? ` @${rate}/s` : ' (burst)'}`, latencies, last - start);
}

console.log(
  `messaging benchmark: ${N} events per path, ${CONCURRENCY} in flight, steady rate ${RATE}/s, ${RUNS} run(s), relay wake ${WAKE}, broker ${BROKERS.join(',')}, node ${process.version}`,
);
const rows = [];
for (let r = 1; r <= RUNS; r++) {
  if (MODES.includes('burst')) {
    rows.push({ run: r, ...(await rawBaseline()) });
    rows.push({ run: r, ...(await outboxPath()) });
  }
  rows.push({ run: r, ...(await rawBaseline(RATE)) });
  rows.push({ run: r, ...(await outboxPath(RATE)) });
}
console.table(rows);
if (!MODES.includes('burst')) process.exit(0); // BENCH_MODES=rate: the table above is the figure

// The table's rows: the last run's figures (BENCH_RUNS > 1 prints every run above).
const pick = (prefix) => rows.filter((r) => r.path.startsWith(prefix)).at(-1);
const rawBurst = pick('raw publish → subscribe (burst)');
const outBurst = pick('outbox → relay → Kafka → inbox (burst)');
const rawRate = pick(`raw publish → subscribe @${RATE}/s`);
const outRate = pick(`outbox → relay → Kafka → inbox @${RATE}/s`);
const burstRatio = outBurst['throughput (ev/s)'] / rawBurst['throughput (ev/s)'];
report('outbox-path', [
  row({
    figure: `(b) outbox → Kafka → inbox at an offered ${RATE} ev/s: p99 (ms)`,
    value: outRate['p99 (ms)'],
    unit: 'ms',
    baseline: rawRate['p99 (ms)'],
    baselineLabel: 'raw publish → subscribe',
    ratio: rawRate['p99 (ms)'] ? outRate['p99 (ms)'] / rawRate['p99 (ms)'] : null,
    goal: 'keeps up; p99 ≤ 100 ms',
    met: SMOKE ? null : outRate['throughput (ev/s)'] >= RATE * 0.95 && outRate['p99 (ms)'] <= 100,
    note: `achieved ${outRate['throughput (ev/s)']} ev/s, p50 ${outRate['p50 (ms)']} ms (raw: ${rawRate['throughput (ev/s)']} ev/s, p50 ${rawRate['p50 (ms)']} ms)`,
  }),
  row({
    figure: '(b) outbox path burst throughput (ev/s)',
    value: outBurst['throughput (ev/s)'],
    unit: 'ev/s',
    baseline: rawBurst['throughput (ev/s)'],
    baselineLabel: 'raw publish → subscribe',
    ratio: burstRatio,
    goal: '≥ 80 % of raw',
    met: SMOKE ? null : burstRatio >= 0.8,
    note: `burst p99 ${outBurst['p99 (ms)']} ms vs raw ${rawBurst['p99 (ms)']} ms`,
  }),
]);
