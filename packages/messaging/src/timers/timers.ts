import { type Clock, uuidv7 } from '@hub/kernel';
import { MessageContexts } from '../context/message-context.js';
import { withTimerSpan } from '../tracing/trace-context.js';
import { type MessagingLogger, stderrLogger } from '../logger.js';
import { type Em, backoffMs, requireTransaction, sleep, sql } from '../sql.js';
import type { TransactionWrapper } from '../inbox/event-consumer.js';

/**
 * Durable timers (ADR 0003): every statutory deadline runs on these. A timer is a row in the
 * context's own database, written in the transaction that creates the obligation; (kind, key)
 * names the one live timer, so scheduling again re-arms it with the new due date. The poller
 * fires a due timer by marking it fired *in the same transaction* as the handler's effect, so a
 * timer fires once in effect even if the process dies mid-way.
 */
export interface ScheduleTimer {
  readonly kind: string;
  readonly key: string;
  readonly dueAt: Date;
  readonly payload?: Record<string, unknown>;
}

export interface TimerRecord {
  readonly id: string;
  readonly kind: string;
  readonly key: string;
  readonly dueAt: Date;
  readonly payload: Record<string, unknown>;
  readonly status: 'scheduled' | 'fired' | 'cancelled' | 'failed';
  readonly attempts: number;
  readonly lastError: string | null;
  readonly firedAt: Date | null;
}

interface TimerRow {
  id: string;
  kind: string;
  timer_key: string;
  due_at: Date | string;
  payload: Record<string, unknown> | string;
  status: TimerRecord['status'];
  attempts: number;
  last_error: string | null;
  fired_at: Date | string | null;
  correlation_id: string | null;
}

const instant = (v: Date | string): number => (v instanceof Date ? v : new Date(v)).getTime();
/** Due order, ties by id: the order a batch is fired in. */
const byDueThenId = (a: TimerRow, b: TimerRow): number => instant(a.due_at) - instant(b.due_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const toRecord = (r: TimerRow): TimerRecord => ({
  id: r.id,
  kind: r.kind,
  key: r.timer_key,
  dueAt: new Date(r.due_at),
  payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  firedAt: r.fired_at ? new Date(r.fired_at) : null,
});

export class Timers {
  constructor(private readonly clock: Clock) {}

  /** Schedules, or re-arms when a live timer of the same kind and key exists. */
  async schedule(em: Em, timer: ScheduleTimer): Promise<void> {
    requireTransaction(em, 'Timers.schedule');
    const now = this.clock.now();
    await sql(
      em,
      `insert into hub_timer (id, kind, timer_key, due_at, payload, status, attempts, correlation_id, created_at, updated_at)
       values (?, ?, ?, ?, ?::jsonb, 'scheduled', 0, ?, ?, ?)
       on conflict (kind, timer_key) where status = 'scheduled'
       do update set due_at = excluded.due_at, payload = excluded.payload, attempts = 0, last_error = null, updated_at = excluded.updated_at`,
      [uuidv7(), timer.kind, timer.key, timer.dueAt, JSON.stringify(timer.payload ?? {}), MessageContexts.current()?.correlationId ?? null, now, now],
    );
  }

  /** Cancels the live timer of this kind and key, if any; returns whether one was cancelled. */
  async cancel(em: Em, kind: string, key: string): Promise<boolean> {
    requireTransaction(em, 'Timers.cancel');
    const rows = await sql(
      em,
      `update hub_timer set status = 'cancelled', updated_at = ? where kind = ? and timer_key = ? and status = 'scheduled' returning id`,
      [this.clock.now(), kind, key],
    );
    return rows.length > 0;
  }

  async find(em: Em, kind: string, key: string): Promise<TimerRecord | null> {
    const rows = await sql<TimerRow>(em, `select * from hub_timer where kind = ? and timer_key = ? order by created_at desc, id desc limit 1`, [kind, key]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async list(em: Em, filter: { kind?: string; status?: TimerRecord['status']; key?: string } = {}): Promise<TimerRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    for (const [column, value] of [
      ['kind', filter.kind],
      ['status', filter.status],
      ['timer_key', filter.key],
    ] as const) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      params.push(value);
    }
    const rows = await sql<TimerRow>(em, `select * from hub_timer ${where.length ? `where ${where.join(' and ')}` : ''} order by due_at`, params);
    return rows.map(toRecord);
  }
}

export interface TimerHandler {
  readonly kind: string;
  /** Runs in the transaction that marks the timer fired. May schedule new timers (even of its own kind and key). */
  fire(timer: TimerRecord, em: Em): Promise<void>;
}

export interface TimerPollerOptions {
  readonly pollMs?: number;
  /**
   * Due timers claimed at once, in one statement, and fired in one transaction (ADR 0086). Issue #17: one transaction of five statements per timer fired 15
   * timers/s under load, so 100 000 due at once took hours. Default 100. 1 is the old behaviour.
   */
  readonly batchSize?: number;
  /**
   * Batches fired at the same time, each in its own transaction (`for update skip locked` keeps them
   * apart, as it keeps replicas apart). Default 1: timers of one aggregate fired side by side would
   * meet as optimistic-lock conflicts and wait out a retry's backoff. Applies to the polling loop;
   * `runDue()` called directly (tests) runs one batch at a time unless told.
   */
  readonly concurrency?: number;
  readonly maxAttempts?: number;
  readonly logger?: MessagingLogger;
  /** Wraps each handler call inside the timer's transaction (the platform's unit of work). */
  readonly around?: TransactionWrapper;
}

const RUN_DUE_LIMIT = 1_000;
const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));
const DEFAULT_BATCH = 100;

