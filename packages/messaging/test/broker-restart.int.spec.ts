import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SystemClock, uuidv7 } from '@hub/kernel';
import { createTestTopics, waitFor, type TestDatabase } from '@hub/testing';
import { EventConsumer, createMessageBus, Outbox, OutboxRelay, eventHandler, silentLogger, sql } from '../src/index.js';
import { effects, makeTestEvents, messagingDb, writeThings, type TestEvents } from './harness.js';

const run = promisify(execFile);
const brokerScript = fileURLToPath(new URL('../../../tools/kafka/broker.sh', import.meta.url));
// A broker of this test's own (not the shared dev broker), so that stopping it disturbs no other test.
const NAME = `restart-${process.pid}`;
const PORT = 19092 + (process.pid % 200) * 2;
const BROKERS = [`127.0.0.1:${PORT}`];
const broker = (cmd: 'start' | 'stop') =>
  run('bash', [brokerScript, cmd, '--name', NAME, '--port', String(PORT), '--controller-port', String(PORT + 1)], { timeout: 240_000 });

/**
 * The broker is stopped and restarted while events are being written, published and consumed.
 * The relay keeps events in the outbox while Kafka is away; the consumer resumes from its
 * committed offsets; every event has exactly one effect.
 */
describe('broker stopped and restarted mid-stream', () => {
  let producerDb: TestDatabase;
  let consumerDb: TestDatabase;
  let topic: string;
  let events: TestEvents;

  beforeAll(async () => {
    await broker('start');
    [producerDb, consumerDb] = await Promise.all([messagingDb('restart_prod'), messagingDb('restart_cons')]);
    const admin = createMessageBus({ clientId: 'restart-admin', brokers: BROKERS, logger: silentLogger });
    try {
      ({ restart: topic } = (await createTestTopics(admin, { restart: 3 })) as { restart: string });
    } finally {
      await admin.close();
    }
    events = makeTestEvents(topic);
  }, 300_000);

  afterAll(async () => {
    await broker('stop').catch(() => undefined);
    await Promise.all([producerDb?.drop(), consumerDb?.drop()]);
    await run('rm', ['-rf', `${process.env.HUB_STATE_DIR ?? `${process.env.HOME}/.local/state/hub-platform`}/kafka/${NAME}`]).catch(() => undefined);
  }, 120_000);

  it('loses nothing and handles everything once', async () => {
    const clock = new SystemClock();
    const outbox = new Outbox(clock);
    const producerBus = createMessageBus({ clientId: 'restart-producer', brokers: BROKERS, logger: silentLogger });
    const consumerBus = createMessageBus({ clientId: 'restart-consumer', brokers: BROKERS, logger: silentLogger });
    const relay = new OutboxRelay(producerDb.orm.em, producerBus, clock, { batchSize: 25, idlePollMs: 20, maxBackoffMs: 2_000, logger: silentLogger });
    const consumer = new EventConsumer(consumerDb.orm.em, consumerBus, {
      name: `restart-${uuidv7()}`,
      topics: [topic],
      registry: events.registry,
      logger: silentLogger,
      handlers: [
        eventHandler(events.thingHappened, async (e, em) => void (await sql(em, 'insert into effect (event_id, n) values (?, ?)', [e.id, e.payload.n]))),
      ],
    });
    try {
      relay.start();
      await consumer.start();
      await writeThings(producerDb.orm.em, outbox, events, 0, 100);
      await waitFor('the first events handled', async () => ((await effects(consumerDb.orm.em)).total >= 50 ? true : undefined), { timeoutMs: 60_000 });

      await broker('stop');
      // Commands keep succeeding while Kafka is down: their events wait in the outbox.
      await writeThings(producerDb.orm.em, outbox, events, 100, 100);
      expect(await relay.pendingCount()).toBeGreaterThan(0);
      await broker('start');

      await writeThings(producerDb.orm.em, outbox, events, 200, 100);
      await waitFor('all 300 effects after the restart', async () => ((await effects(consumerDb.orm.em)).total >= 300 ? true : undefined), {
        timeoutMs: 180_000,
        intervalMs: 500,
      });
      const e = await effects(consumerDb.orm.em);
      expect(e.total).toBe(300);
      expect(e.distinct).toBe(300);
      expect(e.ns).toEqual(Array.from({ length: 300 }, (_, i) => i));
      await waitFor('the outbox drained', async () => ((await relay.pendingCount()) === 0 ? true : undefined), { timeoutMs: 30_000 });
    } finally {
      await relay.stop();
      await consumer.stop();
      await Promise.all([producerBus.close(), consumerBus.close()]);
    }
  }, 420_000);
});
