import kafkajs, { type Consumer } from 'kafkajs';
import { testKafkaBrokers, uniqueName } from './env.js';
import { waitFor } from './wait.js';

const { Kafka, logLevel } = kafkajs;

export interface ProbedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Record<string, string>;
}

/** Creates topics with unique names for one test file, on the real broker. */
export async function createTestTopics(bases: Record<string, number>, brokers = testKafkaBrokers()): Promise<Record<string, string>> {
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

/** Reads a topic from the beginning into memory, so tests can await what arrives on it. */
export class TopicProbe {
  readonly messages: ProbedMessage[] = [];
  private constructor(private readonly consumer: Consumer) {}

  static async start(topic: string, brokers = testKafkaBrokers()): Promise<TopicProbe> {
    const kafka = new Kafka({ clientId: 'hub-test-probe', brokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: uniqueName('probe') });
    const probe = new TopicProbe(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic: t, partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = String(Array.isArray(v) ? v[0] : v);
        probe.messages.push({ topic: t, partition, offset: message.offset, key: message.key?.toString() ?? null, value: message.value?.toString() ?? null, headers });
      },
    });
    return probe;
  }

  async waitForCount(n: number, timeoutMs = 30_000): Promise<ProbedMessage[]> {
    return waitFor(`${n} messages on the probed topic (have ${this.messages.length})`, () => (this.messages.length >= n ? this.messages : undefined), { timeoutMs });
  }

  async waitFor(what: string, predicate: (m: ProbedMessage) => boolean, timeoutMs = 30_000): Promise<ProbedMessage> {
    return waitFor(what, () => this.messages.find(predicate), { timeoutMs });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

/** Produces raw messages (for malformed-input tests). */
export async function produceRaw(topic: string, messages: Array<{ key?: string; value: string; headers?: Record<string, string> }>, brokers = testKafkaBrokers()): Promise<void> {
  const kafka = new Kafka({ clientId: 'hub-test-raw', brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages: messages.map((m) => ({ key: m.key ?? null, value: m.value, headers: m.headers ?? {} })) });
  } finally {
    await producer.disconnect();
  }
}
