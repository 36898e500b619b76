import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADERS } from '@hub/contracts';
import { SystemClock, uuidv7 } from '@hub/kernel';
import { TopicProbe, createTestTopics, produceRaw, testKafkaBrokers, waitFor, type TestDatabase } from '@hub/testing';
import {
  EventConsumer,
  createMessageBus,
  MessageContexts,
  Outbox,
  OutboxRelay,
  eventHandler,
  silentLogger,
  sql,
  type ConsumeOutcome,
  type MessageBus,
  type KafkaMessageBus,
} from '../src/index.js';
import { effects, exitOf, makeTestEvents, messagingDb, startFixture, writeThings, type TestEvents } from './harness.js';

/**
 * Integration tests of the outbox → Kafka → inbox path on the real PostgreSQL and the real broker
 * (no mocks). Producer and consumer own separate databases, as two bounded contexts do.
 */
describe('outbox → Kafka → inbox', () => {
  let producerDb: TestDatabase;
  let consumerDb: TestDatabase;
  let topic: string;
  let events: TestEvents;
  const clock = new SystemClock();
  const outbox = new Outbox(clock);
  let bus: KafkaMessageBus;

  beforeAll(async () => {
    [producerDb, consumerDb] = await Promise.all([messagingDb('msg_prod'), messagingDb('msg_cons')]);
    bus = createMessageBus({ clientId: 'messaging-test', brokers: testKafkaBrokers(), logger: silentLogger });
    ({ things: topic } = (await createTestTopics(bus, { things: 3 })) as { things: string });
    events = makeTestEvents(topic);
  });

  afterAll(async () => {
    await bus?.close();
    await Promise.all([producerDb?.drop(), consumerDb?.drop()]);
  });

  it("writes the event in the aggregate's transaction, or not at all", async () => {
    const em = producerDb.orm.em.fork();
    await expect(
      em.transactional(async (tx) => {
        await sql(tx, 'insert into thing (id, n) values (?, ?)', ['rolled-back', -1]);
        await outbox.add(tx, events.thingHappened, 'rolled-back', { n: -1 });
        throw new Error('the command failed after writing');
      }),
    ).rejects.toThrow('the command failed');
    const [row] = await sql<{ n: string }>(em, `select count(*) as n from hub_outbox where message_key = 'rolled-back'`);
    expect(Number(row?.n)).toBe(0);
    const [thing] = await sql<{ n: string }>(em, `select count(*) as n from thing where id = 'rolled-back'`);
    expect(Number(thing?.n)).toBe(0);
  });

  it('refuses to write outside a transaction, and refuses a payload that breaks the contract', async () => {
    const em = producerDb.orm.em.fork();
    await expect(outbox.add(em, events.thingHappened, 'x', { n: 1 })).rejects.toThrow(/inside the transaction/);
    await expect(em.transactional((tx) => outbox.add(tx, events.thingHappened, 'x', { n: 'one' } as never))).rejects.toThrow(/expected number/i);
  });

  it('delivers every event to a consumer in another process exactly once, with correlation ids', async () => {
    const consumer = await startFixture('consumer-process', { DB_URL: consumerDb.url, TOPIC: topic, GROUP: `g-${uuidv7()}` });
    const relay = new OutboxRelay(producerDb.orm.em, bus, clock, { batchSize: 40, idlePollMs: 20, logger: silentLogger });
    try {
      await MessageContexts.run({ correlationId: 'corr-exactly-once', causationId: 'request-1' }, () => writeThings(producerDb.orm.em, outbox, events, 0, 150));
      relay.start();
      await waitFor('150 effects in the consumer database', async () => ((await effects(consumerDb.orm.em)).total >= 150 ? true : undefined), {
        timeoutMs: 60_000,
      });
      expect(await relay.pendingCount()).toBe(0);

      // Redeliver every event (as Kafka may after a rebalance): the inbox keeps the effect single.
      const outboxRows = await sql<{ envelope: object }>(producerDb.orm.em.fork(), 'select envelope from hub_outbox order by position limit 20');
      await produceRaw(
        bus,
        topic,
        outboxRows.map((r) => ({ key: 'dup', value: JSON.stringify(r.envelope) })),
      );
      await writeThings(producerDb.orm.em, outbox, events, 150, 1); // a marker after the duplicates
      await waitFor('the marker event', async () => ((await effects(consumerDb.orm.em)).ns.includes(150) ? true : undefined), { timeoutMs: 30_000 });

      const e = await effects(consumerDb.orm.em);
      expect(e.total).toBe(151);
      expect(e.distinct).toBe(151);
      expect(e.ns).toEqual(Array.from({ length: 151 }, (_, i) => i));
      const [ctx] = await sql<{ correlation_id: string; causation_id: string; event_id: string }>(consumerDb.orm.em.fork(), 'select * from effect where n = 0');
      expect(ctx?.correlation_id).toBe('corr-exactly-once');
      expect(ctx?.causation_id).toBe(ctx?.event_id); // the consumer's work is caused by the event
    } finally {
      await relay.stop();
      consumer.kill('SIGTERM');
      await exitOf(consumer);
    }
  });
});

