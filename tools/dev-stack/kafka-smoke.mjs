#!/usr/bin/env node
// Proves a broker works end to end with the client the platform uses (@hub/messaging's MessageBus,
// i.e. its kafkajs adapter): produce N messages, consume them back through a consumer group, compare.
//
//   node tools/dev-stack/kafka-smoke.mjs [--brokers host:port] [--topic T] [--produce N] [--consume N] [--keep]
//
// Without --topic it uses a fresh topic hub.smoke.<time>, produces and consumes 3 messages and deletes
// the topic. With --topic T the topic is kept (create it if missing) and the two halves can run apart,
// e.g. to prove a broker restart loses nothing:
//   kafka-smoke.mjs --topic hub.smoke.restart --produce 5 --consume 0
//   tools/kafka/broker.sh stop && tools/kafka/broker.sh start
//   kafka-smoke.mjs --topic hub.smoke.restart --produce 0 --consume 5     (reads from the beginning)
// Exits 0 when every expected message arrived before the deadline (--timeout seconds, default 30).

import { randomUUID } from 'node:crypto';
import { quietKafkaWarnings, toolBus } from './load-messaging.mjs';

quietKafkaWarnings();
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

const args = { brokers: process.env.HUB_KAFKA_BROKERS || '127.0.0.1:9092', topic: undefined, produce: 3, consume: undefined, keep: false, timeout: 30 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const next = () => argv[++i];
  if (a === '--brokers') args.brokers = next();
  else if (a === '--topic') args.topic = next();
  else if (a === '--produce') args.produce = Number(next());
  else if (a === '--consume') args.consume = Number(next());
  else if (a === '--timeout') args.timeout = Number(next());
  else if (a === '--keep') args.keep = true;
  else {
    process.stderr.write(`kafka-smoke: unknown argument ${a}\n`);
    process.exit(2);
  }
}
const temporary = args.topic === undefined;
const topic = args.topic ?? `hub.smoke.${Date.now()}`;
const expected = args.consume ?? args.produce;

const bus = await toolBus('hub-kafka-smoke', args.brokers.split(','), { retries: 5 });
const t0 = Date.now();
const ms = () => `${Date.now() - t0} ms`;

try {
  if ((await bus.createTopics([{ name: topic, partitions: 1 }])).length > 0) console.log(`created topic ${topic} (${ms()})`);

  if (args.produce > 0) {
    const run = randomUUID();
    await bus.publish(
      Array.from({ length: args.produce }, (_, i) => ({ topic, key: `k${i}`, value: JSON.stringify({ run, i, at: new Date().toISOString() }) })),
    );
    console.log(`produced ${args.produce} message(s) to ${topic} (${ms()})`);
  }

  if (expected > 0) {
    // A new group each time, reading from the beginning: counts what the topic holds.
    const seen = [];
    let resolveDone;
    const done = new Promise((resolve) => (resolveDone = resolve));
    const subscription = await bus.subscribe({
      groupId: `hub-smoke-${randomUUID()}`,
      topics: [topic],
      fromBeginning: true,
      handle: async (message) => {
        seen.push({ partition: message.partition, offset: message.offset, value: message.value?.toString() });
        if (seen.length >= expected) resolveDone();
      },
    });
    let timer;
    const deadline = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`only ${seen.length} of ${expected} message(s) arrived within ${args.timeout} s`)), args.timeout * 1000);
    });
    try {
      await Promise.race([done, deadline]);
    } finally {
      clearTimeout(timer);
      await subscription.stop();
    }
    console.log(`consumed ${seen.length} message(s) from ${topic} (${ms()}); last: offset ${seen.at(-1).offset} ${seen.at(-1).value}`);
  }

  if (temporary && !args.keep) {
    await bus.deleteTopics([topic]);
  }
  await bus.close();
  console.log(`kafka-smoke: OK on ${args.brokers} (${ms()})`);
} catch (e) {
  process.stderr.write(`kafka-smoke: FAILED on ${args.brokers}: ${e?.name ?? 'Error'}: ${e?.message ?? e}\n`);
  await bus.close().catch(() => {});
  process.exit(1);
}
