import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADERS } from '@hub/contracts';
import { SystemClock, uuidv7 } from '@hub/kernel';
import { TopicProbe, createTestTopics, testKafkaBrokers, waitFor, type TestDatabase } from '@hub/testing';
import {
  EventConsumer,
  createMessageBus,
  Outbox,
  OutboxRelay,
  eventHandler,
  silentLogger,
  sql,
  type ConsumeOutcome,
  type EventHandler,
  type IncomingMessage,
  type KafkaMessageBus,
} from '../src/index.js';
import { effects, makeTestEvents, messagingDb, writeThings, type TestEvents } from './harness.js';

/**
 * ADR 0126: a partition's events handled in one transaction per batch — on the real PostgreSQL
 * and, for the last test, the real broker. The batch is an optimisation only: every outcome must be
 * what the one-message path gives (exactly once, in order, retries, dead-lettering).
 */
describe('EventConsumer batches (ADR 0126)', () => {
  let db: TestDatabase;
  let topic: string;
  let events: TestEvents;
  let bus: KafkaMessageBus;

  beforeAll(async () => {
    db = await messagingDb('msg_batch');
    await sql(db.orm.em.fork(), 'alter table effect add column tx bigint');
    bus = createMessageBus({ clientId: 'messaging-batch-test', brokers: testKafkaBrokers(), logger: silentLogger });
    ({ batch: topic } = (await createTestTopics(bus, { batch: 3 })) as { batch: string });
    events = makeTestEvents(topic);
  });
  afterAll(async () => {
    await bus?.close();
    await db?.drop();
  });

  const envelope = (n: number, over: Record<string, unknown> = {}) => ({
    id: uuidv7(),
    type: 'test.thing-happened',
    version: 1,
    occurredAt: new Date().toISOString(),
    correlationId: `corr-${n}`,
    causationId: null,
    aggregateId: 'a',
    payload: { n },
    ...over,
  });
  let offset = 0;
  const message = (value: unknown): IncomingMessage => ({
    topic,
    partition: 0,
    offset: String(offset++),
    key: 'a',
    value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
    headers: {},
  });
  const recordEffect: EventHandler['handle'] = async (event, em) => {
    await sql(em, 'insert into effect (event_id, n, correlation_id, tx) values (?, ?, ?, txid_current())', [
      event.id,
      (event.payload as { n: number }).n,
      event.correlationId,
    ]);
  };
  const consumerWith = (handle: EventHandler['handle'], extra: { maxAttempts?: number } = {}) => {
    const consumer = new EventConsumer(db.orm.em, bus, {
      name: `batch-${uuidv7()}`,
      topics: [topic],
      registry: events.registry,
      logger: silentLogger,
      baseBackoffMs: 5,
      handlers: [eventHandler(events.thingHappened, handle)],
      ...extra,
    });
    const outcomes: ConsumeOutcome[] = [];
    consumer.outcomes.push((o) => outcomes.push(o));
    return { consumer, outcomes };
  };
  const effectsFrom = async (from: number, to: number) =>
    sql<{ n: number; tx: string; correlation_id: string }>(db.orm.em.fork(), 'select n, tx, correlation_id from effect where n >= ? and n < ? order by n', [
      from,
      to,
    ]);

  it('handles 50 events of a partition in one transaction, each once, in order, each in its own correlation', async () => {
    const { consumer, outcomes } = consumerWith(recordEffect);
    const batch = Array.from({ length: 50 }, (_, i) => message(envelope(1000 + i)));
    expect(await consumer.consumeBatch(batch)).toEqual(Array(50).fill('handled'));
    const rows = await effectsFrom(1000, 1050);
    expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 50 }, (_, i) => 1000 + i));
    expect(new Set(rows.map((r) => r.tx)).size).toBe(1); // one transaction, not fifty
    expect(rows.map((r) => r.correlation_id)).toEqual(rows.map((r) => `corr-${r.n}`));
    expect(outcomes).toHaveLength(50);

    // The same batch again (a redelivery after a rebalance): no second effect.
    expect(await consumer.consumeBatch(batch)).toEqual(Array(50).fill('duplicate'));
    expect(await effectsFrom(1000, 1050)).toHaveLength(50);
  });

  it('an event delivered twice within one batch runs once', async () => {
    const { consumer } = consumerWith(recordEffect);
    const twice = envelope(2000);
    expect(await consumer.consumeBatch([message(twice), message(envelope(2001)), message(twice)])).toEqual(['handled', 'handled', 'duplicate']);
    expect((await effectsFrom(2000, 2002)).map((r) => r.n)).toEqual([2000, 2001]);
  });

  it('a handler that fails rolls the whole batch back; then each event is handled alone: the others once, the broken one dead-lettered', async () => {
    let calls = 0;
    const { consumer } = consumerWith(
      async (event, em) => {
        calls++;
        if ((event.payload as { n: number }).n === 3002) throw new Error('always broken');
        await recordEffect(event, em);
      },
      { maxAttempts: 2 },
    );
    const dlq = await TopicProbe.start(bus, `${topic}.dlq`);
    try {
      const batch = [3000, 3001, 3002, 3003].map((n) => message(envelope(n)));
      const outcomes = await consumer.consumeBatch(batch);
      expect(outcomes).toEqual(['handled', 'handled', 'dead-lettered', 'handled']);
      const rows = await effectsFrom(3000, 3004);
      expect(rows.map((r) => r.n)).toEqual([3000, 3001, 3003]); // each once: the batch's own writes were rolled back
      expect(new Set(rows.map((r) => r.tx)).size).toBe(3); // one transaction each, after the batch failed
      expect(calls).toBe(3 + 1 + 1 + 2 + 1); // the batch (3000, 3001, 3002 threw), then 3000, 3001, 3002 twice, 3003
      const dead = await dlq.waitFor('3002 dead-lettered', (m) => m.headers[HEADERS.dlqSourceOffset] === batch[2]!.offset);
      expect(dead.headers[HEADERS.dlqReason]).toBe('handler-failed');
    } finally {
      await dlq.stop();
    }
  });

  it('a handler that swallows an SQL error does not pass for a handled batch (COMMIT of an aborted transaction is a silent ROLLBACK)', async () => {
    let swallowOnce = true;
    const { consumer } = consumerWith(async (event, em) => {
      if ((event.payload as { n: number }).n === 4001 && swallowOnce) {
        swallowOnce = false;
        await sql(em, 'select * from no_such_table').catch(() => undefined); // the transaction is now aborted
        return;
      }
      await recordEffect(event, em);
    });
    const outcomes = await consumer.consumeBatch([4000, 4001, 4002].map((n) => message(envelope(n))));
    expect(outcomes).toEqual(['handled', 'handled', 'handled']);
    expect((await effectsFrom(4000, 4003)).map((r) => r.n)).toEqual([4000, 4001, 4002]);
  });

  it('a message that cannot be decoded is dead-lettered between two batches, in order; an unknown type is skipped', async () => {
    const { consumer } = consumerWith(recordEffect);
    const dlq = await TopicProbe.start(bus, `${topic}.dlq`);
    try {
      const bad = message('{not json');
      const outcomes = await consumer.consumeBatch([
        message(envelope(5000)),
        message(envelope(5001)),
        bad,
        message(envelope(5002, { type: 'test.something-new' })),
        message(envelope(5003)),
        message(envelope(5004)),
      ]);
      expect(outcomes).toEqual(['handled', 'handled', 'dead-lettered', 'skipped', 'handled', 'handled']);
      const rows = await effectsFrom(5000, 5005);
      expect(rows.map((r) => r.n)).toEqual([5000, 5001, 5003, 5004]);
      expect(new Set(rows.map((r) => r.tx)).size).toBe(2); // the run before the bad message, and the run after it
      const dead = await dlq.waitFor('the bad message dead-lettered', (m) => m.headers[HEADERS.dlqSourceOffset] === bad.offset);
      expect(dead.headers[HEADERS.dlqReason]).toBe('invalid-json');
    } finally {
      await dlq.stop();
    }
  });

  it('through the broker: 400 events from the outbox over 3 partitions reach the inbox exactly once, in fewer transactions than events', async () => {
    const producerDb = await messagingDb('msg_batch_prod');
    const relay = new OutboxRelay(producerDb.orm.em, bus, new SystemClock(), { batchSize: 200, idlePollMs: 20, logger: silentLogger });
    const { consumer } = consumerWith(recordEffect);
    try {
      await writeThings(producerDb.orm.em, new Outbox(new SystemClock()), events, 10_000, 400);
      relay.start();
      await waitFor('the outbox published', async () => ((await relay.pendingCount()) === 0 ? true : undefined), { timeoutMs: 60_000 });
      await consumer.start(); // everything is waiting on the topic: each partition's fetch comes in batches
      await waitFor('400 effects', async () => ((await effectsFrom(10_000, 10_400)).length >= 400 ? true : undefined), { timeoutMs: 60_000 });
      const rows = await effectsFrom(10_000, 10_400);
      expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 400 }, (_, i) => 10_000 + i));
      expect(new Set(rows.map((r) => r.tx)).size).toBeLessThanOrEqual(40); // ≥ 10 events per transaction on average
      expect((await effects(db.orm.em)).distinct).toBe((await effects(db.orm.em)).total);
    } finally {
      await consumer.stop();
      await relay.stop();
      await producerDb.drop();
    }
  });
});
