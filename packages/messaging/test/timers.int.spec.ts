import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@hub/kernel';
import type { TestDatabase } from '@hub/testing';
import { MessageContexts, TimerPoller, Timers, silentLogger, sql, type TimerHandler } from '../src/index.js';
import { messagingDb } from './harness.js';

describe('durable timers', () => {
  let db: TestDatabase;
  const clock = new ManualClock('2026-03-02T04:00:00.000Z');
  const timers = new Timers(clock);
  const fired: string[] = [];
  let failNext = 0;
  const handler: TimerHandler = {
    kind: 'test.review-due',
    async fire(timer, em) {
      if (failNext > 0) {
        failNext -= 1;
        throw new Error('handler hiccup');
      }
      fired.push(`${timer.key}@${timer.dueAt.toISOString()}`);
      await sql(em, 'insert into thing (id, n) values (?, ?)', [`fired-${timer.key}-${fired.length}`, 1]);
    },
  };

  beforeAll(async () => {
    db = await messagingDb('timers');
  });
  afterAll(async () => db?.drop());

  const schedule = (key: string, dueAt: string) =>
    db.orm.em.fork().transactional((tx) => timers.schedule(tx, { kind: 'test.review-due', key, dueAt: new Date(dueAt), payload: { key } }));

  it('fires a due timer once, and not before it is due', async () => {
    await schedule('a', '2026-03-03T00:00:00.000Z');
    const poller = new TimerPoller(db.orm.em, clock, [handler], { logger: silentLogger });
    expect(await poller.runDue()).toBe(0);
    clock.set('2026-03-03T00:00:00.000Z');
    expect(await poller.runDue()).toBe(1);
    expect(await poller.runDue()).toBe(0);
    expect(fired).toEqual(['a@2026-03-03T00:00:00.000Z']);
    expect((await timers.find(db.orm.em.fork(), 'test.review-due', 'a'))?.status).toBe('fired');
  });

  it('re-arms a live timer when the due date changes, and a new poller (a restart) still fires it once', async () => {
    await schedule('b', '2026-03-04T00:00:00.000Z');
    await schedule('b', '2026-03-10T00:00:00.000Z'); // a rule moved the deadline
    const live = await timers.list(db.orm.em.fork(), { key: 'b' });
    expect(live).toHaveLength(1);
    expect(live[0]?.dueAt.toISOString()).toBe('2026-03-10T00:00:00.000Z');
    clock.set('2026-03-05T00:00:00.000Z');
    expect(await new TimerPoller(db.orm.em, clock, [handler], { logger: silentLogger }).runDue()).toBe(0);
    clock.set('2026-03-10T00:00:01.000Z');
    const restarted = new TimerPoller(db.orm.em, clock, [handler], { logger: silentLogger });
    expect(await restarted.runDue()).toBe(1);
    expect(fired.at(-1)).toBe('b@2026-03-10T00:00:00.000Z');
  });

  it('does not fire a cancelled timer', async () => {
    await schedule('c', '2026-03-11T00:00:00.000Z');
    const cancelled = await db.orm.em.fork().transactional((tx) => timers.cancel(tx, 'test.review-due', 'c'));
    expect(cancelled).toBe(true);
    clock.set('2026-03-12T00:00:00.000Z');
    const before = fired.length;
    expect(await new TimerPoller(db.orm.em, clock, [handler], { logger: silentLogger }).runDue()).toBe(0);
    expect(fired.length).toBe(before);
  });

  it('rolls back a failing handler, retries it later, and fires it once when it succeeds', async () => {
    await schedule('d', '2026-03-12T00:00:00.000Z');
    failNext = 1;
    const poller = new TimerPoller(db.orm.em, clock, [handler], { logger: silentLogger });
    expect(await poller.runDue()).toBe(0);
    const afterFailure = await timers.find(db.orm.em.fork(), 'test.review-due', 'd');
    expect(afterFailure).toMatchObject({ status: 'scheduled', attempts: 1, lastError: 'handler hiccup' });
    expect(afterFailure!.dueAt.getTime()).toBeGreaterThan(clock.now().getTime());
    clock.advance(10 * 60_000);
    expect(await poller.runDue()).toBe(1);
    const [row] = await sql<{ n: string }>(db.orm.em.fork(), `select count(*) as n from thing where id like 'fired-d-%'`);
    expect(Number(row?.n)).toBe(1);
  });

  it('lets a handler re-arm its own kind and key (a recurring deadline)', async () => {
    const recurring: TimerHandler = {
      kind: 'test.quarterly',
      async fire(timer, em) {
        const next = new Date(timer.dueAt.getTime() + 90 * 86_400_000);
        await timers.schedule(em, { kind: 'test.quarterly', key: timer.key, dueAt: next });
      },
    };
    await db.orm.em.fork().transactional((tx) => timers.schedule(tx, { kind: 'test.quarterly', key: 'q', dueAt: new Date('2026-03-12T00:00:00.000Z') }));
    const poller = new TimerPoller(db.orm.em, clock, [recurring], { logger: silentLogger });
    expect(await poller.runDue()).toBe(1);
    const all = await timers.list(db.orm.em.fork(), { kind: 'test.quarterly' });
    expect(all.map((t) => t.status).sort()).toEqual(['fired', 'scheduled']);
  });

  it('carries the correlation id of the request that scheduled it into the handler', async () => {
    let seen: string | undefined;
    const h: TimerHandler = { kind: 'test.corr', fire: async () => void (seen = MessageContexts.current()?.correlationId) };
    await MessageContexts.run({ correlationId: 'corr-timer', causationId: null }, () =>
      db.orm.em.fork().transactional((tx) => timers.schedule(tx, { kind: 'test.corr', key: 'k', dueAt: new Date('2026-01-01T00:00:00Z') })),
    );
    await new TimerPoller(db.orm.em, clock, [h], { logger: silentLogger }).runDue();
    expect(seen).toBe('corr-timer');
  });

  it('issue #17: many timers due at once, fired by two pollers side by side (concurrency 4 each) — every one exactly once', async () => {
    const seen = new Map<string, number>();
    const many: TimerHandler = {
      kind: 'test.many',
      async fire(timer, em) {
        seen.set(timer.key, (seen.get(timer.key) ?? 0) + 1);
        await sql(em, 'insert into thing (id, n) values (?, ?)', [`many-${timer.key}`, 1]); // a second effect would violate the key
      },
    };
    const n = 120;
    await db.orm.em.fork().transactional(async (tx) => {
      for (let i = 0; i < n; i++) await timers.schedule(tx, { kind: 'test.many', key: `m${i}`, dueAt: new Date('2026-03-12T00:00:00.000Z') });
    });
    const pollers = [1, 2].map(() => new TimerPoller(db.orm.em, clock, [many], { logger: silentLogger }));
    const fired = await Promise.all(pollers.map((p) => p.runDue(1_000, 4)));
    expect(fired[0]! + fired[1]!).toBe(n);
    expect(seen.size).toBe(n);
    expect([...seen.values()].every((c) => c === 1)).toBe(true);
    expect(await timers.list(db.orm.em.fork(), { kind: 'test.many', status: 'scheduled' })).toEqual([]);
  });
});
