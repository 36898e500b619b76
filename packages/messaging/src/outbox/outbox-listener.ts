import pg from 'pg';
import type { MessagingLogger } from '../logger.js';
import { type Em, backoffMs, sleep } from '../sql.js';
import { OUTBOX_CHANNEL } from './outbox.js';

/** What the listener needs to open its own connection: `pg.ClientConfig`, e.g. from the ORM's connection. */
export type ListenConnectionConfig = pg.ClientConfig;

export interface OutboxListenerOptions {
  /** Called for every notification on the outbox channel, with its payload (the writer's ORM, ADR 0135). */
  readonly onNotify: (source: string) => void;
  /** Called when the connection is (re)established and LISTENing, and when it is lost. */
  readonly onListening?: (listening: boolean) => void;
  readonly logger: MessagingLogger;
  /** First wait before reconnecting; doubles (with jitter) up to `maxReconnectMs`. */
  readonly reconnectMs: number;
  readonly maxReconnectMs: number;
  /** How often the idle connection is checked with `select 1` (a connection dropped without a FIN is noticed). */
  readonly checkMs: number;
}

/** The application_name of the listening connection: visible in pg_stat_activity. */
export const OUTBOX_LISTENER_APPLICATION_NAME = 'hub-outbox-listener';

/** The ORM's connection settings (host, port, user, password, database, ssl) for a connection of the relay's own. */
export function listenConfigOf(em: Em): ListenConnectionConfig {
  const connection = em.getConnection() as unknown as { getConnectionOptions(): Record<string, unknown> };
  const options = connection.getConnectionOptions();
  const driverOptions = em.config.get('driverOptions') as { ssl?: unknown } | undefined;
  return {
    ...(options as pg.ClientConfig),
    ...(driverOptions?.ssl !== undefined ? { ssl: driverOptions.ssl as pg.ClientConfig['ssl'] } : {}),
  };
}

/**
 * The cross-process half of waking the relay (ADR 0135 §2): one dedicated connection per relay that
 * LISTENs on the outbox channel and calls `onNotify` for every notification. When the connection is
 * lost (the server restarted, the backend was terminated, a `select 1` check failed) it reconnects
 * with backoff; meanwhile the relay polls, and after every (re)connection `onNotify` is called once,
 * since rows may have committed while nobody listened.
 */
export class OutboxListener {
  private abort: AbortController | undefined;
  private loop: Promise<void> | undefined;
  private client: pg.Client | undefined;
  private connected = false;
  private listenedThisTime = false;

  constructor(
    private readonly config: ListenConnectionConfig,
    private readonly options: OutboxListenerOptions,
  ) {}

  /** Whether the connection is up and LISTENing now. */
  get listening(): boolean {
    return this.connected;
  }

  start(): void {
    if (this.loop) return;
    const abort = new AbortController();
    this.abort = abort;
    this.loop = this.run(abort.signal);
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    await this.client?.end().catch(() => undefined);
    await this.loop;
    this.loop = undefined;
  }

  private async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      this.listenedThisTime = false;
      const lost = await this.listenOnce(signal).catch((e: unknown) => e as Error);
      this.setListening(false);
      if (signal.aborted) return;
      // A connection that listened for a while starts the backoff again; one that never did doubles it.
      failures = this.listenedThisTime ? 1 : failures + 1;
      const wait = backoffMs(failures, this.options.reconnectMs, this.options.maxReconnectMs);
      this.options.logger.warn(
        { component: 'outbox-listener', err: lost?.message ?? 'connection closed', failures, retryInMs: wait },
        'outbox relay lost its LISTEN connection; polling until it reconnects',
      );
      await sleep(wait, signal);
    }
  }

  /** Connects, LISTENs, and resolves when the connection is lost (with the error) or the listener stops (undefined). */
  private async listenOnce(signal: AbortSignal): Promise<Error | undefined> {
    const client = new pg.Client({
      connectionTimeoutMillis: 10_000,
      ...this.config,
      application_name: OUTBOX_LISTENER_APPLICATION_NAME,
      keepAlive: true,
    });
    this.client = client;
    let fail: (e: Error) => void = () => undefined;
    const lost = new Promise<Error>((resolve) => (fail = resolve));
    // An 'error' without a listener would take the process down; a lost connection is expected here.
    client.on('error', (e) => fail(e));
    client.on('end', () => fail(new Error('the LISTEN connection ended')));
    client.on('notification', (n) => {
      if (n.channel === OUTBOX_CHANNEL) this.options.onNotify(n.payload ?? '');
    });
    try {
      await client.connect();
      if (signal.aborted) return undefined;
      await client.query(`listen ${OUTBOX_CHANNEL}`);
      this.setListening(true);
      this.options.onNotify(''); // rows committed while nobody listened go out now, not at the next poll
      for (;;) {
        const outcome = await Promise.race([lost, sleep(this.options.checkMs, signal).then(() => 'check' as const)]);
        if (outcome !== 'check') return outcome;
        if (signal.aborted) return undefined;
        const checked = await Promise.race([
          client.query('select 1').then(
            () => undefined,
            (e: unknown) => e as Error,
          ),
          lost,
          sleep(this.options.checkMs, signal).then(() => new Error(`the LISTEN connection did not answer a check within ${this.options.checkMs} ms`)),
        ]);
        if (checked) return checked;
      }
    } finally {
      if (this.client === client) this.client = undefined;
      await client.end().catch(() => undefined);
    }
  }

  private setListening(listening: boolean): void {
    if (listening) this.listenedThisTime = true;
    if (this.connected === listening) return;
    this.connected = listening;
    this.options.onListening?.(listening);
  }
}
