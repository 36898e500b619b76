// Figure (h), issue #17: the two Kafka clients side by side on the same broker, in the same run, each
// through @hub/messaging's MessageBus port (ADR 0149): the kafkajs adapter and the @platformatic/kafka
// adapter — exactly the relay's producer and the consumers' group consumer, with the port's semantics
// on both sides (idempotent producer, acks=all; a partition's offset committed only after its handler
// resolved, partitions handled concurrently, in order within each). Until 7 Dec 2026 the platformatic
// arm used the client directly with autocommit, which is not like for like (ADR 0149, caveat).
// Raw produce → consume: no outbox, no inbox, no database. ADR 0125.
//
//   node bench/kafka-clients.bench.mjs       BENCH_KAFKA_MESSAGES=3000 BENCH_KAFKA_RATE=1000
//   BENCH_SMOKE=1 node bench/run.mjs kafka-clients
//
// Per client: a topic of its own (6 partitions, under this run's own prefix), a warm-up message
// (the group has joined before the clock starts), then
// - burst: BENCH_KAFKA_MESSAGES sends with BENCH_KAFKA_CONCURRENCY (8) in flight, one message per
//   send (as the relay publishes); throughput = messages / (last received − first sent);
// - steady: the same count offered at BENCH_KAFKA_RATE messages/s (an open model: each send starts
//   on time), latency p50/p99 from just before the send to the consumer's receipt.
// Each message carries a unique key: received exactly once is checked (count and duplicates). Which
// adapter the platform runs is HUB_KAFKA_CLIENT; this script only measures both.
import { performance } from 'node:perf_hooks';
import { createMessageBus, silentLogger } from '@hub/messaging';
import { uuidv7 } from '@hub/kernel';
import { SMOKE, report, round, row, scaled, stats } from './lib/result.mjs';

const BROKERS = (process.env.HUB_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const N = scaled(process.env.BENCH_KAFKA_MESSAGES ?? 3000, 40);
const RATE = Number(process.env.BENCH_KAFKA_RATE ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_KAFKA_CONCURRENCY ?? 8);
const RATE_CONCURRENCY = Number(process.env.BENCH_KAFKA_RATE_CONCURRENCY ?? 64);
const PARTITIONS = 6;
const PREFIX = `bench.kafka-clients.${uuidv7()}`;

/** Runs send(0..n-1) with `concurrency` in flight; with a rate, message i starts no earlier than i/rate s. */
async function pool(n, concurrency, send, rate) {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        if (rate) {
          const wait = t0 + (i * 1000) / rate - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        }
        await send(i);
      }
    }),
  );
}

/**
 * What each client provides: `open(topic, onMessage)` starts a consumer group on the topic and
 * returns `{ send(key, value), close() }`.
 */
const clients = {
  kafkajs: { label: 'kafkajs adapter (through the MessageBus port)' },
  platformatic: { label: '@platformatic/kafka adapter (through the MessageBus port)' },
};
for (const [name, c] of Object.entries(clients)) {
  c.open = async (topic, onMessage) => {
    const producer = createMessageBus({ client: name, clientId: `bench-${name}-producer`, brokers: BROKERS, logger: silentLogger });
    const consumer = createMessageBus({ client: name, clientId: `bench-${name}-consumer`, brokers: BROKERS, logger: silentLogger });
    const subscription = await consumer.subscribe({
      groupId: `${topic}.group`,
      topics: [topic],
      fromBeginning: true,
      partitionsConcurrently: PARTITIONS,
      handle: async (m) => onMessage(m.key),
    });
    return {
      send: (key, value) => producer.publish([{ topic, key, value }]),
      close: async () => {
        await subscription.stop();
        await Promise.all([producer.close(), consumer.close()]);
      },
    };
  };
}

