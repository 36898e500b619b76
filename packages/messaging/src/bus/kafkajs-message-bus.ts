import kafkajs, { type Admin, type Consumer, type Kafka as KafkaClient, type Producer } from 'kafkajs';
import type { MessagingLogger } from '../logger.js';
import { stderrLogger } from '../logger.js';
import type { IncomingMessage, MessageBus, OutgoingMessage, SubscribeOptions, Subscription, TopicDeclaration } from './message-bus.js';

const { Kafka, logLevel, CompressionTypes } = kafkajs;

export interface KafkaJsBusOptions {
  readonly clientId: string;
  readonly brokers: readonly string[];
  readonly logger?: MessagingLogger;
  /** How long one request may take before kafkajs gives up and retries. */
  readonly requestTimeoutMs?: number;
}

/**
 * The MessageBus adapter on kafkajs 2.2.4. kafkajs is unmaintained since 2023 (kafka-local.md);
 * it is confined to this file. Producer: idempotent, acks=all, one in-flight request, so that a
 * retried send neither duplicates nor reorders within a partition.
 */
export class KafkaJsMessageBus implements MessageBus {
  private readonly kafka: KafkaClient;
  private readonly logger: MessagingLogger;
  private producer: Producer | undefined;
  private producerConnecting: Promise<Producer> | undefined;
  private admin: Admin | undefined;
  private readonly consumers = new Set<Consumer>();

  constructor(private readonly options: KafkaJsBusOptions) {
    this.logger = options.logger ?? stderrLogger;
    const log = this.logger;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      requestTimeout: options.requestTimeoutMs ?? 10_000,
      connectionTimeout: 3_000,
      retry: { initialRetryTime: 200, maxRetryTime: 5_000, retries: 10 },
      logLevel: logLevel.WARN,
      logCreator: () => (entry) => {
        const { message, ...rest } = entry.log;
        const obj = { component: 'kafkajs', namespace: entry.namespace, ...rest };
        if (entry.level <= logLevel.ERROR) log.error(obj, message);
        else if (entry.level === logLevel.WARN) log.warn(obj, message);
        else log.debug(obj, message);
      },
    });
  }

  private async getProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    this.producerConnecting ??= (async () => {
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      producer.on(producer.events.DISCONNECT, () => {
        if (this.producer === producer) this.producer = undefined;
      });
      try {
        await producer.connect();
      } finally {
        this.producerConnecting = undefined;
      }
      this.producer = producer;
      return producer;
    })();
    return this.producerConnecting;
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.getProducer();
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const m of messages) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
    await producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic].map(([topic, ms]) => ({
        topic,
        messages: ms.map((m) => ({ key: m.key, value: m.value, headers: { ...(m.headers ?? {}) } })),
      })),
    });
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      retry: { initialRetryTime: 300, maxRetryTime: 10_000, retries: Number.MAX_SAFE_INTEGER },
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [...options.topics], fromBeginning: options.fromBeginning ?? true });
    await consumer.run({
      autoCommit: true,
      partitionsConsumedConcurrently: options.partitionsConcurrently ?? 1,
      eachMessage: async ({ topic, partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {})) {
          if (v !== undefined) headers[k] = Array.isArray(v) ? String(v[0]) : String(v);
        }
        const incoming: IncomingMessage = {
          topic,
          partition,
          offset: message.offset,
          key: message.key ? message.key.toString() : null,
          value: message.value,
          headers,
        };
        await options.handle(incoming);
      },
    });
    this.consumers.add(consumer);
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  private async getAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }

  async ensureTopics(topics: readonly TopicDeclaration[]): Promise<void> {
    const admin = await this.getAdmin();
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: t.name,
          numPartitions: t.partitions,
          replicationFactor: 1,
          configEntries: t.retentionMs ? [{ name: 'retention.ms', value: String(t.retentionMs) }] : [],
        })),
      });
    }
  }

  async ping(): Promise<void> {
    const admin = await this.getAdmin();
    await admin.describeCluster();
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.consumers].map((c) => c.disconnect()));
    this.consumers.clear();
    await Promise.allSettled([this.producer?.disconnect(), this.admin?.disconnect()]);
    this.producer = undefined;
    this.admin = undefined;
  }
}
