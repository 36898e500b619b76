import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { MikroORM } from '@mikro-orm/postgresql';
import { SystemClock } from '@hub/kernel';
import { createTestTopics, testKafkaBrokers, waitFor, type TestDatabase } from '@hub/testing';
import {
  createMessageBus,
  OUTBOX_CHANNEL,
  Outbox,
  OutboxNotifier,
  OutboxRelay,
  messagingEntities,
  silentLogger,
  sql,
  type KafkaMessageBus,
} from '../src/index.js';
import { outboxSourceOf } from '../src/outbox/outbox-signal.js';
import { makeTestEvents, messagingDb, writeThings, type TestEvents } from './harness.js';

/**
 * ADR 0147 (amends ADR 0135 §2): the NOTIFY that wakes the relays of other processes is sent after the
 * commit, by the ORM's OutboxNotifier, coalesced — never inside the writing transaction, where
 * PostgreSQL would serialise the commit with every other notifying commit of the cluster.
 */
describe('the outbox notifier (ADR 0147)', () => {
  let db: TestDatabase;
  let bus: KafkaMessageBus;
  let events: TestEvents;
  /** The writers' ORM: another ORM than the relay's, as another process. */
  let writers: MikroORM;
  let listener: pg.Client;
  const notifications: string[] = [];
  const clock = new SystemClock();
  const outbox = new Outbox(clock);

  beforeAll(async () => {
    db = await messagingDb('msg_outbox_notifier');
    bus = createMessageBus({ clientId: 'outbox-notifier-test', brokers: testKafkaBrokers(), logger: silentLogger });
    const { things } = (await createTestTopics(bus, { things: 2 })) as { things: string };
    events = makeTestEvents(things);
    writers = await MikroORM.init({ clientUrl: db.url, entities: messagingEntities, allowGlobalContext: false, debug: false });
    listener = new pg.Client({ connectionString: db.url });
    await listener.connect();
    listener.on('notification', (n) => {
      if (n.channel === OUTBOX_CHANNEL) notifications.push(n.payload ?? '');
    });
    await listener.query(`listen ${OUTBOX_CHANNEL}`);
  });
  afterAll(async () => {
    await listener?.end();
    await writers?.close(true);
    await bus?.close();
    await db?.drop();
  });

  const settle = () => new Promise((r) => setTimeout(r, 300));

  it('a commit that wrote outbox rows notifies nobody by itself: the NOTIFY is the notifier’s, after the commit, with the ORM’s source name', async () => {
    notifications.length = 0;
    await writeThings(writers.em, outbox, events, 0, 2);
    await settle();
    expect(notifications).toEqual([]); // Outbox.add queues no notification in the transaction

    const notifier = new OutboxNotifier(writers.em, { logger: silentLogger });
    notifier.start();
    try {
      await writeThings(writers.em, outbox, events, 10, 1);
      await waitFor('the notification', () => (notifications.length > 0 ? true : undefined));
      expect(notifier.counts).toMatchObject({ commits: 1, sent: 1, failed: 0 });
      expect(notifications).toEqual([outboxSourceOf(writers.em)]); // the relay of the writers' own ORM ignores it
    } finally {
      await notifier.stop();
    }
  });

  it('a rolled-back transaction and a commit without outbox rows announce nothing', async () => {
    const notifier = new OutboxNotifier(writers.em, { logger: silentLogger });
    notifier.start();
    notifications.length = 0;
    try {
      await expect(
        writers.em.fork().transactional(async (tx) => {
          await outbox.add(tx, events.thingHappened, 'thing-rolled-back', { n: 1 });
          throw new Error('the command failed');
        }),
      ).rejects.toThrow('the command failed');
      await writers.em.fork().transactional(async (tx) => sql(tx, 'insert into thing (id, n) values (?, ?)', ['thing-no-event', 1]));
      await settle();
      expect(notifier.counts.commits).toBe(0);
      expect(notifications).toEqual([]);
    } finally {
      await notifier.stop();
    }
  });

  it('a burst of commits from six writers: fewer NOTIFYs than commits, and a relay of another ORM that never polls publishes every row promptly (no wake lost after the last commit)', async () => {
    const notifier = new OutboxNotifier(writers.em, { logger: silentLogger });
    notifier.start();
    const relay = new OutboxRelay(db.orm.em, bus, clock, { idlePollMs: 60_000, logger: silentLogger });
    try {
      relay.start();
      await waitFor('the relay listening', () => relay.listening);
      await waitFor('nothing pending', async () => ((await relay.pendingCount()) === 0 ? true : undefined), { timeoutMs: 20_000 });
      const before = { ...relay.wakes };
      await Promise.all(Array.from({ length: 6 }, (_, w) => writeThings(writers.em, outbox, events, 1_000 + w * 100, 10)));
      const t0 = Date.now();
      await waitFor('the outbox drained', async () => ((await relay.pendingCount()) === 0 ? true : undefined), { timeoutMs: 20_000, intervalMs: 20 });
      expect(Date.now() - t0).toBeLessThan(3_000);
      expect(relay.wakes.poll - before.poll).toBe(0); // only notifications woke it
      expect(relay.wakes.notify - before.notify).toBeGreaterThanOrEqual(1);
      expect(notifier.counts.commits).toBe(60);
      expect(notifier.counts.sent).toBeLessThan(60);
      expect(notifier.counts.failed).toBe(0);
    } finally {
      await relay.stop();
      await notifier.stop();
    }
  });

  it('the NOTIFY runs on the notifier’s own connection, not queued behind the commands that hold the ORM’s pool (ADR 0147 §5); `shared` queues behind them', async () => {
    // A pool of one. While a command holds it, another command waits for it (first in the queue); the
    // holder commits an outbox row and the waiting command takes the connection for 1.5 s.
    const onePool = await MikroORM.init({ clientUrl: db.url, entities: messagingEntities, allowGlobalContext: false, debug: false, pool: { max: 1 } });
    const delayOf = async (connection: 'own' | 'shared'): Promise<number> => {
      const notifier = new OutboxNotifier(onePool.em, { logger: silentLogger, connection });
      notifier.start();
      notifications.length = 0;
      let waiting: Promise<unknown> = Promise.resolve();
      try {
        await onePool.em.fork().transactional(async (tx) => {
          await outbox.add(tx, events.thingHappened, `thing-queued-${connection}`, { n: 1 });
          waiting = onePool.em.fork().transactional(async (other) => {
            await sql(other, 'select pg_sleep(1.5)');
          });
          await new Promise((r) => setTimeout(r, 100)); // the other command is queued for the connection
        });
        const committed = Date.now();
        await waitFor('the notification', () => (notifications.length > 0 ? true : undefined), { timeoutMs: 10_000, intervalMs: 10 });
        return Date.now() - committed;
      } finally {
        await waiting;
        await notifier.stop();
      }
    };
    try {
      const own = await delayOf('own');
      const shared = await delayOf('shared');
      expect(own, 'own connection: the NOTIFY goes out while the command holds the pool').toBeLessThan(1_000);
      expect(shared, 'shared: the NOTIFY waited for the command').toBeGreaterThanOrEqual(1_300);
      const apps = await sql<{ n: number }>(db.orm.em.fork(), `select count(*)::int as n from pg_stat_activity where application_name = 'hub-outbox-notifier'`);
      expect(apps[0]!.n, 'stop() closed the own connection').toBe(0);
    } finally {
      await onePool.close(true);
    }
  });
});
