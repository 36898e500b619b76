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
   * Timers fired at the same time, each in its own transaction (`for update skip locked` keeps them
   * apart, as it keeps replicas apart). Issue #17: one at a time fired about 100 timers/s on the
   * 2-core machine, so 100 000 timers due at once took minutes. Default 1: timers of one aggregate
   * fired side by side would meet as optimistic-lock conflicts and wait out a retry's backoff.
   * Applies to the polling loop; `runDue()` called directly (tests) fires one at a time unless told.
   */
  readonly concurrency?: number;
  readonly maxAttempts?: number;
  readonly logger?: MessagingLogger;
  /** Wraps each handler call inside the timer's transaction (the platform's unit of work). */
  readonly around?: TransactionWrapper;
}

const RUN_DUE_LIMIT = 1_000;

export class TimerPoller {
  private readonly handlers = new Map<string, TimerHandler>();
  private readonly pollMs: number;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly logger: MessagingLogger;
  private readonly around: TransactionWrapper | undefined;
  private abort: AbortController | undefined;
  private loop: Promise<void> | undefined;

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
    this.concurrency = Math.max(1, options.concurrency ?? 1);
    this.maxAttempts = options.maxAttempts ?? 10;
    this.logger = options.logger ?? stderrLogger;
    this.around = options.around;
  }

  /** Fires every timer due by the clock's now; returns how many fired. */
  async runDue(limit = 1_000, concurrency = 1): Promise<number> {
    let fired = 0;
    let exhausted = false;
    const worker = async (): Promise<void> => {
      while (!exhausted && fired < limit) {
        const outcome = await this.fireNext();
        if (outcome === 'none') exhausted = true;
        else if (outcome === 'fired') fired += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
    return fired;
  }

  private async fireNext(): Promise<'fired' | 'failed' | 'none'> {
    const now = this.clock.now();
    let claimed: TimerRecord | undefined;
    try {
      return await this.em.fork().transactional(async (tx) => {
        const [row] = await sql<TimerRow>(
          tx,
          `select * from hub_timer where status = 'scheduled' and due_at <= ? order by due_at, id limit 1 for update skip locked`,
          [now],
        );
        if (!row) return 'none' as const;
        claimed = toRecord(row);
        await sql(tx, `update hub_timer set status = 'fired', fired_at = ?, updated_at = ?, attempts = attempts + 1 where id = ?`, [now, now, row.id]);
        const handler = this.handlers.get(row.kind);
        if (!handler) throw new Error(`no timer handler for kind '${row.kind}'`);
        const timer = claimed;
        // ADR 0102: an INTERNAL span per firing (a no-op unless tracing is on).
        await withTimerSpan({ id: row.id, kind: row.kind, key: timer.key, correlationId: row.correlation_id }, () =>
          MessageContexts.run({ correlationId: row.correlation_id ?? uuidv7(), causationId: row.id }, () =>
            this.around ? this.around(tx, () => handler.fire(timer, tx)) : handler.fire(timer, tx),
          ),
        );
        return 'fired' as const;
      });
    } catch (e) {
      if (!claimed) throw e;
      const attempts = claimed.attempts + 1;
      const failed = attempts >= this.maxAttempts;
      const retryAt = new Date(now.getTime() + backoffMs(attempts, 1_000, 300_000));
      this.logger.error(
        { component: 'timer-poller', timerId: claimed.id, kind: claimed.kind, key: claimed.key, attempts, err: (e as Error).message },
        failed ? 'timer failed for good; it needs a person' : 'timer handler failed; will retry',
      );
      await sql(
        this.em.fork(),
        `update hub_timer set attempts = ?, last_error = ?, status = ?, due_at = ?, updated_at = ? where id = ? and status = 'scheduled'`,
        [attempts, (e as Error).message.slice(0, 2000), failed ? 'failed' : 'scheduled', failed ? claimed.dueAt : retryAt, now, claimed.id],
      );
      return 'failed';
    }
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
        // A full batch means more may be due now: go on without sleeping (issue #17: 100 000 due at
        // once used to wait pollMs after every 1 000).
        if (fired < RUN_DUE_LIMIT) await sleep(this.pollMs, abort.signal);
      }
    })();
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    await this.loop;
    this.loop = undefined;
  }
}
