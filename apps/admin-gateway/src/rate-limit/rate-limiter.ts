import { HttpException, Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { MikroORM } from '@mikro-orm/postgresql';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
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

/**
 * A sustained rate and a burst expressed as the fixed window `rate-limiter-flexible` counts in:
 * at most `burst` calls per window of `burst / ratePerMinute` minutes, which averages out to
 * `ratePerMinute` (ADR 0031). Default per caller 300/min, burst 60 → 60 calls per 12 s.
 */
export function windowOf(ratePerMinute: number, burst: number): { points: number; durationSec: number } {
  return { points: burst, durationSec: Math.max(1, Math.round((burst / ratePerMinute) * 60)) };
}

/** One limit (per IP, or per caller) on the shared store. */
export class SharedLimit {
  constructor(private readonly limiter: RateLimiterAbstract) {}

  /** Spends one call for `key`; when the window is spent, says in how many seconds the next one is allowed. */
  async take(key: string): Promise<LimitResult> {
    try {
      await this.limiter.consume(key);
      return { ok: true };
    } catch (e) {
      // A RateLimiterRes is the "spent" answer; anything else (the store and the in-memory insurance both failing) is a bug.
      if (e instanceof RateLimiterRes) return { ok: false, retryAfterSec: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
      throw e;
    }
  }
}

/**
 * The store-backed limiter for one limit: its counters are rows of `gateway_rate_limit` in the
 * gateway's own PostgreSQL database, so every replica counts against the same number (one atomic
 * upsert per call). A key already over its limit is then refused from this replica's memory until its
 * window ends (no database round trip per call of a flood). If the database cannot be reached,
 * the in-memory insurance limiter keeps limiting, per replica, with the same window.
 */
export function sharedLimiter(pool: unknown, keyPrefix: 'ip' | 'caller', ratePerMinute: number, burst: number): SharedLimit {
  const { points, durationSec } = windowOf(ratePerMinute, burst);
  return new SharedLimit(
    new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      keyPrefix,
      points,
      duration: durationSec,
      inMemoryBlockOnConsumed: points + 1,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: durationSec }),
    }),
  );
}

/**
 * Two limits (ADR 0031): per client IP before authentication (so that floods of forged tokens do
 * not cost a signature check each), and per caller after it (the verified token subject; the IP
 * for anonymous calls). Both on the shared PostgreSQL store: two gateway replicas enforce ONE limit.
 */
@Injectable()
export class RateLimiter implements OnModuleInit {
  private ip?: SharedLimit;
  private caller?: SharedLimit;

  constructor(
    @Inject(HUB_CONFIG) private readonly config: GatewayConfig,
    @Inject(MIKRO_ORM) private readonly orm: MikroORM,
  ) {}

  async onModuleInit(): Promise<void> {
    // The gateway's own connection pool (MikroORM's `pg` pool): no second pool, no second URL.
    const pool = await this.orm.em.getConnection().getNativeClient();
    const c = this.config;
    this.ip = sharedLimiter(pool, 'ip', c.HUB_GATEWAY_IP_RATE_PER_MINUTE, c.HUB_GATEWAY_IP_RATE_BURST);
    this.caller = sharedLimiter(pool, 'caller', c.HUB_GATEWAY_RATE_PER_MINUTE, c.HUB_GATEWAY_RATE_BURST);
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
}
