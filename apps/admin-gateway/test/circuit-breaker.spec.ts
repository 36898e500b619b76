import { describe, expect, it } from 'vitest';
import { CircuitBreaker, type CircuitState } from '../src/upstreams/circuit-breaker.js';

// Issue #18 (ADR 0043 amendment): the breaker's states on a clock the test moves.
describe('CircuitBreaker', () => {
  const make = () => {
    let t = 0;
    const changes: CircuitState[] = [];
    const b = new CircuitBreaker({ failureThreshold: 3, openMs: 1_000, now: () => t, onChange: (s) => changes.push(s) });
    return { b, changes, advance: (ms: number) => (t += ms) };
  };

  it('opens after the threshold of consecutive failures; a success in between starts the count again', () => {
    const { b, changes } = make();
    b.failure();
    b.failure();
    b.success();
    b.failure();
    b.failure();
    expect(b.state).toBe('closed');
    b.failure();
    expect(b.state).toBe('open');
    expect(changes).toEqual(['open']);
    const refused = b.admit();
    expect(refused).toEqual({ admitted: false, retryAfterMs: 1_000 });
  });

  it('after the open time: one probe only; its success closes, its failure opens again for the full time', () => {
    const { b, changes, advance } = make();
    for (let i = 0; i < 3; i += 1) b.failure();
    advance(999);
    expect(b.admit().admitted).toBe(false);
    advance(1);
    expect(b.admit()).toEqual({ admitted: true, probe: true });
    expect(b.state).toBe('half-open');
    expect(b.admit().admitted).toBe(false); // a second caller while the probe is out
    b.failure();
    expect(b.state).toBe('open');
    advance(500);
    expect(b.admit()).toEqual({ admitted: false, retryAfterMs: 500 });
    advance(500);
    expect(b.admit()).toEqual({ admitted: true, probe: true });
    b.success();
    expect(b.state).toBe('closed');
    expect(b.admit()).toEqual({ admitted: true, probe: false });
    expect(changes).toEqual(['open', 'half-open', 'open', 'half-open', 'closed']);
  });
});
