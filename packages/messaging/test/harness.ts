import { fork, type ChildProcess } from 'node:child_process';
import type { z } from 'zod';
import type { EventRegistry, IntegrationEventDefinition } from '@hub/contracts';
import { fileURLToPath } from 'node:url';
import { ManualClock, SystemClock, type Clock } from '@hub/kernel';
import { createTestDatabase, testKafkaBrokers, type TestDatabase } from '@hub/testing';
import { type Outbox, messagingEntities, sql, type Em } from '../src/index.js';
import { EFFECT_TABLE_SQL, testEvents } from './fixtures/test-event.mjs';

export interface TestEvents {
  thingHappened: IntegrationEventDefinition<'test.thing-happened', 1, z.ZodObject<{ n: z.ZodNumber }>>;
  registry: EventRegistry;
}
export const makeTestEvents = (topic: string): TestEvents => testEvents(topic);

export async function messagingDb(prefix: string): Promise<TestDatabase> {
  const db = await createTestDatabase(prefix, { entities: messagingEntities });
  await sql(db.orm.em.fork(), EFFECT_TABLE_SQL);
  await sql(db.orm.em.fork(), 'create table thing (id text primary key, n int not null)');
  return db;
}

/** Saves `count` "aggregates", each with its event, one transaction each (as a command handler would). */
export async function writeThings(em: Em, outbox: Outbox, events: TestEvents, from: number, count: number): Promise<void> {
  for (let n = from; n < from + count; n++) {
    await em.fork().transactional(async (tx) => {
      await sql(tx, 'insert into thing (id, n) values (?, ?)', [`thing-${n}`, n]);
      await outbox.add(tx, events.thingHappened, `thing-${n}`, { n });
    });
  }
}

export async function effects(em: Em): Promise<{ total: number; distinct: number; ns: number[] }> {
  const rows = await sql<{ n: number; event_id: string }>(em.fork(), 'select n, event_id from effect order by n');
  return { total: rows.length, distinct: new Set(rows.map((r) => r.event_id)).size, ns: rows.map((r) => r.n) };
}

export function startFixture(name: 'relay-process' | 'consumer-process' | 'timer-process', env: Record<string, string>): Promise<ChildProcess> {
  const child = fork(fileURLToPath(new URL(`./fixtures/${name}.mjs`, import.meta.url)), [], {
    env: { ...process.env, BROKERS: testKafkaBrokers().join(','), ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code, signal) => reject(new Error(`${name} exited before ready (code ${code}, signal ${signal})`)));
  });
}

export function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

export const clocks = { system: (): Clock => new SystemClock(), manual: (at?: string): ManualClock => new ManualClock(at) };