describe('dead-letter topic', () => {
  let db: TestDatabase;
  let topic: string;
  let events: TestEvents;
  let bus: KafkaMessageBus;

  beforeAll(async () => {
    db = await messagingDb('msg_dlq');
    bus = createMessageBus({ clientId: 'messaging-dlq-test', brokers: testKafkaBrokers(), logger: silentLogger });
    ({ dlq: topic } = (await createTestTopics(bus, { dlq: 1 })) as { dlq: string });
    events = makeTestEvents(topic);
  });
  afterAll(async () => {
    await bus?.close();
    await db?.drop();
  });

  it('sends what can never be handled to <topic>.dlq with the reason, and goes on with the next good message', async () => {
    const outcomes: Array<{ outcome: ConsumeOutcome; detail?: string }> = [];
    let failuresLeft = 2;
    const consumer = new EventConsumer(db.orm.em, bus, {
      name: `dlq-${uuidv7()}`,
      topics: [topic],
      registry: events.registry,
      logger: silentLogger,
      baseBackoffMs: 10,
      maxAttempts: 3,
      handlers: [
        eventHandler(events.thingHappened, async (event, em) => {
          if (event.payload.n === 99 && failuresLeft-- > 0) throw new Error('transient: database hiccup');
          if (event.payload.n === 13) throw new Error('always broken');
          await sql(em, 'insert into effect (event_id, n) values (?, ?)', [event.id, event.payload.n]);
        }),
      ],
    });
    consumer.outcomes.push((outcome, _m, detail) => outcomes.push({ outcome, ...(detail ? { detail } : {}) }));
    const dlq = await TopicProbe.start(bus, `${topic}.dlq`);
    const good = (n: number, over: Record<string, unknown> = {}) =>
      JSON.stringify({
        id: uuidv7(),
        type: 'test.thing-happened',
        version: 1,
        occurredAt: new Date().toISOString(),
        correlationId: 'c',
        causationId: null,
        aggregateId: 'a',
        payload: { n },
        ...over,
      });
    try {
      await consumer.start();
      await produceRaw(bus, topic, [
        { value: '{not json' },
        { value: JSON.stringify({ hello: 'world' }) },
        { value: good(1, { version: 7 }) },
        { value: good(2, { payload: { n: 'two' } }) },
        { value: good(3, { type: 'test.something-new' }) }, // a type this consumer does not know: skipped, not dead-lettered
        { value: good(13) },
        { value: good(99) }, // fails twice, then succeeds on the third attempt
        { value: good(42) },
      ]);
      await waitFor(
        'the good messages handled',
        async () => {
          const e = await effects(db.orm.em);
          return e.ns.includes(42) && e.ns.includes(99) ? e : undefined;
        },
        { timeoutMs: 30_000 },
      );
      const dead = await dlq.waitForCount(5);
      const reasons = dead.map((m) => m.headers[HEADERS.dlqReason]);
      expect(reasons).toEqual(['invalid-json', 'invalid-envelope', 'unknown-version', 'invalid-payload', 'handler-failed']);
      expect(dead[2]?.headers[HEADERS.dlqDetail]).toMatch(/no version 7/);
      expect(dead[3]?.headers[HEADERS.dlqDetail]).toMatch(/payload\.n|n/);
      expect(dead[4]?.headers[HEADERS.dlqDetail]).toMatch(/after 3 attempts: always broken/);
      expect(dead.every((m) => m.headers[HEADERS.dlqSourceTopic] === topic)).toBe(true);
      expect((await effects(db.orm.em)).ns).toEqual([42, 99]);
      expect(outcomes.filter((o) => o.outcome === 'skipped')).toHaveLength(1);
    } finally {
      await consumer.stop();
      await dlq.stop();
    }
  });
});

describe('outbox relay wake-up (issue #17)', () => {
  it('does not lose a wake that comes while a batch is being published: the row committed meanwhile goes out at once, not after idlePollMs', async () => {
    const db = await messagingDb('msg_wake');
    const realBus = createMessageBus({ clientId: 'messaging-wake-test', brokers: testKafkaBrokers(), logger: silentLogger });
    const { wake: wakeTopic } = (await createTestTopics(realBus, { wake: 1 })) as { wake: string };
    const wakeEvents = makeTestEvents(wakeTopic);
    const outbox = new Outbox(new SystemClock());
    // The real bus, with the first publish held until the test lets it go.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let publishing!: () => void;
    const firstPublishStarted = new Promise<void>((r) => (publishing = r));
    let calls = 0;
    const bus: MessageBus = {
      publish: async (messages) => {
        if (calls++ === 0) {
          publishing();
          await gate;
        }
        return realBus.publish(messages);
      },
      subscribe: (o) => realBus.subscribe(o),
      ensureTopics: (t) => realBus.ensureTopics(t),
      ping: () => realBus.ping(),
      close: async () => undefined,
    };
    const write = (id: string, n: number) =>
      db.orm.em.fork().transactional(async (tx) => {
        await sql(tx, 'insert into thing (id, n) values (?, ?)', [id, n]);
        await outbox.add(tx, wakeEvents.thingHappened, id, { n });
      });
    // A poll interval far longer than the test may wait: only a wake can make the second row go out.
    const relay = new OutboxRelay(db.orm.em, bus, new SystemClock(), { idlePollMs: 120_000, logger: silentLogger });
    try {
      await write('wake-1', 1);
      relay.start();
      await firstPublishStarted; // the relay holds a batch with wake-1 only
      await write('wake-2', 2);
      relay.wake(); // the commit's wake arrives while the relay is busy
      release();
      await waitFor('both rows published', async () => ((await relay.pendingCount()) === 0 ? true : undefined), { timeoutMs: 15_000 });
      expect(calls).toBe(2);
    } finally {
      release();
      await relay.stop();
      await realBus.close();
      await db.drop();
    }
  });
});
