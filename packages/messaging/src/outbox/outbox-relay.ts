import pg from 'pg';
import { HEADERS, type EventEnvelope } from '@hub/contracts';
import type { Clock } from '@hub/kernel';
import type { MessageBus } from '../bus/message-bus.js';
import { type MessagingLogger, stderrLogger } from '../logger.js';
import { type PublishTrace, startPublishSpan } from '../tracing/trace-context.js';
import { type Em, backoffMs, sleep, sql } from '../sql.js';
import { type ListenConnectionConfig, OutboxListener, listenConfigOf } from './outbox-listener.js';
import { onOutboxCommit, outboxSourceOf } from './outbox-signal.js';

export interface OutboxRelayOptions {
  readonly batchSize?: number;
  /**
   * How long to wait when there is nothing to publish. A commit that wrote outbox rows wakes it early:
   * in this process directly, in any process through LISTEN/NOTIFY (ADR 0135); the poll is the safety net.
   */
  readonly idlePollMs?: number;
  /**
   * The poll while the LISTEN connection is down (default: idlePollMs, at most 200 ms) — a relay that
   * relies on notifications with a long idlePollMs falls back to this when it cannot hear them.
   */
  readonly fallbackPollMs?: number;
  /**
   * LISTEN for commits of other processes on a dedicated connection (ADR 0135 §2). Default: the ORM's
   * connection settings. `false`: no listening (wakes from this process and the poll only).
   */
  readonly listen?: boolean | ListenConnectionConfig;
  /** First wait before the LISTEN connection is opened again after it was lost (default 500 ms; doubles up to maxBackoffMs). */
  readonly listenReconnectMs?: number;
  /** How often the idle LISTEN connection is checked (default 30 s). */
  readonly listenCheckMs?: number;
  readonly maxBackoffMs?: number;
  /**
   * Where the running relay's rounds (lock, claim, mark published) run (ADR 0140). `own` (default): on a
   * connection of its own (a pool of one, from the ORM's connection settings, closed when idle for
   * 30 s and at stop), so that a round never queues for one of the ORM's pooled connections behind the
   * app's commands — under load that wait was most of the outbox stage. `shared`: on the ORM's pool.
   * `relayOnce()` called directly always uses the ORM.
   */
  readonly connection?: 'own' | 'shared' | ListenConnectionConfig;
  /** Published rows older than this are deleted (0 keeps them). */
  readonly retainPublishedMs?: number;
  readonly logger?: MessagingLogger;
}

/** Advisory lock key: one relay at a time per database publishes, so order per aggregate holds. */
const RELAY_LOCK_KEY = 0x48554230; // 'HUB0'

/** The application_name of the relay's own connection (ADR 0140): visible in pg_stat_activity. */
export const OUTBOX_RELAY_APPLICATION_NAME = 'hub-outbox-relay';

/** The statements of one round, on the ORM (`?` placeholders) or on the relay's own connection (`$n`). */
interface RoundStatements {
  lock(): Promise<boolean>;
  claim(limit: number): Promise<OutboxRow[]>;
  markPublished(at: Date, positions: string[]): Promise<void>;
}

interface OutboxRow {
  position: string;
  topic: string;
  message_key: string;
  envelope: EventEnvelope | string;
}

