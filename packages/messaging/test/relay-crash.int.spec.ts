import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SystemClock, uuidv7 } from '@hub/kernel';
import { TopicProbe, createTestTopics, testKafkaBrokers, waitFor, type TestDatabase } from '@hub/testing';
import { EventConsumer, createMessageBus, Outbox, OutboxRelay, eventHandler, silentLogger, sql, type KafkaMessageBus } from '../src/index.js';
import { effects, exitOf, makeTestEvents, messagingDb, startFixture, writeThings, type TestEvents } from './harness.js';

/**
 * The relay is SIGKILLed after Kafka acknowledged a batch and before the outbox transaction
 * committed. Nothing may be lost, and although Kafka then holds duplicates, the consumer's effect
 * must be exactly once.
 */
describe('relay killed between publish and commit', () => {
  let producerDb: TestDatabase;
  let consumerDb: TestDatabase;
  let topic: string;
  let events: TestEvents;
  let bus: KafkaMessageBus;
  const clock = new SystemClock();

  beforeAll(async () => {
    [producerDb, consumerDb] = await Promise.all([messagingDb('crash_prod'), messagingDb('crash_cons')]);
    bus = createMessageBus({ clientId: 'crash-test', brokers: testKafkaBrokers(), logger: silentLogger });
    ({ crash: topic } = (await createTestTopics(bus, { crash: 2 })) as { crash: string });
    events = makeTestEvents(topic);
  });
  afterAll(async () => {
    await bus?.close();
    await Promise.all([producerDb?.drop(), consumerDb?.drop()]);
  });

  it('loses nothing and duplicates nothing in effect', async () => {
    await writeThings(producerDb.orm.em, new Outbox(clock), events, 0, 120);
    const probe = await TopicProbe.start(bus, topic);

    // 1. A relay process publishes two batches of 30 and dies (SIGKILL) before committing the second.
    const doomed = await startFixture('relay-process', { DB_URL: producerDb.url, CRASH_AFTER_BATCHES: '2', BATCH_SIZE: '30' });
    const exit = await exitOf(doomed);
    expect(exit.signal).toBe('SIGKILL');
    const [pending] = await sql<{ n: string }>(producerDb.orm.em.fork(), 'select count(*) as n from hub_outbox where published_at is null');
    expect(Number(pending?.n)).toBe(90); // only the first batch was marked published
    await probe.waitForCount(60); // …but Kafka has both batches

    // 2. A new relay takes over and a consumer (its own database) handles everything.
    const relay = new OutboxRelay(producerDb.orm.em, bus, clock, { batchSize: 30, idlePollMs: 20, logger: silentLogger });
    const consumer = new EventConsumer(consumerDb.orm.em, bus, {
      name: `crash-${uuidv7()}`,
      topics: [topic],
      registry: events.registry,
      logger: silentLogger,
      handlers: [
        eventHandler(events.thingHappened, async (e, em) => void (await sql(em, 'insert into effect (event_id, n) values (?, ?)', [e.id, e.payload.n]))),
      ],
    });
    const outcomes: string[] = [];
    consumer.outcomes.push((o) => outcomes.push(o));
    try {
      relay.start();
      await consumer.start();
      await waitFor('all 120 events handled and the 30 re-published duplicates seen', () => (outcomes.length >= 150 ? true : undefined), { timeoutMs: 60_000 });
      expect(probe.messages.length).toBe(150); // 120 + the batch published twice
      expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(30);
      const e = await effects(consumerDb.orm.em);
      expect(e.total).toBe(120);
      expect(e.distinct).toBe(120);
      expect(e.ns).toEqual(Array.from({ length: 120 }, (_, i) => i));
      expect(await relay.pendingCount()).toBe(0);
    } finally {
      await relay.stop();
      await consumer.stop();
      await probe.stop();
    }
  });
});
