import { HttpException, Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { MikroORM } from '@mikro-orm/postgresql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { HUB_CONFIG, MIKRO_ORM } from '@hub/nest-commons';
import type { GatewayConfig } from '../config.js';

export class TooManyRequestsException extends HttpException {
  constructor(detail: string) {
    super(detail, 429);
    this.name = 'TooManyRequestsException';
  }
}

/** The one table both limits live in, created by migration `…_rate_limit` (ADR 0031), shared by every replica. */
export const RATE_LIMIT_TABLE = 'gateway_rate_limit';

export type LimitResult = { readonly ok: true } | { readonly ok: false; readonly retryAfterSec: number };
const ALLOWED: LimitResult = Object.freeze({ ok: true });

/** What the limiter needs of a connection pool (`pg.Pool`, the one MikroORM owns). */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * A sustained rate and a burst expressed as a fixed window: at most `burst` calls per window of
 * `burst / ratePerMinute` minutes, which averages out to `ratePerMinute` (ADR 0031). Default per
 * caller 300/min, burst 60 → 60 calls per 12 s.
 */
export function windowOf(ratePerMinute: number, burst: number): { points: number; durationSec: number } {
  return { points: burst, durationSec: Math.max(1, Math.round((burst / ratePerMinute) * 60)) };
}

/**
 * ADR 0134: the lease a replica takes for one key of a limit whose window holds `points` calls — the
 * configured size (`HUB_GATEWAY_RATE_LEASE`), but never more than a tenth of the window, and at least 1.
 * A small limit (fewer than 20 calls per window) is therefore counted call by call, exactly as before.
 */
export function leaseSizeFor(points: number, configured: number): number {
  return Math.max(1, Math.min(configured, Math.floor(points / 10)));
}

/**
 * ADR 0134: the most unspent points one replica can hold for one key — a lease of L is topped up by
 * another lease of L when fewer than ⌈L/2⌉ remain, so at most L + ⌈L/2⌉ − 1; a lease of 1 is spent by
 * the call that took it (no top-up), so 0.
 */
export function heldAtMost(lease: number): number {
  return lease < 2 ? 0 : lease + Math.ceil(lease / 2) - 1;
}

/** One replica's points for one key in one window of the store. */
interface Lease {
  /** When the store's window ends (epoch ms, stamped by the replica that opened it): the lease ends with it. */
  expire: number;
  /** Points granted to this replica and not spent yet. */
  remaining: number;
  /** The store had fewer points left than asked for: nothing more until `expire`, refused from memory. */
  exhausted: boolean;
}

/**
 * Takes `lease` points for `key` in ONE statement: a window that has ended is restarted; otherwise
 * the lease is added to the window's count. The count may pass the limit (a refused ask is counted
 * too); what was really granted is `min(lease, max(0, limit − count before))`, and since the upsert
 * is atomic per row the grants of all replicas in one window add up to at most the limit.
 */
const LEASE_SQL = `insert into "${RATE_LIMIT_TABLE}" ("key", "points", "expire") values ($1, $2, $3)
on conflict ("key") do update set
  "points" = case when "${RATE_LIMIT_TABLE}"."expire" is null or "${RATE_LIMIT_TABLE}"."expire" <= $4 then $2 else "${RATE_LIMIT_TABLE}"."points" + $2 end,
  "expire" = case when "${RATE_LIMIT_TABLE}"."expire" is null or "${RATE_LIMIT_TABLE}"."expire" <= $4 then $3 else "${RATE_LIMIT_TABLE}"."expire" end
returning "points", "expire"`;

/**
 * Gives unspent points back to the windows they were granted in (a window that has ended is left
 * alone). The count above the limit is only refused asks — the points granted in a window are always
 * `least(count, limit)` — so the count is first brought down to that, then the returned points are
 * taken off: the next lease in the window is granted them.
 */
const RETURN_SQL = `update "${RATE_LIMIT_TABLE}" t set "points" = least(t."points", $4) - r.n
from unnest($1::text[], $2::int[], $3::bigint[]) as r(key, n, expire)
where t."key" = r.key and t."expire" = r.expire and least(t."points", $4) >= r.n`;

export interface SharedLimitOptions {
  readonly keyPrefix: 'ip' | 'caller';
  readonly ratePerMinute: number;
  readonly burst: number;
  /** The configured lease size (ADR 0134); the effective one is `leaseSizeFor(burst, leaseSize)`. */
  readonly leaseSize: number;
  /** The clock the windows are stamped with (the replica's; replicas need NTP-synchronised clocks). */
  readonly now?: () => number;
}

/**
 * One limit (per IP, or per caller) on the shared PostgreSQL store, spent through leases (ADR 0134,
 * amending ADR 0031): the replica takes `lease` points of a key's window from the store in one round
 * trip and spends them from memory; it asks for the next lease in the background when fewer than half
 * remain, so a busy key touches PostgreSQL about once per `lease` calls and a call almost never waits
 * for it. The points are the window's: when the window ends, the unspent ones end with it (the
 * store's next window starts full), and on shutdown the replica gives them back. The store never
 * grants more than the limit per window, so replicas together never admit more than the limit; a
 * caller can be refused early by at most what the other replicas hold unspent. If the database
 * cannot be reached, an in-memory limiter with the same window takes over per replica.
 */
export class SharedLimit {
  readonly points: number;
  readonly durationMs: number;
  /** The effective lease size (points per round trip). */
  readonly lease: number;
  private readonly prefix: string;
  private readonly now: () => number;
  private readonly leases = new Map<string, Lease>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly insurance: RateLimiterMemory;
  /** Round trips to the store (for tests and the bench's explanation). */
  storeCalls = 0;

  constructor(
    private readonly pool: Queryable,
    o: SharedLimitOptions,
  ) {
    const { points, durationSec } = windowOf(o.ratePerMinute, o.burst);
    this.points = points;
    this.durationMs = durationSec * 1000;
    this.lease = leaseSizeFor(points, o.leaseSize);
    this.prefix = `${o.keyPrefix}:`;
    this.now = o.now ?? Date.now;
    this.insurance = new RateLimiterMemory({ keyPrefix: o.keyPrefix, points, duration: durationSec });
  }

  /**
   * The decision from memory alone, when it can be made there (ADR 0143): a point of the lease spent, or
   * the window refused — `undefined` when the store must be asked first (then `take`). The same rules
   * as `take`, without a promise: the common call (a lease with points) costs no microtask.
   */
  trySpend(key: string): LimitResult | undefined {
    const now = this.now();
    const lease = this.current(key, now);
    if (lease && lease.remaining > 0) {
      lease.remaining -= 1;
      if (this.lease > 1 && !lease.exhausted && lease.remaining < Math.ceil(this.lease / 2)) this.refill(key).catch(() => undefined); // the top-up; a failing store is met by the next call that needs points
      return ALLOWED;
    }
    if (lease?.exhausted) return { ok: false, retryAfterSec: Math.max(1, Math.ceil((lease.expire - now) / 1000)) };
    return undefined;
  }

  /** Spends one call for `key`; when the window is spent, says in how many seconds the next one is allowed. */
  async take(key: string): Promise<LimitResult> {
    for (;;) {
      const decided = this.trySpend(key);
      if (decided) return decided;
      try {
        await this.refill(key);
      } catch {
        return this.insured(key);
      }
      // Granted points may have gone to concurrent calls of this replica: look again (each pass either
      // spends, refuses, or has made the store's count grow, so this ends within the window's points).
    }
  }

  /** Gives this replica's unspent points back to the store (shutdown): another replica can spend them in the same window. */
  async returnUnspent(): Promise<number> {
    await Promise.allSettled([...this.pending.values()]);
    const now = this.now();
    const keys: string[] = [];
    const counts: number[] = [];
    const expires: number[] = [];
    for (const [key, l] of this.leases) {
      if (l.remaining > 0 && l.expire > now) {
        keys.push(this.prefix + key);
        counts.push(l.remaining);
        expires.push(l.expire);
      }
    }
    this.leases.clear();
    if (keys.length === 0) return 0;
    await this.pool.query(RETURN_SQL, [keys, counts, expires, this.points]);
    return counts.reduce((a, b) => a + b, 0);
  }

  /** Forgets leases whose window has ended (memory stays proportional to the keys active in one window). */
  sweep(): void {
    const now = this.now();
    for (const [key, l] of this.leases) if (l.expire <= now && !this.pending.has(key)) this.leases.delete(key);
  }

  /** Unspent points this replica holds for `key` now (tests). */
  held(key: string): number {
    return this.current(key, this.now())?.remaining ?? 0;
  }

  private current(key: string, now: number): Lease | undefined {
    const lease = this.leases.get(key);
    if (lease && lease.expire <= now) {
      this.leases.delete(key);
      return undefined;
    }
    return lease;
  }

  /** One lease at a time per key per replica: concurrent calls wait for the same round trip. */
  private refill(key: string): Promise<void> {
    let p = this.pending.get(key);
    if (!p) {
      p = this.askStore(key).finally(() => this.pending.delete(key));
      this.pending.set(key, p);
    }
    return p;
  }

  private async askStore(key: string): Promise<void> {
    const now = this.now();
    this.storeCalls += 1;
    const { rows } = await this.pool.query(LEASE_SQL, [this.prefix + key, this.lease, now + this.durationMs, now]);
    const row = rows[0];
    if (!row) throw new Error('the rate-limit upsert returned no row');
    const count = Number(row.points);
    const expire = Number(row.expire);
    const granted = Math.min(this.lease, Math.max(0, this.points - (count - this.lease)));
    const exhausted = granted < this.lease;
    const lease = this.leases.get(key);
    // The same window: the points add up. Another window (ours ended, or a replica whose clock runs
    // ahead opened the next one): the old remainder is dropped — that can only refuse early, never admit more.
    if (lease && lease.expire === expire) {
      lease.remaining += granted;
      lease.exhausted = exhausted;
    } else this.leases.set(key, { expire, remaining: granted, exhausted });
  }

  private async insured(key: string): Promise<LimitResult> {
    try {
      await this.insurance.consume(key);
      return { ok: true };
    } catch (e) {
      if (e instanceof RateLimiterRes) return { ok: false, retryAfterSec: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
      throw e;
    }
  }
}

/** A limit on the shared store with lease size `leaseSize` (1: every call is one round trip, as before ADR 0134). */
export function sharedLimiter(pool: Queryable, keyPrefix: 'ip' | 'caller', ratePerMinute: number, burst: number, leaseSize = 1): SharedLimit {
  return new SharedLimit(pool, { keyPrefix, ratePerMinute, burst, leaseSize });
}

/** How often leases of ended windows are forgotten; every tenth time, rows expired for an hour are deleted. */
const SWEEP_MS = 60_000;

/**
 * Two limits (ADR 0031): per client IP before authentication (so that floods of forged tokens do
 * not cost a signature check each), and per caller after it (the verified token subject; the IP
 * for anonymous calls). Both on the shared PostgreSQL store: two gateway replicas enforce ONE limit,
 * each spending leases of `HUB_GATEWAY_RATE_LEASE` points from memory (ADR 0134).
 */
@Injectable()
export class RateLimiter implements OnModuleInit, OnModuleDestroy {
  private ip?: SharedLimit;
  private caller?: SharedLimit;
  private pool?: Queryable;
  private timer?: NodeJS.Timeout;
  private sweeps = 0;

  constructor(
    @Inject(HUB_CONFIG) private readonly config: GatewayConfig,
    @Inject(MIKRO_ORM) private readonly orm: MikroORM,
  ) {}

  async onModuleInit(): Promise<void> {
    // The gateway's own connection pool (MikroORM's `pg` pool): no second pool, no second URL.
    const pool = (await this.orm.em.getConnection().getNativeClient()) as unknown as Queryable;
    const c = this.config;
    this.pool = pool;
    this.ip = new SharedLimit(pool, {
      keyPrefix: 'ip',
      ratePerMinute: c.HUB_GATEWAY_IP_RATE_PER_MINUTE,
      burst: c.HUB_GATEWAY_IP_RATE_BURST,
      leaseSize: c.HUB_GATEWAY_RATE_LEASE,
    });
    this.caller = new SharedLimit(pool, {
      keyPrefix: 'caller',
      ratePerMinute: c.HUB_GATEWAY_RATE_PER_MINUTE,
      burst: c.HUB_GATEWAY_RATE_BURST,
      leaseSize: c.HUB_GATEWAY_RATE_LEASE,
    });
    this.timer = setInterval(() => this.sweep(), SWEEP_MS);
    this.timer.unref();
  }

  /** Shutdown (before the platform closes the pool): the unspent points go back to their windows. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await Promise.allSettled([this.ip?.returnUnspent(), this.caller?.returnUnspent()]);
  }

  get perIp(): SharedLimit {
    if (!this.ip) throw new Error('RateLimiter used before the module was initialised');
    return this.ip;
  }

  get perCaller(): SharedLimit {
    if (!this.caller) throw new Error('RateLimiter used before the module was initialised');
    return this.caller;
  }

  static callerKey(subject: string | undefined, ip: string | undefined): string {
    return subject ? `sub:${subject}` : `ip:${ip ?? 'unknown'}`;
  }

  private sweep(): void {
    this.ip?.sweep();
    this.caller?.sweep();
    this.sweeps += 1;
    if (this.sweeps % 10 === 0 && this.pool)
      this.pool.query(`delete from "${RATE_LIMIT_TABLE}" where "expire" < $1`, [Date.now() - 3_600_000]).catch(() => undefined);
  }
}