interface ClaimedTimer {
  readonly record: TimerRecord;
  readonly correlationId: string | null;
}

interface Failure {
  readonly timer: TimerRecord;
  readonly error: Error;
}

/** A handler failed in a batch fired without savepoints: the whole batch is rolled back and fired again with them. */
class HandlerFailed extends Error {
  constructor(
    readonly timer: TimerRecord,
    override readonly cause: Error,
  ) {
    super(cause.message);
  }
}

/**
 * Fires due timers (ADR 0007, ADR 0086). One round: a transaction claims up to `batchSize` due timers
 * in one statement (`for update skip locked`: another poller, or another replica, claims others) and
 * marks them fired; then each handler runs on an EntityManager of its own in that transaction. The
 * commit makes every "fired" and every effect of the batch durable together: if the process dies
 * before it, nothing of the batch happened and every timer of it is still scheduled — each fires
 * once in effect, as before.
 * - Handlers are first run back to back, without savepoints (the common case: one statement per
 *   effect, nothing more). If one throws, the whole batch is rolled back and the next batch is fired
 *   *guarded*: each handler in a savepoint, so a failing one is rolled back alone and its timer put
 *   back with a backoff in the same transaction.
 * - A batch that fails as a whole (the connection dropped, the commit refused, a handler that
 *   swallowed an SQL error and left the transaction aborted) is retried one timer per transaction,
 *   so the timer that breaks its transaction is found and counted against its own attempts.
 */
export class TimerPoller {
  private readonly handlers = new Map<string, TimerHandler>();
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly logger: MessagingLogger;
  private readonly around: TransactionWrapper | undefined;
  private abort: AbortController | undefined;
  private loop: Promise<void> | undefined;
  /** Claims still to make one timer at a time, after a batch failed as a whole. */
  private singles = 0;
  /** Batches still to fire with a savepoint per handler, after a handler failed in an unguarded one. */
  private guarded = 0;
  /**
   * The handler failure that sent a batch to the guarded path, by timer id: in the guarded batch that
   * timer's failure is recorded as it was, not fired a second time — a handler calling a service that
   * is down (an archive over HTTP) is called once per attempt, not twice.
   */
  private readonly failedUnguarded = new Map<string, Error>();

