import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EventRegistry, defineIntegrationEvent, dlqTopicOf } from '@hub/contracts';
import { SystemClock, uuidv7 } from '@hub/kernel';
import {
  type ConsumeOutcome,
  EventConsumer,
  createMessageBus,
  type KafkaMessageBus,
  Outbox,
  OutboxRelay,
  eventHandler,
  messagingEntities,
  silentLogger,
  sql,
} from '@hub/messaging';
import { TopicProbe, createTestDatabase, createTestTopics, testKafkaBrokers, waitFor, type TestDatabase } from '@hub/testing';
import { REPLAYED_FROM_HEADER, findDeadLetter, outboxFailures, readDeadLetters, replayDeadLetter } from '../src/dead-letters.js';

/**
 * ADR 0103 (issue #19): a poison message is dead-lettered, listed with its reason and context,
 * replayed after the fix and handled exactly once — replaying it a second time changes nothing (the
 * inbox). Real PostgreSQL and Kafka.
 */
describe('tools/hub dlq: list, show, replay', () => {
  let db: TestDatabase;
  let bus: KafkaMessageBus;
  let topic: string;
  let consumer: EventConsumer;
  const clock = new SystemClock();
  const outbox = new Outbox(clock);
  const outcomes: Array<{ outcome: ConsumeOutcome; eventId: string | undefined }> = [];
  let fixed = false;

  beforeAll(async () => {
    db = await createTestDatabase('dlq_tool', { entities: messagingEntities });
    await sql(db.orm.em.fork(), 'create table effect (event_id uuid not null, n int not null)');
    bus = createMessageBus({ clientId: 'dlq-tool-test', brokers: testKafkaBrokers(), logger: silentLogger });
    ({ things: topic } = (await createTestTopics(bus, { things: 1 })) as { things: string });
  });

  afterAll(async () => {
    await consumer?.stop();
    await bus?.close();
    await db?.drop();
  });

  const effectsOf = async (n: number): Promise<number> => {
    const [row] = await sql<{ c: string }>(db.orm.em.fork(), 'select count(*) as c from effect where n = ?', [n]);
    return Number(row?.c ?? 0);
  };

  it('dead-letters a poison message, lists it under its context, replays it after the fix exactly once', async () => {
    const ThingHappened = defineIntegrationEvent({
      type: 'test.thing-happened',
      version: 1,
      topic,
      description: 'test',
      payload: z.object({ n: z.number().int() }),
    });
    consumer = new EventConsumer(db.orm.em, bus, {
      name: `dlqtest.things-events-${uuidv7()}`,
      topics: [topic],
      registry: new EventRegistry([ThingHappened]),
      maxAttempts: 2,
      baseBackoffMs: 10,
      logger: silentLogger,
      handlers: [
        eventHandler(ThingHappened, async (event, tx) => {
          if (event.payload.n === 13 && !fixed) throw new Error('bug: thirteen is not handled yet');
          await sql(tx, 'insert into effect (event_id, n) values (?, ?)', [event.id, event.payload.n]);
        }),
      ],
    });
    consumer.outcomes.push((outcome, m) => {
      let eventId: string | undefined;
      try {
        eventId = (JSON.parse(m.value?.toString() ?? '') as { id?: string }).id;
      } catch {
        eventId = undefined;
      }
      outcomes.push({ outcome, eventId });
    });
    await consumer.start();

    let poisonId = '';
    for (const n of [1, 13]) {
      await db.orm.em.fork().transactional(async (tx) => {
        const env = await outbox.add(tx, ThingHappened, `thing-${n}`, { n });
        if (n === 13) poisonId = env.id;
      });
    }
    expect(await new OutboxRelay(db.orm.em, bus, clock, { logger: silentLogger }).relayOnce()).toBe(2);
    await waitFor('the poison message dead-lettered', () => outcomes.find((o) => o.outcome === 'dead-lettered' && o.eventId === poisonId), {
      timeoutMs: 60_000,
    });
    expect(await effectsOf(1)).toBe(1);
    expect(await effectsOf(13)).toBe(0);

    // list: the dead letter, attributed to the context whose group sent it, with the reason.
    const letters = await readDeadLetters(bus, [dlqTopicOf(topic)]);
    expect(letters).toHaveLength(1);
    const letter = letters[0]!;
    expect(letter).toMatchObject({
      dlqTopic: dlqTopicOf(topic),
      partition: 0,
      reason: 'handler-failed',
      context: 'dlqtest',
      consumerGroup: consumer.name,
      sourceTopic: topic,
      eventId: poisonId,
      eventType: 'test.thing-happened',
      key: 'thing-13',
    });
    expect(letter.detail).toMatch(/after 2 attempts: bug: thirteen/);

    // show: the same letter by its position; a wrong position is an error, not a guess.
    expect((await findDeadLetter(bus, letter.dlqTopic, 0, letter.offset)).eventId).toBe(poisonId);
    await expect(findDeadLetter(bus, letter.dlqTopic, 0, String(Number(letter.offset) + 5))).rejects.toThrow(/no dead letter at/);
    await expect(findDeadLetter(bus, topic, 0, '0')).rejects.toThrow(/not a dead-letter topic/);

    // The fix is deployed; replay.
    fixed = true;
    const to = await replayDeadLetter(bus, letter);
    expect(to).toEqual({ topic, key: 'thing-13' });
    await waitFor('the replayed message handled', () => outcomes.find((o) => o.outcome === 'handled' && o.eventId === poisonId), { timeoutMs: 60_000 });
    expect(await effectsOf(13)).toBe(1);

    // Replayed twice by mistake: the inbox makes it a duplicate — still one effect.
    await replayDeadLetter(bus, letter);
    await waitFor('the second replay seen as a duplicate', () => outcomes.find((o) => o.outcome === 'duplicate' && o.eventId === poisonId), {
      timeoutMs: 60_000,
    });
    expect(await effectsOf(13)).toBe(1);
    expect(await effectsOf(1)).toBe(1);
    // Nothing new was dead-lettered, and the replayed copy says where it came from.
    expect(await readDeadLetters(bus, [dlqTopicOf(topic)])).toHaveLength(1);
    const probe = await TopicProbe.start(bus, topic);
    try {
      const copies = await probe.waitForCount(4); // two events, two replayed copies
      const replayed = copies.filter((m) => m.headers[REPLAYED_FROM_HEADER] === `${letter.dlqTopic}/0/${letter.offset}`);
      expect(replayed).toHaveLength(2);
      for (const m of replayed) {
        expect(m.key).toBe('thing-13');
        expect(m.headers['hub-dlq-reason']).toBeUndefined();
        expect(m.headers['hub-event-type']).toBe('test.thing-happened');
      }
    } finally {
      await probe.stop();
    }
  });

  it('lists the outbox rows a context fails to publish, oldest first, with the error', async () => {
    await sql(
      db.orm.em.fork(),
      `insert into hub_outbox (event_id, topic, message_key, event_type, event_version, envelope, created_at, attempts, last_error)
       values (?, 'hub.missing.events.v1', 'k', 'test.stuck', 1, '{}'::jsonb, now(), 7, 'This server does not host this topic-partition')`,
      [uuidv7()],
    );
    const { failing, pending } = await outboxFailures(db.url);
    expect(pending).toBe(1);
    expect(failing).toHaveLength(1);
    expect(failing[0]).toMatchObject({ topic: 'hub.missing.events.v1', eventType: 'test.stuck', attempts: 7 });
    expect(failing[0]?.lastError).toMatch(/does not host/);
  });
});
