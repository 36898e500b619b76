import { uniqueName } from './env.js';
import type { ProbedMessage, ProbedTopic } from './kafka-types.js';
import { waitFor } from './wait.js';

export type { ProbedMessage, ProbedTopic } from './kafka-types.js';

/**
 * What the Kafka helpers need of the platform's bus: a subset of `MessageBus & MessageBusAdmin`
 * from @hub/messaging, which `KafkaJsMessageBus` implements. It is declared here rather than
 * imported because @hub/messaging's own tests use @hub/testing (the import would make a package
 * cycle); TypeScript checks at every call site that the bus passed in fits.
 */
export interface TestBus {
  publish(messages: readonly TestOutgoingMessage[]): Promise<void>;
  subscribe(options: {
    readonly groupId: string;
    readonly topics: readonly string[];
    readonly fromBeginning?: boolean;
    readonly handle: (message: TestIncomingMessage) => Promise<void>;
  }): Promise<{ stop(): Promise<void> }>;
  createTopics(topics: readonly { readonly name: string; readonly partitions: number; readonly retentionMs?: number }[]): Promise<string[]>;
  deleteTopics(names: readonly string[]): Promise<void>;
}

export interface TestOutgoingMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface TestIncomingMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
}

export interface RawMessage {
  /** Defaults to `raw` (the port always keys a message). */
  readonly key?: string;
  readonly value: string;
  readonly headers?: Record<string, string>;
}

/** Unique topic names for one test file: `t.<base>.<pid>.<time>.<n>` (tools/dev-stack prunes `t.*`). */
function testTopicNames(bases: Record<string, number>): Record<string, string> {
  const names: Record<string, string> = {};
  for (const base of Object.keys(bases)) names[base] = uniqueName(`t_${base}`).replace(/_/g, '.');
  return names;
}

/**
 * Creates uniquely named topics (each with its `.dlq` twin) for one test file, on the real broker,
 * through the bus's admin port: `createTestTopics(bus, { things: 3 })` → `{ things: 't.things.…' }`.
 */
export async function createTestTopics(bus: TestBus, bases: Record<string, number>): Promise<Record<string, string>> {
  const names = testTopicNames(bases);
  await bus.createTopics(
    Object.entries(bases).flatMap(([base, partitions]) => [
      { name: names[base]!, partitions },
      { name: `${names[base]!}.dlq`, partitions: 1 },
    ]),
  );
  return names;
}

/** Deletes topics a test created (and their `.dlq` twins when `withDlq`). */
export async function deleteTestTopics(bus: TestBus, names: readonly string[], withDlq = true): Promise<void> {
  await bus.deleteTopics(withDlq ? names.flatMap((n) => [n, `${n}.dlq`]) : names);
}

/**
 * Reads a topic from the beginning into memory through the bus (a consumer group of its own), so
 * that tests can await what arrives on it: `const probe = await TopicProbe.start(bus, topic)`.
 */
export class TopicProbe implements ProbedTopic {
  readonly messages: ProbedMessage[] = [];
  private stopper: (() => Promise<void>) | undefined;

  private constructor() {}

  static async start(bus: TestBus, topic: string): Promise<TopicProbe> {
    const probe = new TopicProbe();
    const subscription = await bus.subscribe({
      groupId: uniqueName('probe'),
      topics: [topic],
      fromBeginning: true,
      handle: (m) => {
        probe.messages.push({
          topic: m.topic,
          partition: m.partition,
          offset: m.offset,
          key: m.key,
          value: m.value?.toString() ?? null,
          headers: { ...m.headers },
        });
        return Promise.resolve();
      },
    });
    probe.stopper = () => subscription.stop();
    return probe;
  }

  async waitForCount(n: number, timeoutMs = 30_000): Promise<ProbedMessage[]> {
    return waitFor(`${n} messages on the probed topic (have ${this.messages.length})`, () => (this.messages.length >= n ? this.messages : undefined), {
      timeoutMs,
    });
  }

  async waitFor(what: string, predicate: (m: ProbedMessage) => boolean, timeoutMs = 30_000): Promise<ProbedMessage> {
    return waitFor(what, () => this.messages.find(predicate), { timeoutMs });
  }

  async stop(): Promise<void> {
    await this.stopper?.();
  }
}

/** Produces messages as they are, bypassing the outbox (for duplicate and malformed-input tests). */
export async function produceRaw(bus: TestBus, topic: string, messages: readonly RawMessage[]): Promise<void> {
  await bus.publish(messages.map((m) => ({ topic, key: m.key ?? 'raw', value: m.value, ...(m.headers ? { headers: m.headers } : {}) })));
}
