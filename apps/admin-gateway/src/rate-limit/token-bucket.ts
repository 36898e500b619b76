/**
 * In-memory token buckets, one per key (ADR 0031). Correct for ONE gateway instance: with several
 * replicas each has its own buckets (the effective limit multiplies); a shared store (Redis,
 * PostgreSQL) would be needed then. Idle buckets are swept so memory stays bounded.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private lastSweep = 0;

  constructor(
    private readonly ratePerMinute: number,
    private readonly burst: number,
    /** Monotonic milliseconds (tests pass their own). */
    private readonly now: () => number = () => performance.now(),
    private readonly maxKeys = 100_000,
  ) {}

  /** Takes one token for `key`; when none is left, says how many seconds until one is. */
  take(key: string): { ok: true; remaining: number } | { ok: false; retryAfterSec: number } {
    const t = this.now();
    this.sweep(t);
    const perMs = this.ratePerMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: t };
    b.tokens = Math.min(this.burst, b.tokens + (t - b.at) * perMs);
    b.at = t;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true, remaining: Math.floor(b.tokens) };
    }
    return { ok: false, retryAfterSec: Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000)) };
  }

  size(): number {
    return this.buckets.size;
  }

  private sweep(t: number): void {
    if (t - this.lastSweep < 60_000 && this.buckets.size < this.maxKeys) return;
    this.lastSweep = t;
    const fullAfterMs = (this.burst / this.ratePerMinute) * 60_000;
    for (const [k, b] of this.buckets) if (t - b.at >= fullAfterMs) this.buckets.delete(k);
    // Still too many live keys (a flood of distinct callers): drop the oldest half.
    if (this.buckets.size >= this.maxKeys) {
      const oldest = [...this.buckets.entries()].sort((a, b) => a[1].at - b[1].at).slice(0, Math.floor(this.buckets.size / 2));
      for (const [k] of oldest) this.buckets.delete(k);
    }
  }
}