  constructor(
    private readonly em: Em,
    private readonly clock: Clock,
    handlers: readonly TimerHandler[],
    options: TimerPollerOptions = {},
  ) {
    for (const h of handlers) {
      if (this.handlers.has(h.kind)) throw new Error(`two timer handlers for ${h.kind}`);
      this.handlers.set(h.kind, h);
    }
    this.pollMs = options.pollMs ?? 1_000;
    this.batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
    this.concurrency = Math.max(1, options.concurrency ?? 1);
    this.maxAttempts = options.maxAttempts ?? 10;
    this.logger = options.logger ?? stderrLogger;
    this.around = options.around;
  }

  /** Fires timers due by the clock's now, up to `limit`; returns how many fired. */
  async runDue(limit = 1_000, concurrency = 1): Promise<number> {
    let fired = 0;
    let reserved = 0;
    let exhausted = false;
    const worker = async (): Promise<void> => {
      while (!exhausted && reserved < limit) {
        const single = this.singles > 0;
        if (single) this.singles -= 1;
        const guarded = !single && this.guarded > 0;
        if (guarded) this.guarded -= 1;
        const size = single ? 1 : Math.min(this.batchSize, limit - reserved);
        reserved += size;
        try {
          const outcome = await this.fireBatch(size, guarded);
          reserved -= size - outcome.claimed;
          fired += outcome.fired;
          if (outcome.claimed === 0) exhausted = true;
        } catch (e) {
          reserved -= size;
          throw e;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
    return fired;
  }

  private async fireBatch(size: number, guarded: boolean): Promise<{ claimed: number; fired: number }> {
    const now = this.clock.now();
    let claimed: ClaimedTimer[] = [];
    try {
      return await this.em.fork().transactional(async (tx) => {
        // One statement claims the batch (ADR 0086 §1 as amended by ADR 0125): the ids are picked and
        // locked once (an InitPlan: `skip locked` keeps two pollers on disjoint batches), then marked.
        // Picked in due order by the partial index on due_at ALONE — ordering by (due_at, id) in SQL,
        // which no index serves, sorted every due timer for every batch: with 100 000 due at once, an
        // external merge sort of all of them (4 MB on disk, ~90 ms) per batch of 100 (issue #17).
        // Ties of one due instant are then fired by id within the batch, as before.
        const rows = (
          await sql<TimerRow>(
            tx,
            `update hub_timer t set status = 'fired', fired_at = ?, updated_at = ?, attempts = t.attempts + 1
              where t.id = any(array(select id from hub_timer where status = 'scheduled' and due_at <= ? order by due_at limit ? for update skip locked))
                and t.status = 'scheduled'
              returning t.*`,
            [now, now, now, size],
          )
        ).sort(byDueThenId);
        // The handler sees the timer as it was claimed (scheduled, attempts before this one), as before.
        claimed = rows.map((r) => ({
          record: { ...toRecord(r), status: 'scheduled', attempts: r.attempts - 1, firedAt: null },
          correlationId: r.correlation_id,
        }));
        const failures: Failure[] = [];
        for (const timer of claimed) {
          // An EntityManager of its own per timer (same transaction, empty identity map): no handler
          // sees or flushes another's entities, and the unit of work publishes only its events.
          const own = tx.fork({ clear: true, keepTransactionContext: true });
          if (!guarded) {
            try {
              await this.fire(timer, own);
              await own.flush();
            } catch (e) {
              throw new HandlerFailed(timer.record, asError(e));
            }
            continue;
          }
          const failedBefore = this.failedUnguarded.get(timer.record.id);
          if (failedBefore) {
            failures.push({ timer: timer.record, error: failedBefore });
            continue;
          }
          try {
            // A savepoint per timer: a failing handler leaves neither rows nor dirty entities behind.
            await own.transactional((inner) => this.fire(timer, inner), { clear: true });
          } catch (e) {
            failures.push({ timer: timer.record, error: asError(e) });
          }
        }
        // What is left belongs to timers another poller claimed meanwhile: it fired them itself.
        if (guarded) this.failedUnguarded.clear();
        for (const f of failures) await this.recordFailure(tx, f, now, 'fired');
        // PostgreSQL answers COMMIT in an aborted transaction with a silent ROLLBACK: a handler that
        // swallowed an SQL error must not pass for a batch that fired. This statement fails instead.
        if (!guarded && claimed.length) await sql(tx, 'select 1');
        return { claimed: claimed.length, fired: claimed.length - failures.length };
      });
    } catch (e) {
      if (claimed.length === 0) throw e;
      if (e instanceof HandlerFailed && claimed.length > 1) {
        // Nothing of the batch was committed. Fire the next batch (the same timers, unless another
        // poller takes them) with a savepoint per handler, to roll back the failing one alone.
        this.failedUnguarded.set(e.timer.id, e.cause);
        this.guarded += 1;
        return { claimed: claimed.length, fired: 0 };
      }
      if (claimed.length > 1) {
        // Nothing of the batch was committed: every timer of it is still scheduled and due. Find the
        // one that breaks its transaction by firing them one per transaction.
        this.singles = Math.max(this.singles, claimed.length);
        this.logger.warn(
          { component: 'timer-poller', timers: claimed.length, err: (e as Error).message },
          'a batch of timers failed as a whole; firing them one at a time',
        );
        return { claimed: claimed.length, fired: 0 };
      }
      const error = e instanceof HandlerFailed ? e.cause : asError(e);
      await this.recordFailure(this.em.fork(), { timer: claimed[0]!.record, error }, now, 'scheduled');
      return { claimed: 1, fired: 0 };
    }
  }

  private async fire(timer: ClaimedTimer, em: Em): Promise<void> {
    const { record } = timer;
    const handler = this.handlers.get(record.kind);
    if (!handler) throw new Error(`no timer handler for kind '${record.kind}'`);
    // ADR 0102: an INTERNAL span per firing (a no-op unless tracing is on).
    await withTimerSpan({ id: record.id, kind: record.kind, key: record.key, correlationId: timer.correlationId }, () =>
      MessageContexts.run({ correlationId: timer.correlationId ?? uuidv7(), causationId: record.id }, () =>
        this.around ? this.around(em, () => handler.fire(record, em)) : handler.fire(record, em),
      ),
    );
  }

  /** Puts a timer whose handler failed back with a backoff, or gives it up after maxAttempts. */
  private async recordFailure(em: Em, { timer, error }: Failure, now: Date, claimedAs: 'fired' | 'scheduled'): Promise<void> {
    const attempts = timer.attempts + 1;
    const failed = attempts >= this.maxAttempts;
    const retryAt = new Date(now.getTime() + backoffMs(attempts, 1_000, 300_000));
    this.logger.error(
      { component: 'timer-poller', timerId: timer.id, kind: timer.kind, key: timer.key, attempts, err: error.message },
      failed ? 'timer failed for good; it needs a person' : 'timer handler failed; will retry',
    );
    // Inside the batch's transaction the row is 'fired' by this poller and locked by it. After a
    // rolled-back single it is 'scheduled' again — and only then may it be changed: a row another
    // poller fired in the meantime is left alone (it fired once; this failure is history).
    await sql(em, `update hub_timer set attempts = ?, last_error = ?, status = ?, due_at = ?, fired_at = null, updated_at = ? where id = ? and status = ?`, [
      attempts,
      error.message.slice(0, 2000),
      failed ? 'failed' : 'scheduled',
      failed ? timer.dueAt : retryAt,
      now,
      timer.id,
      claimedAs,
    ]);
  }

  start(): void {
    if (this.loop) return;
    const abort = new AbortController();
    this.abort = abort;
    this.loop = (async () => {
      while (!abort.signal.aborted) {
        let fired = 0;
        try {
          fired = await this.runDue(RUN_DUE_LIMIT, this.concurrency);
        } catch (e) {
          this.logger.warn({ component: 'timer-poller', err: (e as Error).message }, 'timer poll failed; will retry');
        }
        // A full round means more may be due now: go on without sleeping (issue #17: 100 000 due at
        // once used to wait pollMs after every 1 000).
        if (fired >= RUN_DUE_LIMIT) continue;
        await sleep(this.pollMs, abort.signal);
      }
    })();
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    await this.loop;
    this.loop = undefined;
  }
}
