/**
 * Issue #18 (ADR 0043, amendment 2026-12-06): a circuit breaker per context, in the gateway's
 * upstream layer. After `failureThreshold` consecutive failures (unreachable, timeout, broken answer,
 * or a 502/503/504 from the context) the circuit is **open**: calls fail at once with 503 for
 * `openMs`, so a dead or drowning context is not hammered and callers do not wait out a timeout each.
 * Then it is **half-open**: exactly one call (the probe) goes through, the others still fail fast;
 * the probe's success closes the circuit, its failure opens it again for another `openMs`.
 *
 * Operational timing, not a business deadline: it runs on the process's monotonic clock
 * (`performance.now()`), never on the platform Clock (which tests move across days).
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  readonly failureThreshold: number;
  readonly openMs: number;
  /** Monotonic milliseconds; injectable for the unit test. */
  readonly now?: () => number;
  /** Told of every change of state (logs, metrics). */
  readonly onChange?: (state: CircuitState) => void;
}

/** What `admit()` answers: go ahead (as the probe or not), or refused with the time left open. */
export type Admission = { readonly admitted: true; readonly probe: boolean } | { readonly admitted: false; readonly retryAfterMs: number };

export class CircuitBreaker {
  private stateNow: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probeInFlight = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  get state(): CircuitState {
    return this.stateNow;
  }

  /** Ask before calling the context; every admitted call must end in `success()` or `failure()`. */
  admit(): Admission {
    if (this.stateNow === 'open') {
      const left = this.openedAt + this.options.openMs - this.now();
      if (left > 0) return { admitted: false, retryAfterMs: left };
      this.move('half-open');
    }
    if (this.stateNow === 'half-open') {
      if (this.probeInFlight) return { admitted: false, retryAfterMs: this.options.openMs };
      this.probeInFlight = true;
      return { admitted: true, probe: true };
    }
    return { admitted: true, probe: false };
  }

  success(): void {
    this.failures = 0;
    this.probeInFlight = false;
    if (this.stateNow !== 'closed') this.move('closed');
  }

  failure(): void {
    this.probeInFlight = false;
    this.failures += 1;
    if (this.stateNow === 'half-open' || (this.stateNow === 'closed' && this.failures >= this.options.failureThreshold)) {
      this.openedAt = this.now();
      this.move('open');
    }
  }

  private move(to: CircuitState): void {
    this.stateNow = to;
    this.options.onChange?.(to);
  }
}