/** One client, one mode (burst or a rate): latencies, throughput and the exactly-once check. */
async function measure(name, rate) {
  const topic = `${PREFIX}.${name}.${rate ? 'rate' : 'burst'}`;
  // Created through the port's admin (it waits for the partitions' leaders), the same for both clients.
  const admin = createMessageBus({ client: 'kafkajs', clientId: 'bench-kafka-clients-admin', brokers: BROKERS, logger: silentLogger });
  try {
    await admin.createTopics([{ name: topic, partitions: PARTITIONS }]);
  } finally {
    await admin.close();
  }
  const sentAt = new Map();
  const seen = new Set();
  const latencies = [];
  const acks = []; // send → acknowledged by the broker: tells the producer's share of the latency
  let duplicates = 0;
  let last = 0;
  let waiting = null;
  const onMessage = (key) => {
    if (seen.has(key)) {
      duplicates += 1;
      return;
    }
    seen.add(key);
    const sent = sentAt.get(key);
    if (sent !== undefined) {
      latencies.push(performance.now() - sent);
      last = performance.now();
    }
    if (waiting && waiting.until(key)) waiting.resolve();
  };
  const until = (predicate, what) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name}: ${what} not received within 120 s`)), 120_000);
      waiting = { until: predicate, resolve: () => (clearTimeout(timer), resolve()) };
    });
  const client = await clients[name].open(topic, onMessage);
  try {
    // Warm-up: the group has joined and the producer is connected before the clock starts.
    const warm = until((k) => k === 'warm-up', 'the warm-up message');
    await client.send('warm-up', '{}');
    await warm;
    const all = until(() => latencies.length === N, `all ${N} messages`);
    const start = performance.now();
    await pool(
      N,
      rate ? RATE_CONCURRENCY : CONCURRENCY,
      async (i) => {
        const key = `m${i}`;
        const sent = performance.now();
        sentAt.set(key, sent);
        await client.send(key, JSON.stringify({ n: i }));
        acks.push(performance.now() - sent);
      },
      rate,
    );
    await all;
    // A moment for a duplicate to show up before the consumer stops.
    await new Promise((r) => setTimeout(r, SMOKE ? 200 : 1_000));
    const s = stats(latencies);
    const a = stats(acks);
    const result = {
      client: name,
      mode: rate ? `@${rate}/s` : 'burst',
      received: latencies.length,
      duplicates,
      throughput: round((latencies.length / (last - start)) * 1000, 0),
      p50: s.p50,
      p99: s.p99,
      max: s.max,
      ackP50: a.p50,
      ackP99: a.p99,
    };
    console.log(JSON.stringify(result));
    return result;
  } finally {
    await client.close();
    const cleanup = createMessageBus({ client: 'kafkajs', clientId: 'bench-kafka-clients-admin', brokers: BROKERS, logger: silentLogger });
    await cleanup.deleteTopics([topic]).catch(() => undefined);
    await cleanup.close();
  }
}

// Interleaved, so that neither client has the quieter half of the run.
const results = {};
for (const [name, rate] of [
  ['kafkajs', 0],
  ['platformatic', 0],
  ['platformatic', RATE],
  ['kafkajs', RATE],
]) {
  results[`${name}@${rate}`] = await measure(name, rate);
}
const [kBurst, pBurst, kRate, pRate] = [results['kafkajs@0'], results['platformatic@0'], results[`kafkajs@${RATE}`], results[`platformatic@${RATE}`]];
const onceEach = Object.values(results).every((r) => r.received === N && r.duplicates === 0);
const note = `${N} messages, ${PARTITIONS} partitions; ${onceEach ? 'every message received exactly once by both' : `NOT exactly once: ${JSON.stringify(Object.values(results).map((r) => [r.client, r.mode, r.received, r.duplicates]))}`}`;
report('kafka-clients', [
  row({
    figure: `(h) Kafka clients through the port, produce → consume burst (${CONCURRENCY} in flight): @platformatic/kafka adapter`,
    value: pBurst.throughput,
    unit: 'msg/s',
    baseline: kBurst.throughput,
    baselineLabel: 'kafkajs adapter through the MessageBus port, same run',
    ratio: pBurst.throughput / kBurst.throughput,
    goal: '≥ kafkajs (issue #17: switch only if at least as fast and as correct)',
    met: SMOKE ? null : pBurst.throughput >= kBurst.throughput,
    note: `${note}; burst p99 ${pBurst.p99} vs ${kBurst.p99} ms`,
  }),
  row({
    figure: `(h) Kafka clients through the port, p99 at an offered ${RATE} msg/s: @platformatic/kafka adapter`,
    value: pRate.p99,
    unit: 'ms',
    baseline: kRate.p99,
    baselineLabel: 'kafkajs adapter through the MessageBus port, same run',
    ratio: pRate.p99 / kRate.p99,
    goal: '≤ kafkajs',
    met: SMOKE ? null : pRate.p99 <= kRate.p99,
    note: `achieved ${pRate.throughput} vs ${kRate.throughput} msg/s; p50 ${pRate.p50} vs ${kRate.p50} ms; the producer's ack p50/p99 ${pRate.ackP50}/${pRate.ackP99} vs ${kRate.ackP50}/${kRate.ackP99} ms`,
  }),
]);
if (!onceEach) throw new Error('a client did not deliver every message exactly once');
