import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MikroORM } from '@mikro-orm/postgresql';
import { TOPICS } from '@hub/contracts';
import { SystemClock } from '@hub/kernel';
import { createTestTopics, testKafkaBrokers, waitFor, type TestDatabase } from '@hub/testing';
import {
  DEFAULT_PARTITIONS_CONCURRENTLY,
  createMessageBus,
  OUTBOX_RELAY_APPLICATION_NAME,
  Outbox,
  OutboxRelay,
  messagingEntities,
  silentLogger,
  sql,
  type OutboxRelayOptions,
  type KafkaMessageBus,
} from '../src/index.js';
import { makeTestEvents, messagingDb, writeThings, type TestEvents } from './harness.js';

/**
 * ADR 0140 (issue #17): the running relay's rounds run on a connection of its own, so that they do
 * not queue for one of the ORM's pooled connections behind the app's commands (under the bench's load
 * that wait was most of the outbox stage: rounds every ≈ 500 ms instead of ≈ 80 ms).
 */
const NEVER_POLLS = 60_000;

describe('the running outbox relay has a connection of its own (ADR 0140)', () => {
  let db: TestDatabase;
  /** The "app's" ORM: a pool of two connections, which the test can hold in open transactions. */
  let app: MikroORM;
  let bus: KafkaMessageBus;
  let events: TestEvents;
  const clock = new SystemClock();
  const outbox = new Outbox(clock);

  beforeAll(async () => {
    db = await messagingDb('msg_relay_conn');
    app = await MikroORM.init({ clientUrl: db.url, entities: messagingEntities, allowGlobalContext: false, debug: false, pool: { min: 0, max: 2 } });
    bus = createMessageBus({ clientId: 'relay-connection-test', brokers: testKafkaBrokers(), logger: silentLogger });
    const { conn } = (await createTestTopics(bus, { conn: 2 })) as { conn: string };
    events = makeTestEvents(conn);
  });
  afterAll(async () => {
    await app?.close(true);
    await bus?.close();
    await db?.drop();
  });

  /** Counted on the test's own ORM (db.orm), never on the app's pool the test holds. */
  const pending = async (): Promise<number> => {
    const [row] = await sql<{ n: number }>(db.orm.em.fork(), 'select count(*)::int as n from hub_outbox where published_at is null');
    return row?.n ?? 0;
  };
  const relayBackends = async (): Promise<number> => {
    const [row] = await sql<{ n: number }>(
      db.orm.em.fork(),
      'select count(*)::int as n from pg_stat_activity where application_name = ? and datname = current_database()',
      [OUTBOX_RELAY_APPLICATION_NAME],
    );
    return row?.n ?? 0;
  };
  /** Holds every connection of the app's pool in an open transaction until `release()`. */
  const holdThePool = async (): Promise<{ release: () => Promise<void> }> => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let holding = 0;
    const holders = [1, 2].map(() =>
      app.em.fork().transactional(async (tx) => {
        await sql(tx, 'select 1');
        holding += 1;
        await released;
      }),
    );
    await waitFor('both pooled connections held', () => (holding === 2 ? true : undefined));
    return {
      release: async () => {
        release();
        await Promise.all(holders);
      },
    };
  };
  /** Starts a relay on the app's ORM and lets its first round (and the hourly purge) pass. */
  const startedRelay = async (options: OutboxRelayOptions = {}): Promise<OutboxRelay> => {
    const relay = new OutboxRelay(app.em, bus, clock, { idlePollMs: NEVER_POLLS, listen: false, logger: silentLogger, ...options });
    relay.start();
    await new Promise((r) => setTimeout(r, 300));
    return relay;
  };

  it('publishes while every pooled connection of its ORM is held by open transactions, and closes its connection at stop', async () => {
    const relay = await startedRelay();
    let n = 0;
    try {
      expect(await relayBackends()).toBe(1);
      const pool = await holdThePool();
      try {
        await writeThings(db.orm.em, outbox, events, n, 3);
        n += 3;
        relay.wake();
        await waitFor('published although the pool is held', async () => ((await pending()) === 0 ? true : undefined), { timeoutMs: 3_000, intervalMs: 20 });
      } finally {
        await pool.release();
      }
    } finally {
      await relay.stop();
    }
    // The client's Terminate is sent by stop(); the server's backend leaves pg_stat_activity a moment later.
    await waitFor('the relay’s connection closed', async () => ((await relayBackends()) === 0 ? true : undefined), { timeoutMs: 2_000, intervalMs: 20 });
  });

  it('on the shared pool (connection: shared, the behaviour before ADR 0140) the same round waits for the pool', async () => {
    const relay = await startedRelay({ connection: 'shared' });
    try {
      expect(await relayBackends()).toBe(0);
      const pool = await holdThePool();
      try {
        await writeThings(db.orm.em, outbox, events, 100, 2);
        relay.wake();
        await new Promise((r) => setTimeout(r, 1_500));
        expect(await pending()).toBe(2); // queued behind the held connections
      } finally {
        await pool.release();
      }
      await waitFor('published once the pool is free', async () => ((await pending()) === 0 ? true : undefined), { timeoutMs: 5_000, intervalMs: 20 });
    } finally {
      await relay.stop();
    }
  });

  it('opens another connection when its own is terminated, and publishes what was written meanwhile', async () => {
    const relay = await startedRelay();
    try {
      const [killed] = await sql<{ n: number }>(
        db.orm.em.fork(),
        'select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where application_name = ? and datname = current_database()) t',
        [OUTBOX_RELAY_APPLICATION_NAME],
      );
      expect(killed?.n).toBe(1);
      await writeThings(db.orm.em, outbox, events, 200, 3);
      relay.wake();
      await waitFor('published on a new connection', async () => ((await pending()) === 0 ? true : undefined), { timeoutMs: 10_000, intervalMs: 20 });
      expect(await relayBackends()).toBe(1);
    } finally {
      await relay.stop();
    }
  });

  it('survives its connection ending in the middle of a round (a PostgreSQL crash or restart) and publishes on the next round', async () => {
    // The first round is held between the claim and the broker's ack while the test terminates the
    // relay's backend: the checked-out client then emits 'error' — unhandled, it would end the process
    // (the chaos suite's "restart postgres" found exactly that); handled, the round fails and the next
    // publishes the rows again (at least once; the inbox dedups) and marks them.
    let entered!: () => void;
    let open!: () => void;
    const inRound = new Promise<void>((r) => (entered = r));
    const opened = new Promise<void>((r) => (open = r));
    let hold = true;
    const gated = {
      publish: async (messages: Parameters<KafkaMessageBus['publish']>[0]) => {
        if (hold) {
          hold = false;
          entered();
          await opened;
        }
        return bus.publish(messages);
      },
    } as unknown as KafkaMessageBus;
    const relay = new OutboxRelay(app.em, gated, clock, { idlePollMs: NEVER_POLLS, listen: false, logger: silentLogger, maxBackoffMs: 200 });
    relay.start();
    await new Promise((r) => setTimeout(r, 300)); // as startedRelay: its loop is waiting before the wake
    try {
      await writeThings(db.orm.em, outbox, events, 400, 2);
      relay.wake();
      await inRound;
      const [killed] = await sql<{ n: number }>(
        db.orm.em.fork(),
        'select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where application_name = ? and datname = current_database()) t',
        [OUTBOX_RELAY_APPLICATION_NAME],
      );
      expect(killed?.n).toBe(1);
      await new Promise((r) => setTimeout(r, 300)); // the client learns its connection ended ('error')
      open();
      await waitFor('published and marked on the next round', async () => ((await pending()) === 0 ? true : undefined), { timeoutMs: 10_000, intervalMs: 20 });
      expect(await relayBackends()).toBe(1);
    } finally {
      open();
      await relay.stop();
    }
  });

  it("the consumer's default partition workers cover the platform's largest topic (ADR 0140)", () => {
    const largest = Math.max(...Object.values(TOPICS).map((t) => t.partitions));
    expect(DEFAULT_PARTITIONS_CONCURRENTLY).toBeGreaterThanOrEqual(largest);
  });
});
