import {
  AclOperations,
  AclPermissionTypes,
  Admin,
  ConfigResourceTypes,
  Consumer,
  MessagesStreamFallbackModes,
  MessagesStreamModes,
  ProduceAcks,
  Producer,
  ResourcePatternTypes,
  ResourceTypes,
  SASLMechanisms,
  compatibilityPartitioner,
  type BaseOptions,
  type ConsumerGroupJoinPayload,
  type Message,
  type MessagesStream,
} from '@platformatic/kafka';
import type { MessagingLogger } from '../logger.js';
import { stderrLogger } from '../logger.js';
import { untilAclsInForce } from './acls-in-force.js';
import type { KafkaBusOptions } from './kafka-bus-options.js';
import type { AclBinding, ConsumerLag, CreateTopicsOptions, MessageBusAdmin, PartitionLag, TopicDescription } from './message-bus-admin.js';
import type { IncomingMessage, MessageBus, OutgoingMessage, SubscribeOptions, Subscription, TopicDeclaration } from './message-bus.js';

/** Messages held in the partitions' queues before the fetch stream is paused (back-pressure). */
const QUEUE_HIGH = 2_000;
/** …and resumed once the handlers brought them under this. */
const QUEUE_LOW = 500;

/** The group protocol kafkajs's RoundRobinAssigner announces (the library's own is `roundrobin`). */
const KAFKAJS_ROUND_ROBIN = 'RoundRobinAssigner';

const ACL_OPERATION = { Read: AclOperations.READ, Write: AclOperations.WRITE, Describe: AclOperations.DESCRIBE } as const;

type Msg = Message<Buffer, Buffer, Buffer, Buffer>;

/**
 * The MessageBus adapter on `@platformatic/kafka` (ADR 0149): the same port and the same guarantees as
 * the kafkajs adapter, on a maintained client. Producer: idempotent, acks=all, the Java-compatible
 * murmur2 partitioner (kafkajs's and the JVM clients' — the library's default differs, and a key must
 * land on the same partition whichever adapter wrote it). Consumer: no autocommit; a partition's
 * offset is committed only after its handler resolved; partitions handled `partitionsConcurrently` at
 * a time, in order within each; a handler's rejection or a broken stream restarts the subscription
 * from the committed offsets (kafkajs's restart); a refusal (authorisation, authentication) ends it
 * through `onCrash`.
 */
export class PlatformaticMessageBus implements MessageBus, MessageBusAdmin {
  private readonly logger: MessagingLogger;
  private producer: Producer | undefined;
  private admin: Admin | undefined;
  private readonly subscriptions = new Set<PlatformaticSubscription>();

  constructor(private readonly options: KafkaBusOptions) {
    this.logger = options.logger ?? stderrLogger;
  }

  /** Options every client of this bus shares: brokers, timeouts, retries, SASL, TLS. */
  baseOptions(): BaseOptions {
    const o = this.options;
    return {
      clientId: o.clientId,
      bootstrapBrokers: [...o.brokers],
      connectTimeout: o.connectionTimeoutMs ?? 3_000,
      requestTimeout: o.requestTimeoutMs ?? 30_000,
      timeout: o.requestTimeoutMs ?? 10_000,
      retries: o.retries ?? 10,
      // kafkajs's schedule: 200 ms doubling up to 5 s.
      retryDelay: (_client, _op, attempt) => Math.min(5_000, 200 * 2 ** Math.max(0, attempt - 1)),
      autocreateTopics: false,
      ...(o.sasl ? { sasl: { mechanism: SASL_MECHANISM[o.sasl.mechanism], username: o.sasl.username, password: o.sasl.password } } : {}),
      ...(o.ssl ? { tls: {} } : {}),
    };
  }

