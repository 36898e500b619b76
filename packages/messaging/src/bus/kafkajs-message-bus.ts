import kafkajs, { type Admin, type Consumer, type Kafka as KafkaClient, type KafkaMessage, type Producer, type SASLOptions } from 'kafkajs';
import type { MessagingLogger } from '../logger.js';
import { untilAclsInForce } from './acls-in-force.js';
import type { KafkaBusOptions } from './kafka-bus-options.js';
import { stderrLogger } from '../logger.js';
import type { AclBinding, ConsumerLag, CreateTopicsOptions, MessageBusAdmin, PartitionLag, TopicDescription } from './message-bus-admin.js';
import type { IncomingMessage, MessageBus, OutgoingMessage, SubscribeOptions, Subscription, TopicDeclaration } from './message-bus.js';

const { Kafka, logLevel, CompressionTypes, ConfigResourceTypes, AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } = kafkajs;

const ACL_OPERATION = { Read: AclOperationTypes.READ, Write: AclOperationTypes.WRITE, Describe: AclOperationTypes.DESCRIBE } as const;

function saslOf(s: NonNullable<KafkaBusOptions['sasl']>): SASLOptions {
  switch (s.mechanism) {
    case 'scram-sha-512':
      return { mechanism: 'scram-sha-512', username: s.username, password: s.password };
    case 'scram-sha-256':
      return { mechanism: 'scram-sha-256', username: s.username, password: s.password };
    case 'plain':
      return { mechanism: 'plain', username: s.username, password: s.password };
  }
}

/**
 * The MessageBus adapter on kafkajs 2.2.4. kafkajs is unmaintained since 2023 (kafka-local.md);
 * it is confined to this file. Producer: idempotent, acks=all, one in-flight request, so that a
 * retried send neither duplicates nor reorders within a partition. It also implements the
 * administration port (topics, consumer lag) for tools, tests and metrics.
 */
export class KafkaJsMessageBus implements MessageBus, MessageBusAdmin {
  private readonly kafka: KafkaClient;
  private readonly logger: MessagingLogger;
  private producer: Producer | undefined;
  private producerConnecting: Promise<Producer> | undefined;
  private admin: Admin | undefined;
  private readonly consumers = new Set<Consumer>();

