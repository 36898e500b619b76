import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MikroORM } from '@mikro-orm/postgresql';
import { SystemClock, uuidv7 } from '@hub/kernel';
import { TopicProbe, createTestTopics, testKafkaBrokers, waitFor, type TestDatabase } from '@hub/testing';
import {
  EventConsumer,
  createMessageBus,
  OUTBOX_LISTENER_APPLICATION_NAME,
  Outbox,
  OutboxNotifier,
  OutboxRelay,
  TimerPoller,
  Timers,
  eventHandler,
  messagingEntities,
  silentLogger,
  sql,
  type IncomingMessage,
  type OutboxRelayOptions,
  type KafkaMessageBus,
} from '../src/index.js';
import { makeTestEvents, messagingDb, writeThings, type TestEvents } from './harness.js';

/**
 * ADR 0135 (issue #17): the relay is woken by every commit that wrote outbox rows — in its own
 * process whoever opened the transaction (a consumer's batch, a timer batch, savepoints included),
 * and from any other process through LISTEN/NOTIFY — and falls back to polling when its LISTEN
 * connection is lost, until it reconnects. Every relay here polls every 60 s: within the test's
 * waits only a wake can publish anything, unless the test says otherwise.
 */
const NEVER_POLLS = 60_000;
/** "Well before the poll interval": a wake must publish within this. */
const WAKE_WITHIN_MS = 3_000;