  private getProducer(): Producer {
    this.producer ??= new Producer({
      ...this.baseOptions(),
      idempotent: true,
      acks: ProduceAcks.ALL,
      partitioner: compatibilityPartitioner,
    });
    return this.producer;
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.getProducer()
      .send({
        messages: messages.map((m) => ({
          topic: m.topic,
          key: Buffer.from(m.key),
          value: Buffer.from(m.value),
          headers: new Map(Object.entries(m.headers ?? {}).map(([k, v]) => [Buffer.from(k), Buffer.from(v)])),
        })),
      })
      .catch((error: unknown) => {
        throw explainRefusal(error);
      });
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const subscription = new PlatformaticSubscription(this, options, this.logger, () => this.subscriptions.delete(subscription));
    this.subscriptions.add(subscription);
    await subscription.start();
    return subscription;
  }

  private getAdmin(): Admin {
    this.admin ??= new Admin(this.baseOptions());
    return this.admin;
  }

  async ensureTopics(topics: readonly TopicDeclaration[]): Promise<void> {
    await this.createTopics(topics);
  }

  async listTopics(): Promise<string[]> {
    return this.getAdmin().listTopics({ includeInternals: true });
  }

  async describeTopics(names: readonly string[]): Promise<TopicDescription[]> {
    const admin = this.getAdmin();
    const existing = new Set(await admin.listTopics({ includeInternals: true }));
    const wanted = names.filter((n) => existing.has(n));
    if (wanted.length === 0) return [];
    const [metadata, configs] = await Promise.all([
      admin.metadata({ topics: wanted, forceUpdate: true }),
      admin.describeConfigs({
        includeSynonyms: false,
        resources: wanted.map((name) => ({ resourceType: ConfigResourceTypes.TOPIC, resourceName: name, configurationKeys: ['retention.ms'] })),
      }),
    ]);
    const retentionOf = new Map<string, number>();
    for (const r of configs) {
      const value = r.configs.find((c) => c.name === 'retention.ms')?.value;
      if (value !== undefined && value !== null) retentionOf.set(r.resourceName, Number(value));
    }
    return wanted.map((name) => ({ name, partitions: metadata.topics.get(name)?.partitionsCount ?? 0, retentionMs: retentionOf.get(name) }));
  }

  async createTopics(topics: readonly TopicDeclaration[], options: CreateTopicsOptions = {}): Promise<string[]> {
    const admin = this.getAdmin();
    const existing = new Set(await admin.listTopics({ includeInternals: true }));
    const missing = topics.filter((t) => !existing.has(t.name));
    if (missing.length === 0) return [];
    // One request per topic: partitions and configs are per request in this client.
    await Promise.all(
      missing.map((t) =>
        admin.createTopics({
          topics: [t.name],
          partitions: t.partitions,
          replicas: 1,
          configs: t.retentionMs !== undefined ? [{ name: 'retention.ms', value: String(t.retentionMs) }] : [],
        }),
      ),
    );
    if (options.waitForLeaders ?? true) await this.waitForLeaders(missing, options.timeoutMs ?? 30_000);
    return missing.map((t) => t.name);
  }

