import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import { sql } from '@hub/messaging';
import { HUB_CONFIG, UnitOfWork } from '@hub/nest-commons';
import type { GatewayConfig } from '../config.js';

/** RFC draft "The Idempotency-Key HTTP Header Field": an opaque string; we accept 1–255 visible ASCII characters. */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** A response kept for replay: the status, the headers the gateway forwards, the body bytes. */
export interface StoredResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

export type Begin =
  | { readonly kind: 'proceed' }
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  | { readonly kind: 'key-reused' }
  | { readonly kind: 'in-flight'; readonly retryAfterSec: number }
  | { readonly kind: 'outcome-unknown'; readonly firstAt: Date };

interface Row {
  request_hash: string;
  state: 'in-flight' | 'completed';
  status: number | null;
  headers: Record<string, string> | null;
  body: Buffer | null;
  created_at: Date;
  locked_until: Date;
}

/**
 * Idempotency-Key for every state-changing call through the gateway (issue #18, ADR 0038). Keyed by
 * the caller (token subject) and the key; the request's fingerprint is its method, path with query
 * and body. The first call records "in flight" before it is forwarded; its answer (2xx or 4xx) is
 * kept for `HUB_GATEWAY_IDEMPOTENCY_TTL_HOURS`. A repeat with the same key and request gets the kept
 * answer (`Idempotent-Replayed: true`), with another request 422, while the first is still running
 * 409 with Retry-After. When the first call's outcome was lost (the context timed out or the gateway
 * died after forwarding) the repeat is told so — never forwarded again, since the context may have
 * carried it out.
 */
@Injectable()
export class IdempotencyStore implements OnApplicationShutdown {
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(HUB_CONFIG) private readonly config: GatewayConfig,
  ) {
    this.sweeper = setInterval(() => void this.purgeExpired().catch(() => undefined), 10 * 60_000);
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  static fingerprint(method: string, pathAndQuery: string, body: Buffer | string | undefined): string {
    const h = createHash('sha256').update(method).update('\n').update(pathAndQuery).update('\n');
    if (body !== undefined) h.update(body);
    return h.digest('hex');
  }

  /** Records the first call, or tells what to do with a repeat. */
  async begin(subject: string, key: string, requestHash: string): Promise<Begin> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.HUB_GATEWAY_IDEMPOTENCY_TTL_HOURS * 3_600_000);
    // The first call holds the key for as long as the gateway waits for a context, and a little more.
    const lockedUntil = new Date(now.getTime() + this.config.HUB_GATEWAY_UPSTREAM_TIMEOUT_MS + 5_000);
    const em = this.uow.reader();
    // An expired record no longer counts.
    await sql(em, `delete from gateway_idempotency where subject = ? and idem_key = ? and expires_at <= ?`, [subject, key, now]);
    const inserted = await sql<{ idem_key: string }>(
      em,
      `insert into gateway_idempotency (subject, idem_key, request_hash, state, created_at, locked_until, expires_at)
       values (?, ?, ?, 'in-flight', ?, ?, ?) on conflict (subject, idem_key) do nothing returning idem_key`,
      [subject, key, requestHash, now, lockedUntil, expiresAt],
    );
    if (inserted.length > 0) return { kind: 'proceed' };
    const [row] = await sql<Row>(
      em,
      `select request_hash, state, status, headers, body, created_at, locked_until from gateway_idempotency where subject = ? and idem_key = ?`,
      [subject, key],
    );
    if (!row) return this.begin(subject, key, requestHash); // deleted in between (expired): try again
    if (row.request_hash !== requestHash) return { kind: 'key-reused' };
    if (row.state === 'completed') return { kind: 'replay', response: { status: row.status!, headers: row.headers ?? {}, body: row.body ?? Buffer.alloc(0) } };
    const lockedUntilAt = new Date(row.locked_until);
    if (lockedUntilAt > now) return { kind: 'in-flight', retryAfterSec: Math.max(1, Math.ceil((lockedUntilAt.getTime() - now.getTime()) / 1000)) };
    return { kind: 'outcome-unknown', firstAt: new Date(row.created_at) };
  }

  /** The context answered (2xx or 4xx): kept for replay. */
  async complete(subject: string, key: string, response: StoredResponse): Promise<void> {
    await sql(
      this.uow.reader(),
      `update gateway_idempotency set state = 'completed', status = ?, headers = ?::jsonb, body = ? where subject = ? and idem_key = ?`,
      [response.status, JSON.stringify(response.headers), response.body, subject, key],
    );
  }

  /** Nothing was carried out (the context refused the connection, or failed with 5xx): the key is free again. */
  async release(subject: string, key: string): Promise<void> {
    await sql(this.uow.reader(), `delete from gateway_idempotency where subject = ? and idem_key = ? and state = 'in-flight'`, [subject, key]);
  }

  async purgeExpired(): Promise<void> {
    await sql(this.uow.reader(), `delete from gateway_idempotency where expires_at <= ?`, [this.clock.now()]);
  }
}
