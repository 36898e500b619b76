import pg from 'pg';
import { HEADERS } from '@hub/contracts';
import type { IncomingMessage, KafkaMessageBus } from '@hub/messaging';

/**
 * What an operator needs after a `HubDeadLetters` or `HubOutboxLag` alert (ADR 0103, issue #19):
 * the dead letters of each context (read from the `.dlq` twins, attributed to a context by the
 * consumer group that sent them), the outbox rows a context fails to publish, one dead letter in
 * full, and a replay of one to its source topic once the consumer is fixed. Only the messaging port
 * (`KafkaMessageBus`, either adapter) and the database are used — nothing is deleted or rewritten.
 */
export interface DeadLetter {
  /** Where it is: the dead-letter topic, partition and offset (what `show` and `replay` take). */
  readonly dlqTopic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly reason: string;
  readonly detail: string;
  readonly sourceTopic: string;
  readonly sourcePartition: string;
  readonly sourceOffset: string;
  /** The consumer group that dead-lettered it: `<context>.<purpose>`. */
  readonly consumerGroup: string;
  /** The context that could not handle it (the group's first segment). */
  readonly context: string;
  /** From the envelope, when the value is one (a message dead-lettered as bad JSON has none). */
  readonly eventId?: string;
  readonly eventType?: string;
  readonly value: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

export function contextOfGroup(group: string): string {
  return group.split('.')[0] ?? group;
}

function toDeadLetter(m: IncomingMessage): DeadLetter {
  const value = m.value?.toString('utf8') ?? null;
  let eventId: string | undefined;
  let eventType: string | undefined;
  try {
    const env = JSON.parse(value ?? '') as { id?: unknown; type?: unknown };
    if (typeof env.id === 'string') eventId = env.id;
    if (typeof env.type === 'string') eventType = env.type;
  } catch {
    // not JSON: dead-lettered as such; shown as it is
  }
  const h = m.headers;
  const group = h[HEADERS.dlqConsumerGroup] ?? '';
  return {
    dlqTopic: m.topic,
    partition: m.partition,
    offset: m.offset,
    key: m.key,
    reason: h[HEADERS.dlqReason] ?? 'unknown',
    detail: h[HEADERS.dlqDetail] ?? '',
    sourceTopic: h[HEADERS.dlqSourceTopic] ?? m.topic.replace(/\.dlq$/, ''),
    sourcePartition: h[HEADERS.dlqSourcePartition] ?? '',
    sourceOffset: h[HEADERS.dlqSourceOffset] ?? '',
    consumerGroup: group,
    context: contextOfGroup(group),
    ...(eventId ? { eventId } : {}),
    ...(eventType ? { eventType } : {}),
    value,
    headers: { ...h },
  };
}

/**
 * Reads the dead-letter topics from their first retained message to their current end, with a
 * consumer group of its own (`hub-dlq-tool.<pid>.<time>`, never a context's: their offsets are untouched).
 */
export async function readDeadLetters(bus: KafkaMessageBus, dlqTopics: readonly string[], timeoutMs = 30_000): Promise<DeadLetter[]> {
  const existing = new Set(await bus.listTopics());
  const topics = dlqTopics.filter((t) => existing.has(t));
  if (topics.length === 0) return [];
  const groupId = `hub-dlq-tool.${process.pid}.${Date.now()}`;
  // The end of every partition now: what there is to read (a group that never committed has lag = end − start).
  const ends = (await bus.consumerLag(groupId, topics)).partitions.filter((p) => p.lag > 0);
  if (ends.length === 0) return [];
  const last = new Map(ends.map((p) => [`${p.topic}/${p.partition}`, BigInt(p.endOffset) - 1n]));
  const done = new Set<string>();
  const letters: DeadLetter[] = [];
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const subscription = await bus.subscribe({
    groupId,
    topics,
    fromBeginning: true,
    handle: (m) => {
      const k = `${m.topic}/${m.partition}`;
      const end = last.get(k);
      if (end !== undefined && BigInt(m.offset) <= end) letters.push(toDeadLetter(m));
      if (end !== undefined && BigInt(m.offset) >= end) done.add(k);
      if (done.size === last.size) finish();
      return Promise.resolve();
    },
  });
  try {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([finished.then(() => 'read' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout')
      throw new Error(
        `read ${letters.length} dead letters but not the end of ${[...last.keys()].filter((k) => !done.has(k)).join(', ')} within ${timeoutMs} ms`,
      );
  } finally {
    await subscription.stop();
  }
  return letters.sort((a, b) => a.dlqTopic.localeCompare(b.dlqTopic) || a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}

export async function findDeadLetter(bus: KafkaMessageBus, dlqTopic: string, partition: number, offset: string, timeoutMs?: number): Promise<DeadLetter> {
  if (!dlqTopic.endsWith('.dlq')) throw new Error(`${dlqTopic} is not a dead-letter topic (<topic>.dlq)`);
  const found = (await readDeadLetters(bus, [dlqTopic], timeoutMs)).find((l) => l.partition === partition && l.offset === offset);
  if (!found) throw new Error(`no dead letter at ${dlqTopic} partition ${partition} offset ${offset} (expired, or a wrong position)`);
  return found;
}

/** Header naming where a replayed message came from (kept on the message for the audit of the replay). */
export const REPLAYED_FROM_HEADER = 'hub-replayed-from';

/**
 * Publishes a dead letter back to its source topic: the same key (same partition, order per
 * aggregate kept), the same value, its original headers without the dead-letter ones, plus
 * `hub-replayed-from`. Every consumer group of that topic sees it again; each one's inbox makes it a
 * duplicate where it was handled already, so only the group that failed acts on it — once, even if
 * replayed twice.
 */
export async function replayDeadLetter(bus: KafkaMessageBus, letter: DeadLetter): Promise<{ topic: string; key: string }> {
  if (letter.value === null) throw new Error('the dead letter has no value: nothing to replay');
  const dlqHeaders = new Set<string>([
    HEADERS.dlqReason,
    HEADERS.dlqDetail,
    HEADERS.dlqSourceTopic,
    HEADERS.dlqSourcePartition,
    HEADERS.dlqSourceOffset,
    HEADERS.dlqConsumerGroup,
  ]);
  const headers = Object.fromEntries(Object.entries(letter.headers).filter(([k]) => !dlqHeaders.has(k)));
  headers[REPLAYED_FROM_HEADER] = `${letter.dlqTopic}/${letter.partition}/${letter.offset}`;
  const key = letter.key ?? '';
  await bus.publish([{ topic: letter.sourceTopic, key, value: letter.value, headers }]);
  return { topic: letter.sourceTopic, key };
}

/** An outbox row the relay has tried and failed to publish (the head of line holds the rest back). */
export interface OutboxFailure {
  readonly position: string;
  readonly eventId: string;
  readonly topic: string;
  readonly eventType: string;
  readonly attempts: number;
  readonly lastError: string;
  readonly createdAt: Date;
}

/** Unpublished rows with an error, oldest first (the relay retries them by itself; this says why they wait). */
export async function outboxFailures(databaseUrl: string, limit = 50): Promise<{ failing: OutboxFailure[]; pending: number }> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const failing = await client.query<{
      position: string;
      event_id: string;
      topic: string;
      event_type: string;
      attempts: number;
      last_error: string;
      created_at: Date;
    }>(
      `select position, event_id, topic, event_type, attempts, last_error, created_at from hub_outbox
       where published_at is null and last_error is not null order by position limit $1`,
      [limit],
    );
    const pending = await client.query<{ n: string }>('select count(*) as n from hub_outbox where published_at is null');
    return {
      failing: failing.rows.map((r) => ({
        position: r.position,
        eventId: r.event_id,
        topic: r.topic,
        eventType: r.event_type,
        attempts: r.attempts,
        lastError: r.last_error,
        createdAt: r.created_at,
      })),
      pending: Number(pending.rows[0]?.n ?? 0),
    };
  } finally {
    await client.end();
  }
}