describe('the outbox relay is woken by commits (ADR 0135)', () => {
  let db: TestDatabase;
  let topic: string;
  let events: TestEvents;
  let bus: KafkaMessageBus;
  /** A second ORM on the same database: its connections are other sessions, and it shares no EventManager with the relay — as another process. */
  let other: MikroORM;
  /** Each ORM announces its outbox commits to other processes after they commit, as the apps' do (ADR 0147). */
  let notifiers: OutboxNotifier[] = [];
  const clock = new SystemClock();
  const outbox = new Outbox(clock);

  beforeAll(async () => {
    db = await messagingDb('msg_relay_wake');
    bus = createMessageBus({ clientId: 'relay-wake-test', brokers: testKafkaBrokers(), logger: silentLogger });
    ({ wake: topic } = (await createTestTopics(bus, { wake: 2 })) as { wake: string });
    events = makeTestEvents(topic);
    other = await MikroORM.init({ clientUrl: db.url, entities: messagingEntities, allowGlobalContext: false, debug: false });
    notifiers = [db.orm.em, other.em].map((em) => new OutboxNotifier(em, { logger: silentLogger }));
    for (const n of notifiers) n.start();
  });
  afterAll(async () => {
    await Promise.all(notifiers.map((n) => n.stop()));
    await other?.close(true);
    await bus?.close();
    await db?.drop();
  });

  const relayOf = (em: MikroORM['em'], options: OutboxRelayOptions = {}): OutboxRelay =>
    new OutboxRelay(em, bus, clock, { idlePollMs: NEVER_POLLS, logger: silentLogger, ...options });

  /** Resolves with the milliseconds from now until the outbox is empty. */
  const publishedWithin = async (relay: OutboxRelay): Promise<number> => {
    const t0 = Date.now();
    await waitFor('the outbox drained', async () => ((await relay.pendingCount()) === 0 ? true : undefined), { timeoutMs: 20_000, intervalMs: 20 });
    return Date.now() - t0;
  };

  const listenerBackends = async (): Promise<number> => {
    const [row] = await sql<{ n: number }>(
      db.orm.em.fork(),
      'select count(*)::int as n from pg_stat_activity where application_name = ? and datname = current_database()',
      [OUTBOX_LISTENER_APPLICATION_NAME],
    );
    return row?.n ?? 0;
  };

  it("publishes a row committed by another connection (another ORM, as another process) at once, not at the 60 s poll; its own ORM's commits wake it in-process", async () => {
    const relay = relayOf(db.orm.em);
    try {
      relay.start();
      await waitFor('the relay listening', () => relay.listening);
      await publishedWithin(relay); // nothing is pending; let the first round pass
      const before = { ...relay.wakes };
      await writeThings(other.em, outbox, events, 0, 3);
      const ms = await publishedWithin(relay);
      expect(ms).toBeLessThan(WAKE_WITHIN_MS);
      expect(relay.wakes.notify - before.notify).toBeGreaterThanOrEqual(1);
      expect(relay.wakes.commit - before.commit).toBe(0); // not this ORM's commit: only the NOTIFY could wake it
      expect(relay.wakes.poll - before.poll).toBe(0);

      // Commits of the relay's own ORM wake it in-process, once each; their NOTIFY is not a second wake.
      const own = { ...relay.wakes };
      await writeThings(db.orm.em, outbox, events, 10, 3);
      expect(await publishedWithin(relay)).toBeLessThan(WAKE_WITHIN_MS);
      await new Promise((r) => setTimeout(r, 300)); // the notifications have arrived by now
      expect(relay.wakes.commit - own.commit).toBe(3);
      expect(relay.wakes.notify - own.notify).toBe(0);
      expect(relay.wakes.poll - own.poll).toBe(0);
    } finally {
      await relay.stop();
    }
    expect(await listenerBackends()).toBe(0); // stop() closed the LISTEN connection
  });

  it("is woken in-process by a consumer batch's transaction that wrote outbox rows (no LISTEN connection)", async () => {
    const relay = relayOf(db.orm.em, { listen: false });
    // A consumer on the same database whose handler writes an outbox row per event (a reaction event).
    const consumer = new EventConsumer(db.orm.em, bus, {
      name: `wake-${uuidv7()}`,
      topics: [topic],
      registry: events.registry,
      logger: silentLogger,
      handlers: [
        eventHandler(events.thingHappened, async (e, em) => {
          await outbox.add(em, events.thingHappened, `reaction-${e.payload.n}`, { n: 1_000 + e.payload.n });
        }),
      ],
    });
    let offset = 0;
    const message = (n: number): IncomingMessage => ({
      topic,
      partition: 0,
      offset: String(offset++),
      key: 'a',
      value: Buffer.from(
        JSON.stringify({
          id: uuidv7(),
          type: 'test.thing-happened',
          version: 1,
          occurredAt: new Date().toISOString(),
          correlationId: `corr-${n}`,
          causationId: null,
          aggregateId: 'a',
          payload: { n },
        }),
      ),
      headers: {},
    });
    try {
      relay.start();
      await publishedWithin(relay);
      const before = { ...relay.wakes };
      const outcomes = await consumer.consumeBatch([message(1), message(2), message(3)]);
      expect(outcomes).toEqual(['handled', 'handled', 'handled']);
      const ms = await publishedWithin(relay);
      expect(ms).toBeLessThan(WAKE_WITHIN_MS);
      expect(relay.wakes.commit - before.commit).toBe(1); // one batch transaction, one wake
      expect(relay.wakes.poll - before.poll).toBe(0);
      const [row] = await sql<{ n: number }>(db.orm.em.fork(), `select count(*)::int as n from hub_outbox where message_key like 'reaction-%'`);
      expect(row?.n).toBe(3);
    } finally {
      await relay.stop();
    }
  });

  it("is woken in-process by a timer batch's commit, also when the rows were written in a savepoint (a guarded batch)", async () => {
    const relay = relayOf(db.orm.em, { listen: false });
    const timers = new Timers(clock);
    const kind = `wake.${uuidv7()}`;
    const poller = new TimerPoller(
      db.orm.em,
      clock,
      [
        {
          kind,
          async fire(timer, em) {
            if (timer.key === 'bad') throw new Error('this timer always fails');
            await outbox.add(em, events.thingHappened, `timer-${timer.key}`, { n: 2_000 });
          },
        },
      ],
      { logger: silentLogger },
    );
    try {
      relay.start();
      await publishedWithin(relay);
      const before = { ...relay.wakes };
      await db.orm.em.fork().transactional(async (tx) => {
        for (const key of ['good', 'bad']) await timers.schedule(tx, { kind, key, dueAt: new Date(Date.now() - 1_000) });
      });
      // The unguarded batch fails on 'bad' and is rolled back whole (nothing written, nothing signalled);
      // the guarded batch that follows fires each timer in a savepoint: 'good' writes its row in one,
      // 'bad' is rolled back alone. Only the guarded batch's commit may wake the relay.
      expect(await poller.runDue()).toBe(1);
      const ms = await publishedWithin(relay);
      expect(ms).toBeLessThan(WAKE_WITHIN_MS);
      expect(relay.wakes.commit - before.commit).toBe(1);
      expect(relay.wakes.poll - before.poll).toBe(0);
      const [row] = await sql<{ n: number }>(db.orm.em.fork(), `select count(*)::int as n from hub_outbox where message_key = 'timer-good'`);
      expect(row?.n).toBe(1);
    } finally {
      await relay.stop();
    }
  });

  it('stops promptly when stopped while a round is in flight (not after its idle poll)', async () => {
    // The real bus, its publish held until the test lets it go: the round is in flight when stop() is called.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inFlight!: () => void;
    const publishing = new Promise<void>((r) => (inFlight = r));
    const heldBus = Object.assign(Object.create(bus) as KafkaMessageBus, {
      publish: async (messages: Parameters<KafkaMessageBus['publish']>[0]) => {
        inFlight();
        await held;
        return bus.publish(messages);
      },
    });
    await writeThings(db.orm.em, outbox, events, 300, 2);
    const relay = new OutboxRelay(db.orm.em, heldBus, clock, { idlePollMs: NEVER_POLLS, listen: false, logger: silentLogger });
    relay.start();
    await publishing;
    const t0 = Date.now();
    const stopped = relay.stop();
    release();
    await stopped;
    expect(Date.now() - t0).toBeLessThan(WAKE_WITHIN_MS); // before the fix: NEVER_POLLS (60 s)
  });

  it('falls back to polling when its LISTEN connection is lost, and is woken by notifications again once it has reconnected', async () => {
    // Reconnecting waits 2.5–5 s (backoff with jitter from 5 s); meanwhile the relay polls every 300 ms.
    const relay = relayOf(db.orm.em, { fallbackPollMs: 300, listenReconnectMs: 5_000 });
    try {
      relay.start();
      await waitFor('the relay listening', () => relay.listening);
      expect(await listenerBackends()).toBe(1);
      await publishedWithin(relay);

      // The server drops the listening session (a PostgreSQL restart or failover does the same).
      await sql(db.orm.em.fork(), 'select pg_terminate_backend(pid) from pg_stat_activity where application_name = ? and datname = current_database()', [
        OUTBOX_LISTENER_APPLICATION_NAME,
      ]);
      await waitFor('the relay noticed the lost connection', () => !relay.listening, { intervalMs: 10 });
      const lost = { ...relay.wakes };
      await writeThings(other.em, outbox, events, 100, 2); // its NOTIFY reaches nobody
      const ms = await publishedWithin(relay);
      expect(relay.listening).toBe(false); // published by the fallback poll, not by a reconnected listener
      expect(ms).toBeLessThan(WAKE_WITHIN_MS);
      expect(relay.wakes.poll - lost.poll).toBeGreaterThanOrEqual(1);

      await waitFor('the relay listening again', () => relay.listening, { timeoutMs: 15_000 });
      expect(await listenerBackends()).toBe(1);
      await new Promise((r) => setTimeout(r, 400)); // a fallback-poll wait begun before the reconnection has ended
      const back = { ...relay.wakes };
      await writeThings(other.em, outbox, events, 200, 2);
      const again = await publishedWithin(relay);
      expect(again).toBeLessThan(WAKE_WITHIN_MS);
      expect(relay.wakes.notify - back.notify).toBeGreaterThanOrEqual(1);
      expect(relay.wakes.poll - back.poll).toBe(0); // listening again: back to the 60 s poll
    } finally {
      await relay.stop();
    }
  });

  it('two replicas listening on one outbox: every row published once, promptly (the advisory lock keeps claims exclusive)', async () => {
    const replicaOrm = await MikroORM.init({ clientUrl: db.url, entities: messagingEntities, allowGlobalContext: false, debug: false });
    const [relayA, relayB] = [relayOf(db.orm.em, { batchSize: 10 }), relayOf(replicaOrm.em, { batchSize: 10 })];
    const { replicas: replicaTopic } = (await createTestTopics(bus, { replicas: 1 })) as { replicas: string };
    const replicaEvents = makeTestEvents(replicaTopic);
    const probe = await TopicProbe.start(bus, replicaTopic);
    try {
      relayA.start();
      relayB.start();
      await waitFor('both replicas listening', () => relayA.listening && relayB.listening);
      // 60 commits from a third ORM, 6 writers at once.
      await Promise.all(Array.from({ length: 6 }, (_, w) => writeThings(other.em, outbox, replicaEvents, 10_000 + w * 10, 10)));
      const ms = await publishedWithin(relayA);
      expect(ms).toBeLessThan(WAKE_WITHIN_MS);
      await probe.waitForCount(60);
      await new Promise((r) => setTimeout(r, 500)); // a second publication of any row would arrive by now
      const ids = probe.messages.map((m) => (JSON.parse(m.value ?? '{}') as { id: string }).id);
      expect(ids).toHaveLength(60);
      expect(new Set(ids).size).toBe(60);
      expect(relayA.wakes.poll + relayB.wakes.poll).toBe(0);
    } finally {
      await Promise.all([relayA.stop(), relayB.stop()]);
      await probe.stop();
      await replicaOrm.close(true);
    }
  });
});
