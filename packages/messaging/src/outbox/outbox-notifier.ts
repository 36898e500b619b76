import pg from 'pg';
import type { MessagingLogger } from '../logger.js';
import { stderrLogger } from '../logger.js';
import { type Em, sql } from '../sql.js';
import { type ListenConnectionConfig, listenConfigOf } from './outbox-listener.js';
import { onOutboxCommit, outboxSourceOf } from './outbox-signal.js';
import { OUTBOX_CHANNEL } from './outbox.js';

export interface OutboxNotifierOptions {
  readonly logger?: MessagingLogger;
  /**
   * Where the NOTIFY runs. `own` (default): a connection of its own (a pool of one from the ORM's
   * settings, closed when idle for 10 s and at stop), so that under load the NOTIFY does not queue for
   * one of the ORM's pooled connections behind the app's commands (the event bench saw 11 NOTIFYs for
   * 5 000 commits at an offered 1 000/s with `shared`). `shared`: the ORM's pool.
   */
  readonly connection?: 'own' | 'shared' | ListenConnectionConfig;
}

/** The application_name of the notifier's own connection: visible in pg_stat_activity. */
export const OUTBOX_NOTIFIER_APPLICATION_NAME = 'hub-outbox-notifier';

/**
 * Tells the relays of other processes that outbox rows were committed (ADR 0147, amending ADR 0135 §2):
 * after every commit, on `em`'s ORM, of a transaction that wrote outbox rows, one `NOTIFY hub_outbox`
 * in a statement of its own — never inside the writing transaction.
 *
 * Why not in the transaction (ADR 0135 §2 had the NOTIFY ride in the outbox insert): PostgreSQL
 * serialises the commits of every transaction that has queued a notification (the commit takes one
 * lock on the notification queue for the whole cluster and holds it while its WAL record is flushed).
 * Measured with pgbench on this machine, 10 clients, a transaction of two inserts: 1 126 and 994
 * commits/s without the notification, 591 and 215 with it (ADR 0147). Every command that writes an
 * event paid that.
 *
 * Coalesced: at most one NOTIFY in flight per ORM; commits while one is in flight make exactly one
 * more after it (a relay woken by the first may have looked before they committed). So the
 * notifications are far fewer than the commits under load, and a relay of another process is never
 * left without a wake after the last commit. The payload is the ORM's source name (`outboxSourceOf`):
 * the relay of this ORM, woken in-process at the commit (ADR 0135 §1), ignores it.
 *
 * What is given up: a process that dies between a commit and its NOTIFY wakes nobody — the other
 * processes' relays poll (ADR 0135, 200 ms), as they do whenever their LISTEN connection is down.
 *
 * The NOTIFY runs on a connection of its own by default (ADR 0147 §5): a process then holds at most the
 * ORM's pool + 3 connections (the relay's own, its LISTEN, this one; ADR 0140 §7).
 */
export class OutboxNotifier {
  /** Counted for tests and metrics: commits announced, NOTIFY statements sent, commits that rode on another's NOTIFY, failures. */
  readonly counts = { commits: 0, sent: 0, coalesced: 0, failed: 0 };
  private readonly logger: MessagingLogger;
  private readonly source: string;
  private off: (() => void) | undefined;
  private inFlight: Promise<void> | undefined;
  private again = false;
  private readonly ownConnection: pg.ClientConfig | undefined;
  private pool: pg.Pool | undefined;

  constructor(
    private readonly em: Em,
    options: OutboxNotifierOptions = {},
  ) {
    this.logger = options.logger ?? stderrLogger;
    this.source = outboxSourceOf(em);
    const connection = options.connection ?? 'own';
    this.ownConnection = connection === 'shared' ? undefined : connection === 'own' ? listenConfigOf(em) : connection;
  }

  /** Starts announcing the ORM's outbox commits (idempotent). */
  start(): void {
    if (this.ownConnection && !this.pool) {
      const pool = new pg.Pool({
        connectionTimeoutMillis: 10_000,
        ...this.ownConnection,
        application_name: OUTBOX_NOTIFIER_APPLICATION_NAME,
        keepAlive: true,
        max: 1,
        // Closed sooner than the relay's (30 s): a NOTIFY is one tiny statement, and an idle process should not hold it.
        idleTimeoutMillis: 10_000,
      });
      // An idle connection that is lost must not take the process down; the next NOTIFY opens another.
      pool.on('error', (e) => this.logger.debug({ component: 'outbox-notifier', err: e.message }, "the notifier's idle connection was lost"));
      this.pool = pool;
    }
    this.off ??= onOutboxCommit(this.em, () => this.signal());
  }

  /** Stops announcing; waits for a NOTIFY in flight and closes the notifier's own connection. */
  async stop(): Promise<void> {
    this.off?.();
    this.off = undefined;
    this.again = false;
    await this.inFlight;
    const pool = this.pool;
    this.pool = undefined;
    await pool?.end();
  }

  private signal(): void {
    if (!this.off) return;
    this.counts.commits += 1;
    if (this.inFlight) {
      this.again = true;
      this.counts.coalesced += 1;
      return;
    }
    this.inFlight = this.send().finally(() => (this.inFlight = undefined));
  }

  private async send(): Promise<void> {
    do {
      this.again = false;
      try {
        if (this.pool) await this.pool.query('select pg_notify($1, $2)', [OUTBOX_CHANNEL, this.source]);
        else await sql(this.em.fork(), `select pg_notify('${OUTBOX_CHANNEL}', ?)`, [this.source]);
        this.counts.sent += 1;
      } catch (e) {
        // The rows are committed; the other processes' relays poll (ADR 0135). Nothing is lost.
        this.counts.failed += 1;
        this.logger.warn({ component: 'outbox-notifier', err: (e as Error).message }, 'could not notify the relays of other processes; they will poll');
      }
    } while (this.again && this.off);
  }
}