  constructor(private readonly options: KafkaBusOptions) {
    this.logger = options.logger ?? stderrLogger;
    const log = this.logger;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      ...(options.sasl ? { sasl: saslOf(options.sasl) } : {}),
      ...(options.ssl ? { ssl: true } : {}),
      requestTimeout: options.requestTimeoutMs ?? 10_000,
      connectionTimeout: options.connectionTimeoutMs ?? 3_000,
      retry: { initialRetryTime: 200, maxRetryTime: 5_000, retries: options.retries ?? 10 },
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
    // Known to close() from the start: a consumer still connecting or joining is disconnected too.
    this.consumers.add(consumer);
    // kafkajs restarts a consumer after a retriable failure by itself; a crash it will not restart
    // from (a refused group or topic) is reported to the subscriber, once.
    const onCrash = options.onCrash;
    if (onCrash) {
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (payload.restart) return;
        this.consumers.delete(consumer);
        onCrash(payload.error);
      });
    }
    await consumer.connect();
    await consumer.subscribe({ topics: [...options.topics], fromBeginning: options.fromBeginning ?? true });
    const handleBatch = options.handleBatch;
    const maxBatch = Math.max(1, options.maxBatch ?? 100);
    await consumer.run({
      autoCommit: true,
      partitionsConsumedConcurrently: options.partitionsConcurrently ?? 1,
      ...(handleBatch
        ? {
            // ADR 0126: a partition's fetched messages in chunks; a chunk's offsets are resolved (and
            // so committed) only after the handler resolved for all of it.
            eachBatchAutoResolve: false,
            eachBatch: async (payload) => {
              const { batch } = payload;
              for (let i = 0; i < batch.messages.length; i += maxBatch) {
                if (!payload.isRunning() || payload.isStale()) return;
                const chunk = batch.messages.slice(i, i + maxBatch);
                await handleBatch(chunk.map((m) => incomingOf(batch.topic, batch.partition, m)));
                payload.resolveOffset(chunk[chunk.length - 1]!.offset);
                await payload.heartbeat();
              }
            },
          }
        : {
            eachMessage: async ({ topic, partition, message }) => {
              await options.handle(incomingOf(topic, partition, message));
            },
          }),
    });
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
    await this.createTopics(topics);
  }

  async listTopics(): Promise<string[]> {
    return (await this.getAdmin()).listTopics();
  }

  async describeTopics(names: readonly string[]): Promise<TopicDescription[]> {
    const admin = await this.getAdmin();
    const existing = new Set(await admin.listTopics());
    const wanted = names.filter((n) => existing.has(n));
    if (wanted.length === 0) return [];
    const [{ topics }, configs] = await Promise.all([
      admin.fetchTopicMetadata({ topics: wanted }),
      admin.describeConfigs({
        includeSynonyms: false,
        resources: wanted.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: ['retention.ms'] })),
      }),
    ]);
    const retentionOf = new Map<string, number>();
    for (const r of configs.resources) {
      const value = r.configEntries.find((c) => c.configName === 'retention.ms')?.configValue;
      if (value !== undefined && value !== null) retentionOf.set(r.resourceName, Number(value));
    }
    return topics.map((t) => ({ name: t.name, partitions: t.partitions.length, retentionMs: retentionOf.get(t.name) }));
  }

  async createTopics(topics: readonly TopicDeclaration[], options: CreateTopicsOptions = {}): Promise<string[]> {
    const admin = await this.getAdmin();
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.name));
    if (missing.length === 0) return [];
    await admin.createTopics({
      waitForLeaders: options.waitForLeaders ?? true,
      timeout: options.timeoutMs ?? 30_000,
      topics: missing.map((t) => ({
        topic: t.name,
        numPartitions: t.partitions,
        replicationFactor: 1,
        configEntries: t.retentionMs !== undefined ? [{ name: 'retention.ms', value: String(t.retentionMs) }] : [],
      })),
    });
    return missing.map((t) => t.name);
  }

  async increasePartitions(name: string, partitions: number): Promise<void> {
    const admin = await this.getAdmin();
    await admin.createPartitions({ validateOnly: false, timeout: 30_000, topicPartitions: [{ topic: name, count: partitions }] });
  }

  async deleteTopics(names: readonly string[]): Promise<void> {
    const admin = await this.getAdmin();
    // The broker takes a bounded number per request.
    for (let i = 0; i < names.length; i += 50) await admin.deleteTopics({ topics: names.slice(i, i + 50), timeout: 30_000 });
  }

  async consumerLag(groupId: string, topics: readonly string[]): Promise<ConsumerLag> {
    const admin = await this.getAdmin();
    const [committed, ends] = await Promise.all([
      admin.fetchOffsets({ groupId, topics: [...topics] }),
      Promise.all(topics.map(async (topic) => ({ topic, offsets: await admin.fetchTopicOffsets(topic) }))),
    ]);
    const committedOf = new Map<string, string>();
    for (const t of committed) for (const p of t.partitions) committedOf.set(`${t.topic}/${p.partition}`, p.offset);
    const partitions: PartitionLag[] = [];
    for (const { topic, offsets } of ends) {
      for (const o of offsets) {
        const c = committedOf.get(`${topic}/${o.partition}`);
        // kafkajs reports "-1" for a partition the group has never committed on.
        const committedOffset = c === undefined || BigInt(c) < 0n ? null : c;
        const from = committedOffset === null ? BigInt(o.low) : BigInt(committedOffset);
        const lag = BigInt(o.high) - from;
        partitions.push({ topic, partition: o.partition, committedOffset, endOffset: o.high, lag: Number(lag > 0n ? lag : 0n) });
      }
    }
    partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    return { groupId, total: partitions.reduce((s, p) => s + p.lag, 0), partitions };
  }

  async createAcls(bindings: readonly AclBinding[]): Promise<void> {
    if (bindings.length === 0) return;
    const admin = await this.getAdmin();
    const entries = bindings.map((b) => ({
      resourceType: b.resource.type === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
      resourceName: b.resource.name,
      resourcePatternType: b.resource.patternType === 'prefix' ? ResourcePatternTypes.PREFIXED : ResourcePatternTypes.LITERAL,
      principal: b.principal,
      host: b.host ?? '*',
      operation: ACL_OPERATION[b.operation],
      permissionType: AclPermissionTypes.ALLOW,
    }));
    await admin.createAcls({ acl: entries });
    await untilAclsInForce(entries, async (e) => (await admin.describeAcls(e)).resources.some((r) => r.acls.length > 0));
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

function incomingOf(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(message.headers ?? {})) {
    if (v !== undefined) headers[k] = Array.isArray(v) ? String(v[0]) : String(v);
  }
  return { topic, partition, offset: message.offset, key: message.key ? message.key.toString() : null, value: message.value, headers };
}