/**
 * Publishes outbox rows to the bus in insertion order, then marks them published — in one
 * database transaction that holds `pg_try_advisory_xact_lock`, so that two relays (two replicas
 * of an app) never interleave. A crash between the broker's ack and the commit re-publishes the
 * batch on restart: delivery is at-least-once, and the consumer's inbox makes the effect
 * exactly-once. A broker outage just leaves rows unpublished; the relay backs off and retries.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly idlePollMs: number;
  private readonly fallbackPollMs: number;
  private readonly maxBackoffMs: number;
  private readonly retainPublishedMs: number;
  private readonly logger: MessagingLogger;
  private abort: AbortController | undefined;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  /** A wake that came while a batch was being published: the next idle() returns at once (issue #17). */
  private woken = false;
  private lastPurge = 0;
  private readonly listener: OutboxListener | undefined;
  private readonly ownConnection: pg.ClientConfig | undefined;
  private ownPool: pg.Pool | undefined;
  private stopSignal: (() => void) | undefined;
  /** Wakes by their source, for tests and metrics: a commit in this process, a notification, the poll. */
  readonly wakes = { commit: 0, notify: 0, poll: 0 };

  constructor(
    private readonly em: Em,
    private readonly bus: MessageBus,
    private readonly clock: Clock,
    options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.idlePollMs = options.idlePollMs ?? 200;
    this.fallbackPollMs = options.fallbackPollMs ?? Math.min(this.idlePollMs, 200);
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    this.retainPublishedMs = options.retainPublishedMs ?? 7 * 86_400_000;
    this.logger = options.logger ?? stderrLogger;
    const connection = options.connection ?? 'own';
    this.ownConnection = connection === 'shared' ? undefined : connection === 'own' ? listenConfigOf(em) : connection;
    const listen = options.listen ?? true;
    const ownSource = outboxSourceOf(em);
    if (listen !== false) {
      this.listener = new OutboxListener(listen === true ? listenConfigOf(em) : listen, {
        onNotify: (source) => {
          // A commit of this relay's own ORM has woken it already, in-process (ADR 0135 §1).
          if (source === ownSource && this.stopSignal) return;
          this.wakes.notify += 1;
          this.signal();
        },
        onListening: (listening) => {
          if (listening) this.logger.info({ component: 'outbox-relay' }, 'outbox relay listens for commits of other processes');
          else this.signal(); // the idle wait shortens to fallbackPollMs
        },
        logger: this.logger,
        reconnectMs: options.listenReconnectMs ?? 500,
        maxReconnectMs: this.maxBackoffMs,
        checkMs: options.listenCheckMs ?? 30_000,
      });
    }
  }

  /** Whether the relay hears other processes' commits now (its LISTEN connection is up). */
  get listening(): boolean {
    return this.listener?.listening ?? false;
  }

  /**
   * Publishes one batch on the ORM's connection; returns how many rows it published (0 when another
   * relay holds the lock). The running relay does the same on its own connection (ADR 0140).
   */
  async relayOnce(): Promise<number> {
    return this.em.fork().transactional((tx) =>
      this.round({
        lock: async () => {
          const [lock] = await sql<{ locked: boolean }>(tx, 'select pg_try_advisory_xact_lock(?) as locked', [RELAY_LOCK_KEY]);
          return lock?.locked === true;
        },
        claim: (limit) =>
          sql<OutboxRow>(tx, 'select position, topic, message_key, envelope from hub_outbox where published_at is null order by position limit ?', [limit]),
        markPublished: async (at, positions) => {
          await sql(tx, 'update hub_outbox set published_at = ?, attempts = attempts + 1, last_error = null where position in (?)', [at, positions]);
        },
      }),
    );
  }

  /** One round in a transaction on the relay's own connection: the same statements as relayOnce. */
  private async relayOnceOwn(pool: pg.Pool): Promise<number> {
    const client = await pool.connect();
    let broken: Error | undefined;
    // A checked-out client's 'error' (the server went away mid-round: a crash, a restart) is ours to
    // handle — pg-pool listens only to idle clients, and an unhandled 'error' event ends the process.
    // The round's statement fails with it too; the client is then discarded, not reused.
    const lost = (e: Error) => {
      broken ??= e;
    };
    client.on('error', lost);
    try {
      await client.query('begin');
      try {
        const n = await this.round({
          lock: async () =>
            (await client.query<{ locked: boolean }>('select pg_try_advisory_xact_lock($1) as locked', [RELAY_LOCK_KEY])).rows[0]?.locked === true,
          claim: async (limit) =>
            (
              await client.query<OutboxRow>(
                'select position, topic, message_key, envelope from hub_outbox where published_at is null order by position limit $1',
                [limit],
              )
            ).rows,
          markPublished: async (at, positions) => {
            await client.query('update hub_outbox set published_at = $1, attempts = attempts + 1, last_error = null where position = any($2::bigint[])', [
              at,
              positions,
            ]);
          },
        });
        await client.query('commit');
        return n;
      } catch (e) {
        await client.query('rollback').catch((rollbackFailed: unknown) => (broken = rollbackFailed as Error));
        throw e;
      }
    } catch (e) {
      broken ??= isConnectionError(e) ? (e as Error) : undefined;
      throw e;
    } finally {
      if (!broken) client.off('error', lost); // idle again: the pool's own listener takes over
      client.release(broken); // a broken connection is closed, not reused (it keeps `lost`, so a late 'error' is harmless)
    }
  }

  /**
   * Lock, claim, publish, mark — inside the caller's transaction. Nothing is marked unless the broker
   * acknowledged every message (ADR 0135; crash between the two: published again, the inbox dedups).
   */
  private async round(statements: RoundStatements): Promise<number> {
    if (!(await statements.lock())) return 0;
    const rows = await statements.claim(this.batchSize);
    if (rows.length === 0) return 0;
    const traces: PublishTrace[] = [];
    const messages = rows.map((r) => {
      const env = typeof r.envelope === 'string' ? (JSON.parse(r.envelope) as EventEnvelope) : r.envelope;
      const published = startPublishSpan(env, r.topic, r.message_key); // a no-op unless tracing is on (ADR 0102)
      traces.push(published);
      return {
        topic: r.topic,
        key: r.message_key,
        value: JSON.stringify(env),
        headers: {
          [HEADERS.eventType]: env.type,
          [HEADERS.eventVersion]: String(env.version),
          [HEADERS.correlationId]: env.correlationId,
          ...(env.causationId ? { [HEADERS.causationId]: env.causationId } : {}),
          ...published.headers,
        },
      };
    });
    try {
      await this.bus.publish(messages);
    } catch (e) {
      for (const t of traces) t.end(e as Error);
      throw e;
    }
    for (const t of traces) t.end();
    await statements.markPublished(
      this.clock.now(),
      rows.map((r) => r.position),
    );
    return rows.length;
  }

  /** Rows not yet published (a metric, and what tests wait on). */
  async pendingCount(): Promise<number> {
    const [row] = await sql<{ n: string }>(this.em.fork(), 'select count(*) as n from hub_outbox where published_at is null');
    return Number(row?.n ?? 0);
  }

  start(): void {
    if (this.loop) return;
    const abort = new AbortController();
    this.abort = abort;
    // ADR 0135 §1: any transaction of this ORM that wrote outbox rows wakes the relay when it commits.
    this.stopSignal = onOutboxCommit(this.em, () => {
      this.wakes.commit += 1;
      this.signal();
    });
    this.listener?.start();
    if (this.ownConnection) {
      const pool = new pg.Pool({
        connectionTimeoutMillis: 10_000,
        ...this.ownConnection,
        application_name: OUTBOX_RELAY_APPLICATION_NAME,
        keepAlive: true,
        max: 1,
        idleTimeoutMillis: 30_000,
      });
      // An idle connection that is lost must not take the process down; the next round opens another.
      pool.on('error', (e) => this.logger.debug({ component: 'outbox-relay', err: e.message }, "the relay's idle connection was lost"));
      this.ownPool = pool;
    }
    this.loop = this.run(abort.signal);
  }

  /**
   * Wakes the relay now, so that committed rows go out without waiting for the next poll. Commits
   * through `Outbox.add` need no call: they wake it themselves (ADR 0135).
   */
  wake(): void {
    this.signal();
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    this.stopSignal?.();
    this.stopSignal = undefined;
    this.wakeUp?.();
    await Promise.all([this.loop, this.listener?.stop()]);
    this.loop = undefined;
    await this.ownPool?.end().catch(() => undefined);
    this.ownPool = undefined;
  }

  private signal(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        const n = this.ownPool ? await this.relayOnceOwn(this.ownPool) : await this.relayOnce();
        if (failures > 0) this.logger.info({ component: 'outbox-relay' }, 'outbox relay recovered');
        failures = 0;
        await this.maybePurge();
        if (n < this.batchSize) await this.idle(signal);
      } catch (e) {
        failures += 1;
        const wait = backoffMs(failures, 200, this.maxBackoffMs);
        this.logger.warn({ component: 'outbox-relay', err: (e as Error).message, failures, retryInMs: wait }, 'outbox relay could not publish; will retry');
        await this.recordFailure((e as Error).message).catch(() => undefined);
        await sleep(wait, signal);
      }
    }
  }

  private idle(signal: AbortSignal): Promise<void> {
    // Stopped while a round was in flight: the signal has already fired, and its 'abort' event will not
    // fire again — without this the loop slept a whole idlePollMs before stop() could return.
    if (signal.aborted) return Promise.resolve();
    // A commit during the last batch may have written a row that batch did not see: go again now
    // instead of sleeping up to idlePollMs (the wake used to be lost, a tail of up to 200 ms).
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        this.woken = false;
        this.wakeUp = undefined;
        clearTimeout(t);
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => done();
      const polled = (): void => {
        this.wakes.poll += 1;
        done();
      };
      const t = setTimeout(polled, !this.listener || this.listener.listening ? this.idlePollMs : this.fallbackPollMs);
      signal.addEventListener('abort', onAbort, { once: true });
      this.wakeUp = done;
    });
  }

  private async recordFailure(message: string): Promise<void> {
    await sql(
      this.em.fork(),
      `update hub_outbox set attempts = attempts + 1, last_error = ?
       where position = (select min(position) from hub_outbox where published_at is null)`,
      [message.slice(0, 2000)],
    );
  }

  private async maybePurge(): Promise<void> {
    const now = this.clock.now().getTime();
    if (this.retainPublishedMs <= 0 || now - this.lastPurge < 3_600_000) return;
    this.lastPurge = now;
    await sql(this.em.fork(), 'delete from hub_outbox where published_at is not null and published_at < ?', [new Date(now - this.retainPublishedMs)]);
  }
}

/** An error of the connection itself (not of a statement): the connection is not given back to the pool. */
function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  // SQLSTATE class 08 (connection exception), 57P0x (the server is shutting down or terminated the backend), or no SQLSTATE at all (a socket error).
  return typeof code !== 'string' || code.startsWith('08') || code.startsWith('57P0');
}