  /** Until every partition of the topics has a leader, so that a publish right after succeeds. */
  private async waitForLeaders(topics: readonly TopicDeclaration[], timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const metadata = await this.getAdmin()
        .metadata({ topics: topics.map((t) => t.name), forceUpdate: true })
        .catch(() => undefined);
      const ready =
        metadata !== undefined &&
        topics.every((t) => {
          const m = metadata.topics.get(t.name);
          return m !== undefined && m.partitionsCount >= t.partitions && m.partitions.every((p) => p.leader >= 0);
        });
      if (ready) return;
      if (Date.now() > deadline) throw new Error(`topics without a leader after ${timeoutMs} ms: ${topics.map((t) => t.name).join(', ')}`);
      await sleep(100);
    }
  }

  async increasePartitions(name: string, partitions: number): Promise<void> {
    await this.getAdmin().createPartitions({ topics: [{ name, count: partitions }], validateOnly: false });
  }

  async deleteTopics(names: readonly string[]): Promise<void> {
    for (let i = 0; i < names.length; i += 50) await this.getAdmin().deleteTopics({ topics: names.slice(i, i + 50) });
  }

  async consumerLag(groupId: string, topics: readonly string[]): Promise<ConsumerLag> {
    const admin = this.getAdmin();
    const metadata = await admin.metadata({ topics: [...topics] });
    const request = topics.map((name) => {
      const count = metadata.topics.get(name)?.partitionsCount ?? 0;
      return { name, partitions: Array.from({ length: count }, (_, i) => i) };
    });
    const [groups, starts, ends] = await Promise.all([
      admin.listConsumerGroupOffsets({ groups: [{ groupId, topics: request.map((t) => ({ name: t.name, partitionIndexes: t.partitions })) }] }),
      admin.listOffsets({ topics: request.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partitionIndex: p, timestamp: -2n })) })) }),
      admin.listOffsets({ topics: request.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partitionIndex: p, timestamp: -1n })) })) }),
    ]);
    const committedOf = new Map<string, bigint>();
    for (const g of groups) for (const t of g.topics) for (const p of t.partitions) committedOf.set(`${t.name}/${p.partitionIndex}`, p.committedOffset);
    const startOf = new Map<string, bigint>();
    for (const t of starts) for (const p of t.partitions) startOf.set(`${t.name}/${p.partitionIndex}`, p.offset);
    const partitions: PartitionLag[] = [];
    for (const t of ends) {
      for (const p of t.partitions) {
        const key = `${t.name}/${p.partitionIndex}`;
        const c = committedOf.get(key);
        const committedOffset = c === undefined || c < 0n ? null : c.toString();
        const from = committedOffset === null ? (startOf.get(key) ?? 0n) : BigInt(committedOffset);
        const lag = p.offset - from;
        partitions.push({ topic: t.name, partition: p.partitionIndex, committedOffset, endOffset: p.offset.toString(), lag: Number(lag > 0n ? lag : 0n) });
      }
    }
    partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    return { groupId, total: partitions.reduce((s, p) => s + p.lag, 0), partitions };
  }

  async createAcls(bindings: readonly AclBinding[]): Promise<void> {
    if (bindings.length === 0) return;
    const admin = this.getAdmin();
    const entries = bindings.map((b) => ({
      resourceType: b.resource.type === 'topic' ? ResourceTypes.TOPIC : ResourceTypes.GROUP,
      resourceName: b.resource.name,
      resourcePatternType: b.resource.patternType === 'prefix' ? ResourcePatternTypes.PREFIXED : ResourcePatternTypes.LITERAL,
      principal: b.principal,
      host: b.host ?? '*',
      operation: ACL_OPERATION[b.operation],
      permissionType: AclPermissionTypes.ALLOW,
    }));
    await admin.createAcls({ creations: entries });
    await untilAclsInForce(entries, async (e) => (await admin.describeAcls({ filter: e })).some((r) => r.acls.length > 0));
  }

  async ping(): Promise<void> {
    await this.getAdmin().metadata({ topics: [], forceUpdate: true });
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
    await Promise.allSettled([this.producer?.close(), this.admin?.close()]);
    this.producer = undefined;
    this.admin = undefined;
  }
}

const SASL_MECHANISM = {
  'scram-sha-512': SASLMechanisms.SCRAM_SHA_512,
  'scram-sha-256': SASLMechanisms.SCRAM_SHA_256,
  plain: SASLMechanisms.PLAIN,
} as const;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Refusal {
  readonly apiId?: string;
  readonly code?: string;
  readonly message: string;
}

