import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, SystemClock } from '@hub/kernel';
import type { TestDatabase } from '@hub/testing';
import { MessageContexts, TimerPoller, Timers, silentLogger, sql, type TimerHandler } from '../src/index.js';
import { exitOf, messagingDb, startFixture } from './harness.js';

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

  const scheduleMany = (kind: string, keys: readonly string[], dueAt: Date) =>
    db.orm.em.fork().transactional(async (tx) => {
      for (const key of keys) await timers.schedule(tx, { kind, key, dueAt, payload: { key } });
    });
  const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  it('ADR 0086: two pollers claim due timers in set-based batches (one transaction per batch) — every one fired exactly once', async () => {
    const n = 600;
    const calls = new Map<string, number>();
    const txOf = new Map<string, string>();
    const batched: TimerHandler = {
      kind: 'test.batched',
      async fire(timer, em) {
        calls.set(timer.key, (calls.get(timer.key) ?? 0) + 1);
        expect(timer).toMatchObject({ status: 'scheduled', attempts: 0, firedAt: null }); // as claimed
        const [tx] = await sql<{ id: string }>(em, 'select txid_current()::text as id');
        txOf.set(timer.key, tx!.id);
        await sql(em, 'insert into thing (id, n) values (?, ?)', [`batched-${timer.key}`, 1]); // a second effect would violate the key
      },
    };
    await scheduleMany('test.batched', range('b', n), new Date('2026-03-12T00:00:00.000Z'));
    const pollers = [1, 2].map(() => new TimerPoller(db.orm.em, clock, [batched], { batchSize: 50, logger: silentLogger }));
    const fired = await Promise.all(pollers.map((p) => p.runDue(10_000, 2)));

    expect(fired[0]! + fired[1]!).toBe(n);
    expect(fired[0]).toBeGreaterThan(0); // both pollers took part: skip locked kept their batches apart
    expect(fired[1]).toBeGreaterThan(0);
    expect(calls.size).toBe(n);
    expect([...calls.values()].every((c) => c === 1)).toBe(true);
    const [effects] = await sql<{ n: number }>(db.orm.em.fork(), `select count(*)::int as n from thing where id like 'batched-%'`);
    expect(effects?.n).toBe(n);
    // Set-based: a transaction fired up to 50 timers, so 600 timers took at least 12 and far fewer than 600.
    const perTx = new Map<string, number>();
    for (const tx of txOf.values()) perTx.set(tx, (perTx.get(tx) ?? 0) + 1);
    expect(perTx.size).toBeGreaterThanOrEqual(n / 50);
    expect(perTx.size).toBeLessThan(n / 10);
    expect(Math.max(...perTx.values())).toBeLessThanOrEqual(50);
    const left = await timers.list(db.orm.em.fork(), { kind: 'test.batched', status: 'scheduled' });
    expect(left).toEqual([]);
    const rows = await timers.list(db.orm.em.fork(), { kind: 'test.batched' });
    expect(rows.every((t) => t.status === 'fired' && t.attempts === 1 && t.firedAt !== null)).toBe(true);
  });

  it('ADR 0086: a failing handler rolls its batch back; fired again with a savepoint per handler, only the failing one is rolled back and the rest commits', async () => {
    const txOf = new Map<string, string>();
    const callsOf = new Map<string, number>();
    const attemptsSeen: number[] = [];
    let failBad = true;
    const mixed: TimerHandler = {
      kind: 'test.mixed',
      async fire(timer, em) {
        callsOf.set(timer.key, (callsOf.get(timer.key) ?? 0) + 1);
        const [tx] = await sql<{ id: string }>(em, 'select txid_current()::text as id');
        txOf.set(timer.key, tx!.id);
        await sql(em, 'insert into thing (id, n) values (?, ?)', [`mixed-${timer.key}-${timer.attempts}`, 1]);
        if (timer.key === 'x-bad' && failBad) throw new Error('bad one');
        if (timer.key === 'x-aborts' && failBad) {
          // A handler that swallows an SQL error leaves its transaction aborted: its savepoint cannot
          // be released, so it fails — and only it.
          await sql(em, 'select 1 / 0').catch(() => undefined);
        }
        if (timer.key === 'x-bad') attemptsSeen.push(timer.attempts);
      },
    };
    await scheduleMany('test.mixed', ['x0', 'x1', 'x-bad', 'x2', 'x-aborts', 'x3'], new Date('2026-03-12T00:00:00.000Z'));
    const poller = new TimerPoller(db.orm.em, clock, [mixed], { batchSize: 10, logger: silentLogger });
    expect(await poller.runDue()).toBe(4);
    // the guarded batch is one transaction (x-bad kept the id of the rolled-back first try)
    expect(new Set([...txOf].filter(([key]) => key !== 'x-bad').map(([, tx]) => tx)).size).toBe(1);
    // a handler that failed unguarded is not called again in the guarded batch: its failure is recorded
    // from the first try (a service that is down is asked once per attempt, not twice)
    expect(callsOf.get('x-bad')).toBe(1);
    expect(callsOf.get('x0')).toBe(2); // rolled back with the first try, committed in the guarded batch
    const ids = (await sql<{ id: string }>(db.orm.em.fork(), `select id from thing where id like 'mixed-%' order by id`)).map((r) => r.id);
    expect(ids).toEqual(['mixed-x0-0', 'mixed-x1-0', 'mixed-x2-0', 'mixed-x3-0']); // neither failing handler's row survived
    for (const key of ['x-bad', 'x-aborts']) {
      expect(await timers.find(db.orm.em.fork(), 'test.mixed', key)).toMatchObject({ status: 'scheduled', attempts: 1, firedAt: null });
    }
    expect((await timers.find(db.orm.em.fork(), 'test.mixed', 'x-bad'))?.lastError).toBe('bad one');

    failBad = false;
    clock.advance(10 * 60_000);
    expect(await poller.runDue()).toBe(2);
    expect(attemptsSeen).toEqual([1]);
    const [again] = await sql<{ n: number }>(db.orm.em.fork(), `select count(*)::int as n from thing where id like 'mixed-x-%'`);
    expect(again?.n).toBe(2); // each fired once in effect, on its second attempt
    expect(await timers.list(db.orm.em.fork(), { kind: 'test.mixed', status: 'scheduled' })).toEqual([]);
  });

  it('ADR 0086: a handler that swallows an SQL error last in a batch does not pass for fired (COMMIT of an aborted transaction is a silent ROLLBACK)', async () => {
    const kind = 'test.swallow';
    const swallow: TimerHandler = {
      kind,
      async fire(timer, em) {
        await sql(em, 'insert into thing (id, n) values (?, ?)', [`swallow-${timer.key}-${timer.attempts}`, 1]);
        if (timer.key === 's-last') await sql(em, 'select 1 / 0').catch(() => undefined);
      },
    };
    await scheduleMany(kind, ['s0', 's1', 's-last'], new Date('2026-03-12T00:00:00.000Z'));
    const poller = new TimerPoller(db.orm.em, clock, [swallow], { batchSize: 10, logger: silentLogger });
    expect(await poller.runDue()).toBe(2);
    const ids = (await sql<{ id: string }>(db.orm.em.fork(), `select id from thing where id like 'swallow-%' order by id`)).map((r) => r.id);
    expect(ids).toEqual(['swallow-s0-0', 'swallow-s1-0']);
    const last = await timers.find(db.orm.em.fork(), kind, 's-last');
    expect(last).toMatchObject({ status: 'scheduled', attempts: 1 });
    expect(last?.lastError).toMatch(/aborted/);
  });

  it('ADR 0086: a poller SIGKILLed in the middle of a batch — nothing of that batch happened, and a new poller fires every timer exactly once', async () => {
    const kind = 'test.crash';
    const n = 100;
    const own = await messagingDb('timers_crash'); // no other file's timers due by the real clock
    try {
      const fork = () => own.orm.em.fork();
      await fork().transactional(async (tx) => {
        for (const key of range('c', n)) await timers.schedule(tx, { kind, key, dueAt: new Date(Date.now() - 60_000) });
      });
      // Batches of 30; the 45th handler call (the 15th of the second batch) kills the process.
      const doomed = await startFixture('timer-process', { DB_URL: own.url, KIND: kind, BATCH_SIZE: '30', CRASH_AT: '45' });
      expect((await exitOf(doomed)).signal).toBe('SIGKILL');

      const [effects] = await sql<{ n: number }>(fork(), `select count(*)::int as n from thing where id like 'crash-%'`);
      expect(effects?.n).toBe(30); // the first batch committed; the 14 effects of the second died with it
      expect(await timers.list(fork(), { kind, status: 'fired' })).toHaveLength(30);
      expect(await timers.list(fork(), { kind, status: 'scheduled' })).toHaveLength(70);
      const [mismatch] = await sql<{ n: number }>(
        fork(),
        `select count(*)::int as n from hub_timer t where t.kind = ? and (t.status = 'fired') <> exists (select 1 from thing where id = 'crash-' || t.timer_key)`,
        [kind],
      );
      expect(mismatch?.n).toBe(0); // fired ⇔ its effect exists

      const calls = new Map<string, number>();
      const handler: TimerHandler = {
        kind,
        async fire(timer, em) {
          calls.set(timer.key, (calls.get(timer.key) ?? 0) + 1);
          await sql(em, 'insert into thing (id, n) values (?, ?)', [`crash-${timer.key}`, 1]);
        },
      };
      const survivor = new TimerPoller(own.orm.em, new SystemClock(), [handler], { batchSize: 30, logger: silentLogger });
      expect(await survivor.runDue()).toBe(70);
      expect(calls.size).toBe(70);
      expect([...calls.values()].every((c) => c === 1)).toBe(true);
      const [all] = await sql<{ n: number }>(fork(), `select count(*)::int as n from thing where id like 'crash-%'`);
      expect(all?.n).toBe(n);
      const rows = await timers.list(fork(), { kind });
      expect(rows.every((t) => t.status === 'fired' && t.attempts === 1)).toBe(true);
    } finally {
      await own.drop();
    }
  });

  it('ADR 0086: a batch that fails as a whole is retried one timer per transaction, and the timer that breaks it is charged alone', async () => {
    const kind = 'test.poison';
    let poisonCalls = 0;
    // A deferred constraint is checked at COMMIT: no savepoint can contain its violation.
    await sql(db.orm.em.fork(), 'create table deferred_once (id text, constraint deferred_once_u unique (id) deferrable initially deferred)');
    const poison: TimerHandler = {
      kind,
      async fire(timer, em) {
        await sql(em, 'insert into thing (id, n) values (?, ?)', [`poison-${timer.key}-${timer.attempts}`, 1]);
        if (timer.key === 'p-breaks') {
          poisonCalls += 1;
          await sql(em, `insert into deferred_once (id) values ('dup'), ('dup')`);
        }
      },
    };
    await scheduleMany(kind, ['p0', 'p1', 'p-breaks', 'p2'], new Date('2026-03-12T00:00:00.000Z'));
    const poller = new TimerPoller(db.orm.em, clock, [poison], { batchSize: 10, logger: silentLogger });
    expect(await poller.runDue()).toBe(3);
    expect(poisonCalls).toBe(2); // once in the batch (whose commit was refused), once alone
    const ids = (await sql<{ id: string }>(db.orm.em.fork(), `select id from thing where id like 'poison-%' order by id`)).map((r) => r.id);
    expect(ids).toEqual(['poison-p0-0', 'poison-p1-0', 'poison-p2-0']); // each once; nothing of the breaking one
    expect(await timers.find(db.orm.em.fork(), kind, 'p-breaks')).toMatchObject({ status: 'scheduled', attempts: 1 });
    expect((await timers.find(db.orm.em.fork(), kind, 'p-breaks'))?.lastError).toMatch(/deferred_once_u/);
  });
});
