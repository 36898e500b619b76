/**
 * DEPRECATED: the forms of the Kafka helpers that open their own kafkajs client. They remain only
 * until their last callers (apps/registration and apps/participation tests) pass the platform's bus
 * (see kafka.ts); then this file and @hub/testing's kafkajs dependency are deleted (issue #8:
 * kafkajs lives only in @hub/messaging's adapter).
 */
import kafkajs, { type Consumer } from 'kafkajs';
import { testKafkaBrokers, uniqueName } from './env.js';
import type { ProbedMessage, ProbedTopic } from './kafka-types.js';

const { Kafka, logLevel } = kafkajs;

export async function legacyCreateTestTopics(bases: Record<string, number>, brokers = testKafkaBrokers()): Promise<Record<string, string>> {
  const kafka = new Kafka({ clientId: 'hub-test-admin', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const names: Record<string, string> = {};
    for (const base of Object.keys(bases)) names[base] = `${uniqueName(`t_${base}`)}`.replace(/_/g, '.');
    await admin.createTopics({
      waitForLeaders: true,
      topics: Object.entries(bases).flatMap(([base, partitions]) => [
        { topic: names[base]!, numPartitions: partitions, replicationFactor: 1 },
        { topic: `${names[base]!}.dlq`, numPartitions: 1, replicationFactor: 1 },
      ]),
    });
    return names;
  } finally {
    await admin.disconnect();
  }
}

export async function legacyProbe(topic: string, brokers: string[] | undefined, into: ProbedTopic): Promise<() => Promise<void>> {
  const kafka = new Kafka({ clientId: 'hub-test-probe', brokers: brokers ?? testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const consumer: Consumer = kafka.consumer({ groupId: uniqueName('probe') });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic: t, partition, message }) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = String(Array.isArray(v) ? v[0] : v);
      const probed: ProbedMessage = { topic: t, partition, offset: message.offset, key: message.key?.toString() ?? null, value: message.value?.toString() ?? null, headers };
      into.messages.push(probed);
    },
  });
  return () => consumer.disconnect();
}

export async function legacyProduceRaw(topic: string, messages: Array<{ key?: string; value: string; headers?: Record<string, string> }>, brokers = testKafkaBrokers()): Promise<void> {
  const kafka = new Kafka({ clientId: 'hub-test-raw', brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages: messages.map((m) => ({ key: m.key ?? null, value: m.value, headers: m.headers ?? {} })) });
  } finally {
    await producer.disconnect();
  }
}