/** The refusal inside a client error (nested in `errors` and `cause`), if it is one: ACLs or credentials. */
function findRefusal(error: unknown, depth = 0): Refusal | undefined {
  if (!error || typeof error !== 'object' || depth > 8) return undefined;
  const e = error as { apiId?: unknown; code?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
  const message = typeof e.message === 'string' ? e.message : '';
  if (typeof e.apiId === 'string' && /AUTHORIZATION_FAILED$|^SASL_AUTHENTICATION_FAILED$/.test(e.apiId)) return { apiId: e.apiId, message };
  if (e.code === 'PLT_KFK_AUTHENTICATION') return { code: e.code, message };
  if (Array.isArray(e.errors)) {
    for (const x of e.errors) {
      const found = findRefusal(x, depth + 1);
      if (found) return found;
    }
  }
  return findRefusal(e.cause, depth + 1);
}

/** True for what retrying cannot cure: the broker refused the principal (ACLs) or its credentials. */
export function isRefusal(error: unknown): boolean {
  return findRefusal(error) !== undefined;
}

const REFUSED_RESOURCE: Record<string, string> = {
  GROUP_AUTHORIZATION_FAILED: 'group',
  TOPIC_AUTHORIZATION_FAILED: 'topics',
  CLUSTER_AUTHORIZATION_FAILED: 'cluster',
  TRANSACTIONAL_ID_AUTHORIZATION_FAILED: 'transactional id',
};

/**
 * A refusal said as the kafkajs adapter says it ("Not authorized to access group: …"), the broker's
 * code kept: logs, alerts and operators read one wording whichever client runs. Anything else as is.
 */
export function explainRefusal(error: unknown): Error {
  const refusal = findRefusal(error);
  if (!refusal) return error instanceof Error ? error : new Error(String(error));
  const resource = refusal.apiId ? REFUSED_RESOURCE[refusal.apiId] : undefined;
  const text = resource ? `Not authorized to access ${resource}: ${refusal.message}` : `Authentication refused by the broker: ${refusal.message}`;
  return new Error(`${text} (${refusal.apiId ?? refusal.code})`, { cause: error });
}

/** One partition's messages, in offset order, waiting for its handler. */
interface PartitionQueue {
  readonly key: string;
  readonly messages: Msg[];
  /** The next offset expected: anything below was queued already (a re-fetch after a rejoin). */
  next: bigint | undefined;
  revoked: boolean;
}

/** One consumer and its stream, from a join to a teardown; a restart makes a new one. */
interface Incarnation {
  readonly consumer: Consumer;
  stream: MessagesStream<Buffer, Buffer, Buffer, Buffer> | undefined;
  readonly queues: Map<string, PartitionQueue>;
  readonly ready: PartitionQueue[];
  /** The partitions of the last join; messages of others (left in the stream's buffer) are not taken. */
  assigned: Set<string> | undefined;
  queued: number;
  paused: boolean;
  /** No new chunk starts (stopping or restarting); running ones finish and commit. */
  draining: boolean;
  ended: boolean;
  memberId: string | null;
  generationId: number | undefined;
}

/** How long a teardown waits for the commits of handled chunks (they wait for a rejoin to be sent). */
const COMMITS_WITHIN_MS = 5_000;

class PlatformaticSubscription implements Subscription {
  private current: Incarnation | undefined;
  private readonly stopping = new AbortController();
  private dead = false;
  private restarting: Promise<void> | undefined;
  /** Partitions whose handler is running, across incarnations: never two handlers on one partition. */
  private readonly running = new Map<string, Promise<void>>();
  private readonly commits = new Set<Promise<void>>();
  private readonly concurrency: number;
  private readonly maxBatch: number;

  constructor(
    private readonly bus: PlatformaticMessageBus,
    private readonly options: SubscribeOptions,
    private readonly logger: MessagingLogger,
    private readonly forget: () => void,
  ) {
    this.concurrency = Math.max(1, options.partitionsConcurrently ?? 1);
    this.maxBatch = options.handleBatch ? Math.max(1, options.maxBatch ?? 100) : 1;
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  /** Joins (retrying while the broker is away); resolves once joined, refused or stopped. */
  async start(): Promise<void> {
    let delay = 300;
    while (!this.stopped && !this.dead) {
      try {
        await this.incarnate();
        return;
      } catch (error) {
        if (this.stopped) return;
        if (isRefusal(error)) {
          this.crash(error as Error);
          return;
        }
        this.logger.warn(
          { component: 'platformatic-kafka', groupId: this.options.groupId, err: (error as Error).message, retryInMs: delay },
          'could not join the consumer group; retrying',
        );
        await this.sleep(delay);
        delay = Math.min(10_000, delay * 2);
      }
    }
  }

  private async incarnate(): Promise<void> {
    const consumer = new Consumer({
      ...this.bus.baseOptions(),
      groupId: this.options.groupId,
      sessionTimeout: 30_000,
      rebalanceTimeout: 60_000,
      heartbeatInterval: 3_000,
      // kafkajs's protocol name: a group can hold members of both adapters (a context switching replica
      // by replica); the assignment itself is the standard ConsumerProtocolAssignment on both sides.
      protocols: [{ name: KAFKAJS_ROUND_ROBIN, version: 1 }],
      autocommit: false,
    });
    const inc: Incarnation = {
      consumer,
      stream: undefined,
      queues: new Map(),
      ready: [],
      assigned: undefined,
      queued: 0,
      paused: false,
      draining: false,
      ended: false,
      memberId: null,
      generationId: undefined,
    };
    // An EventEmitter without an 'error' listener throws: a failed rejoin is reported here.
    consumer.on('error', (error: Error) => this.fail(inc, error));
    consumer.on('consumer:group:join', (payload: ConsumerGroupJoinPayload) => this.joined(inc, payload));
    this.current = inc;
    try {
      const stream = await consumer.consume({
        topics: [...this.options.topics],
        mode: MessagesStreamModes.COMMITTED,
        fallbackMode: (this.options.fromBeginning ?? true) ? MessagesStreamFallbackModes.EARLIEST : MessagesStreamFallbackModes.LATEST,
        autocommit: false,
        // How long the broker may hold a fetch with nothing to return (kafkajs: 5 s). Not on the latency
        // path while messages flow; 500 ms keeps an idle stream's fetches at two a second.
        maxWaitTime: 500,
        highWaterMark: 1_024,
      });
      inc.stream = stream;
      stream.on('error', (error: Error) => this.fail(inc, error));
      if (this.stopped || inc.draining) {
        await stream.close().catch(() => undefined); // a teardown began while it joined
        return;
      }
      stream.on('data', (m: Msg) => this.enqueue(inc, m));
    } catch (error) {
      inc.ended = true;
      if (this.current === inc) this.current = undefined;
      await consumer.close(true).catch(() => undefined);
      throw error;
    }
  }

  /** A (re)join: queues of partitions no longer ours are dropped before anything of theirs is committed. */
  private joined(inc: Incarnation, payload: ConsumerGroupJoinPayload): void {
    // Still the same member, one generation on: the partitions it keeps were nobody else's meanwhile.
    const continuous = inc.memberId === payload.memberId && inc.generationId !== undefined && payload.generationId === inc.generationId + 1;
    inc.memberId = payload.memberId;
    inc.generationId = payload.generationId;
    const assigned = new Set<string>();
    for (const a of payload.assignments ?? []) for (const p of a.partitions) assigned.add(`${a.topic}:${p}`);
    inc.assigned = assigned;
    for (const [key, q] of inc.queues) {
      if (continuous && assigned.has(key)) continue;
      this.drop(inc, q);
    }
  }

  private drop(inc: Incarnation, q: PartitionQueue): void {
    q.revoked = true;
    inc.queued -= q.messages.length;
    q.messages.length = 0;
    inc.queues.delete(q.key);
    this.relieve(inc);
  }

  private enqueue(inc: Incarnation, m: Msg): void {
    if (inc.ended) return;
    const key = `${m.topic}:${m.partition}`;
    if (inc.assigned && !inc.assigned.has(key)) return; // revoked while it sat in the stream's buffer
    let q = inc.queues.get(key);
    if (!q) {
      q = { key, messages: [], next: undefined, revoked: false };
      inc.queues.set(key, q);
    }
    if (q.next !== undefined && m.offset < q.next) return; // queued already (re-fetched after a rejoin)
    q.next = m.offset + 1n;
    q.messages.push(m);
    inc.queued += 1;
    if (q.messages.length === 1) inc.ready.push(q);
    if (!inc.paused && inc.queued >= QUEUE_HIGH) {
      inc.paused = true;
      inc.stream?.pause();
    }
    this.pump(inc);
  }

  private relieve(inc: Incarnation): void {
    if (inc.paused && inc.queued <= QUEUE_LOW && !inc.ended) {
      inc.paused = false;
      inc.stream?.resume();
    }
  }

  /** Starts handlers for ready partitions, up to `partitionsConcurrently`, one chunk at a time each. */
  private pump(inc: Incarnation): void {
    if (inc.draining || inc.ended) return;
    let scanned = inc.ready.length;
    while (this.running.size < this.concurrency && scanned-- > 0) {
      const q = inc.ready.shift()!;
      if (q.revoked || q.messages.length === 0) continue;
      if (this.running.has(q.key)) {
        inc.ready.push(q); // a handler of the previous incarnation is still on this partition
        continue;
      }
      const work = this.handleChunk(inc, q).finally(() => {
        this.running.delete(q.key);
        if (!q.revoked && q.messages.length > 0) inc.ready.push(q);
        const current = this.current;
        if (current) this.pump(current);
      });
      this.running.set(q.key, work);
    }
  }

  private async handleChunk(inc: Incarnation, q: PartitionQueue): Promise<void> {
    const chunk = q.messages.splice(0, this.maxBatch);
    inc.queued -= chunk.length;
    this.relieve(inc);
    try {
      if (this.options.handleBatch) await this.options.handleBatch(chunk.map(incomingOf));
      else await this.options.handle(incomingOf(chunk[0]!));
    } catch (error) {
      // Not committed: redelivered from the committed offset after the restart (or to the next member).
      if (!this.stopped) this.fail(inc, error as Error);
      return;
    }
    if (q.revoked || inc.ended) return; // no longer ours: the new owner re-reads it (the inbox dedupes)
    // The stream coalesces commits per partition, single-flight and monotonic; a failed one is
    // covered by the next, and one that needs a rejoin breaks the stream (a restart).
    const commit = (chunk[chunk.length - 1]!.commit() as Promise<void>).catch((error: Error) => {
      this.logger.debug({ component: 'platformatic-kafka', groupId: this.options.groupId, err: error.message }, 'commit failed; the next one covers it');
    });
    this.commits.add(commit);
    void commit.finally(() => this.commits.delete(commit));
  }

  /** A broken stream, a failed rejoin or a rejected handler: restart from the committed offsets. */
  private fail(inc: Incarnation, error: Error): void {
    if (inc.draining || inc.ended || this.stopped || this.dead) return;
    if (isRefusal(error)) {
      void this.teardown(inc).then(() => this.crash(error));
      return;
    }
    this.logger.warn(
      { component: 'platformatic-kafka', groupId: this.options.groupId, err: error.message },
      'consumer failed; restarting from the committed offsets',
    );
    this.restarting ??= (async () => {
      await this.teardown(inc);
      await this.sleep(300);
      await this.start();
    })().finally(() => {
      this.restarting = undefined;
    });
  }

  /** Running handlers finish and commit, then the stream and the consumer close (leaving the group). */
  private async teardown(inc: Incarnation): Promise<void> {
    if (inc.draining) return;
    inc.draining = true;
    await Promise.allSettled([...this.running.values()]);
    await Promise.race([Promise.allSettled([...this.commits]), sleep(COMMITS_WITHIN_MS)]);
    inc.ended = true;
    for (const q of [...inc.queues.values()]) this.drop(inc, q);
    inc.ready.length = 0;
    await inc.stream?.close().catch(() => undefined);
    await inc.consumer.close(true).catch(() => undefined);
    if (this.current === inc) this.current = undefined;
  }

  private crash(error: Error): void {
    if (this.dead || this.stopped) return;
    this.dead = true;
    this.forget();
    const refused = explainRefusal(error);
    if (this.options.onCrash) this.options.onCrash(refused);
    else
      this.logger.error(
        { component: 'platformatic-kafka', groupId: this.options.groupId, err: refused.message },
        'subscription refused by the broker; stopped',
      );
  }

  /** Waits, or less if the subscription is stopped meanwhile. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const signal = this.stopping.signal;
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
    });
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopping.abort();
    this.forget();
    if (this.current) await this.teardown(this.current);
    await this.restarting?.catch(() => undefined);
  }
}

function incomingOf(m: Msg): IncomingMessage {
  const headers: Record<string, string> = {};
  for (const [k, v] of m.headers) headers[k.toString()] = v.toString();
  return { topic: m.topic, partition: m.partition, offset: m.offset.toString(), key: m.key ? m.key.toString() : null, value: m.value ?? null, headers };
}
