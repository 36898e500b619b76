// The consuming side of bench/outbox-path.bench.mjs (ADR 0041 §13): in the platform an integration
// event is consumed by another context's app — another process — so the bench's consumer runs in a
// child process of its own (`fork`), not on the load generator's event loop. Two modes:
//   raw    — MessageBus.subscribe, no inbox: the broker and the client alone;
//   outbox — EventConsumer with its idempotent inbox in its own database, one effect row per event.
// It records, per event key, when the handler was called and when the effect was committed (wall
// clock in ms, `process.hrtime` — CLOCK_MONOTONIC, comparable across processes on one
// machine), and sends them to the parent when the expected number of events has been handled.
//
// Configuration: the JSON in BENCH_CONSUMER (see `consumerConfig` in outbox-path.bench.mjs).
// Also importable: `runConsumer(config, send)` runs the same code in the caller's process
// (BENCH_CONSUMER_PROCESS=same, for an A/B against the one-process layout of before).
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { z } from 'zod';
import { MikroORM } from '@mikro-orm/postgresql';
import { EventRegistry, defineIntegrationEvent } from '@hub/contracts';
import { EventConsumer, createMessageBus, eventHandler, messagingEntities, silentLogger, sql } from '@hub/messaging';

// CLOCK_MONOTONIC: one clock for every process of the machine (performance.timeOrigin is per process and drifts by ms).
export const wall = () => Number(process.hrtime.bigint()) / 1e6;

/** The bench's event; the producer defines the same one. */
export const benchEvent = (topic) =>
  defineIntegrationEvent({
    type: 'bench.thing-happened',
    version: 1,
    topic,
    description: 'bench',
    payload: z.object({ n: z.number().int(), startedAt: z.number() }),
  });

/**
 * Starts consuming; `send` receives `{ type: 'subscribed' }`, then `{ type: 'ready' }` when the first
 * warm-up event has arrived, and `{ type: 'done', … }` when `config.n` events are handled.
 */
export async function runConsumer(config, send) {
  const { mode, topic, n, brokers, db, partitionsConcurrently } = config;
  const bus = createMessageBus({ clientId: `bench-${mode}-consumer`, brokers, logger: silentLogger });
  const records = new Map(); // key → [recv, done]
  const batches = []; // [t, n, ms]
  const loop = monitorEventLoopDelay({ resolution: 10 });
  let cpu0;
  let t0;
  let handled = 0;
  let finish;
  const finished = new Promise((r) => (finish = r));
  // The producer sends `warmup-…` events until the first arrives here (the consumer group has joined
  // and owns every partition: kafkajs's run() returns before the join); they are not measured.
  let warm = false;
  const record = (key, recv, done) => {
    if (key.startsWith('warmup-')) {
      if (!warm) send({ type: 'ready' });
      warm = true;
      return;
    }
    records.set(key, [recv, done]);
    if (++handled === n) finish();
  };
  const started = () => {
    if (cpu0) return;
    cpu0 = process.cpuUsage();
    t0 = performance.now();
    loop.enable();
  };
  let stopConsumer;
  let orm;
  if (mode === 'raw') {
    const subscription = await bus.subscribe({
      groupId: `bench-raw-${topic}`,
      topics: [topic],
      fromBeginning: true,
      handle: async (message) => {
        started();
        const t = wall();
        record(message.key, t, t);
      },
    });
    stopConsumer = () => subscription.stop();
  } else {
    orm = await MikroORM.init({ clientUrl: db, entities: messagingEntities, allowGlobalContext: false, pool: { max: 10 } });
    await orm.schema.create();
    await sql(orm.em.fork(), 'create table effect (event_id uuid primary key, n int not null)');
    const thing = benchEvent(topic);
    const recvAt = new Map();
    // The handler's call time per event, taken through the MessageBus port (as the producer's probe does).
    const subscribe = bus.subscribe.bind(bus);
    bus.subscribe = (o) =>
      subscribe({
        ...o,
        ...(o.handleBatch
          ? {
              handleBatch: async (ms) => {
                started();
                const recv = wall();
                for (const m of ms) recvAt.set(m.key, recv);
                const p = performance.now();
                await o.handleBatch(ms);
                batches.push([recv, ms.length, performance.now() - p]);
              },
            }
          : {}),
        handle: async (m) => {
          started();
          const recv = wall();
          recvAt.set(m.key, recv);
          const p = performance.now();
          await o.handle(m);
          batches.push([recv, 1, performance.now() - p]);
        },
      });
    const consumer = new EventConsumer(orm.em, bus, {
      name: `bench-${topic}`,
      topics: [topic],
      partitionsConcurrently,
      registry: new EventRegistry([thing]),
      logger: silentLogger,
      handlers: [
        eventHandler(thing, async (e, em) => {
          await sql(em, 'insert into effect (event_id, n) values (?, ?)', [e.id, e.payload.n]);
        }),
      ],
    });
    consumer.outcomes.push((o, m) => {
      if (o === 'handled') record(m.key, recvAt.get(m.key), wall());
    });
    await consumer.start();
    stopConsumer = () => consumer.stop();
  }
  send({ type: 'subscribed' });
  await finished;
  loop.disable();
  const cpu = process.cpuUsage(cpu0);
  const ms = performance.now() - t0;
  // Awaited: the records reach the parent before this process lets go of its channel (a quiet run once
  // hung with the consumer gone and no 'done' received).
  await send({
    type: 'done',
    records: [...records].map(([k, [recv, done]]) => [k, recv, done]),
    batches,
    cpuPercent: ((cpu.user + cpu.system) / 1000 / ms) * 100,
    loop: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
  });
  await stopConsumer();
  await bus.close();
  await orm?.close();
}

if (process.env.BENCH_CONSUMER && process.send) {
  const send = (m) => new Promise((resolve, reject) => process.send(m, (e) => (e ? reject(e) : resolve())));
  runConsumer(JSON.parse(process.env.BENCH_CONSUMER), send).then(
    () => process.disconnect(),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
