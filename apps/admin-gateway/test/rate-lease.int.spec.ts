import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMIT_TABLE, RateLimiter, SharedLimit, heldAtMost, leaseSizeFor } from '../src/rate-limit/rate-limiter.js';
import { type GatewayHarness, startGateway } from './support/gateway-harness.js';

/**
 * ADR 0134 (issue #17, amending ADR 0031): each replica takes a lease of L points of a key's window
 * from PostgreSQL in one round trip and spends it from memory. The bound under test: replicas
 * together never admit more than the limit per window; a caller is refused only once at least
 * limit − (replicas − 1) × heldAtMost(L) calls of the window were admitted.
 */
describe('lease sizes and the bound (ADR 0134)', () => {
  it('a lease is the configured size, at most a tenth of the window, at least 1; what a replica holds unspent', () => {
    expect(leaseSizeFor(100_000, 20)).toBe(20);
    expect(leaseSizeFor(60, 20)).toBe(6); // the default per-caller window (60 per 12 s)
    expect(leaseSizeFor(200, 20)).toBe(20); // the default per-IP window (200 per 10 s)
    expect(leaseSizeFor(19, 20)).toBe(1); // a small limit is counted call by call, exactly
    expect(leaseSizeFor(4, 20)).toBe(1);
    expect(heldAtMost(1)).toBe(0);
    expect(heldAtMost(10)).toBe(14);
    expect(heldAtMost(20)).toBe(29);
  });
});

describe('two gateway replicas spending leases of one PostgreSQL store', () => {
  let a: GatewayHarness;
  let b: GatewayHarness;
  // Per caller: 100 calls per 30 s window, leases of 10; per IP: out of the way (100 000, leases of 10).
  const env = {
    HUB_GATEWAY_RATE_BURST: '100',
    HUB_GATEWAY_RATE_PER_MINUTE: '200',
    HUB_GATEWAY_RATE_LEASE: '10',
    HUB_GATEWAY_TRUST_PROXY: 'true',
  };

  beforeAll(async () => {
    a = await startGateway(env);
    b = await startGateway(env, { registration: a.registration.url, participation: a.participation.url }, a);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('160 calls of one caller, 8 at a time over both replicas: at most the limit pass (and at least limit − bound), the rest get the unchanged 429 problem+json; most calls touch PostgreSQL zero times', async () => {
    const token = await a.token('fund-officer', { sub: 'lease-olga' });
    const seenBefore = a.registration.seen.length;
    const storeBefore = a.app.get(RateLimiter).perCaller.storeCalls + b.app.get(RateLimiter).perCaller.storeCalls;
    const call = (gw: GatewayHarness) =>
      gw.http().get('/api/registration/applications').set('authorization', `Bearer ${token}`).set('x-forwarded-for', '10.1.0.1');
    const responses: Awaited<ReturnType<typeof call>>[] = [];
    for (let round = 0; round < 20; round++) responses.push(...(await Promise.all(Array.from({ length: 8 }, (_, i) => call(i % 2 === 0 ? a : b)))));

    const passed = responses.filter((r) => r.status === 200).length;
    const limited = responses.filter((r) => r.status === 429);
    const lease = leaseSizeFor(100, 10);
    expect(lease).toBe(10);
    expect(passed).toBeLessThanOrEqual(100);
    expect(passed).toBeGreaterThanOrEqual(100 - (2 - 1) * heldAtMost(lease));
    expect(passed + limited.length).toBe(160);
    // the context saw exactly the calls that passed: nothing over the limit got through
    expect(a.registration.seen.length - seenBefore).toBe(passed);
    // 429 problem+json as before ADR 0134
    for (const r of limited) {
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(r.body).toMatchObject({ status: 429, code: 'gateway.rate-limited', title: 'Too many requests' });
      expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(r.headers['retry-after'])).toBeLessThanOrEqual(30);
    }
    // round trips: a lease per 10 points, plus the asks that found the window spent — far fewer than calls
    const storeCalls = a.app.get(RateLimiter).perCaller.storeCalls + b.app.get(RateLimiter).perCaller.storeCalls - storeBefore;
    expect(storeCalls).toBeGreaterThanOrEqual(9);
    expect(storeCalls).toBeLessThanOrEqual(20);
    // the store's row: the count is the asks; the points granted (count capped at the limit) are all of the window
    const rows = await a.db.orm.em
      .getConnection()
      .execute<{ points: number }[]>(`select points from "${RATE_LIMIT_TABLE}" where key = 'caller:sub:lease-olga'`);
    expect(Math.min(Number(rows[0]!.points), 100)).toBe(100);
  });

  it('a replica that stops gives its unspent points back: the other replica can spend them in the same window', async () => {
    const c = await startGateway(env, { registration: a.registration.url, participation: a.participation.url }, a);
    const token = await a.token('fund-officer', { sub: 'lease-ruslan' });
    const call = (gw: GatewayHarness) =>
      gw.http().get('/api/registration/applications').set('authorization', `Bearer ${token}`).set('x-forwarded-for', '10.1.0.2');
    expect((await call(c)).status).toBe(200); // c leased 10 and spent 1
    const held = c.app.get(RateLimiter).perCaller.held('sub:lease-ruslan');
    expect(held).toBe(9);
    await c.close(); // onModuleDestroy: the 9 go back to the window
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) statuses.push((await call(a)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(99);
    expect(statuses.slice(99)).toEqual([429]);
  });
});

describe('leases on the store directly (limiter instances as replicas, one database)', () => {
  let pools: pg.Pool[] = [];
  let gw: GatewayHarness;

  beforeAll(async () => {
    gw = await startGateway();
    pools = Array.from({ length: 3 }, () => new pg.Pool({ connectionString: gw.db.url, max: 5 }));
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await gw?.close();
  });

  const replicas = (ratePerMinute: number, burst: number, leaseSize: number) =>
    pools.map((p) => new SharedLimit(p, { keyPrefix: 'caller', ratePerMinute, burst, leaseSize }));

  it('600 simultaneous calls over three replicas, limit 200, leases of 20: never more than the limit, never fewer than limit − 2 × held', async () => {
    for (let run = 0; run < 3; run++) {
      const rs = replicas(400, 200, 20); // 200 per 30 s
      const results = await Promise.all(Array.from({ length: 600 }, (_, i) => rs[i % 3]!.take(`sub:race-${run}`)));
      const passed = results.filter((r) => r.ok).length;
      expect(passed).toBeLessThanOrEqual(200);
      expect(passed).toBeGreaterThanOrEqual(200 - 2 * heldAtMost(20));
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.retryAfterSec >= 1 && r.retryAfterSec <= 30)).toBe(true);
      // one round trip per lease (20 points), plus one refused ask per replica and the top-ups in flight
      expect(rs.reduce((s, r) => s + r.storeCalls, 0)).toBeLessThanOrEqual(200 / 20 + 3 * 3);
    }
  });

  it('a lease ends with its window: the points another replica left unspent are not lost beyond it', async () => {
    const [r1, r2] = replicas(2000, 100, 10); // 100 per 3 s, leases of 10
    expect(await r1!.take('sub:expiry')).toEqual({ ok: true });
    expect(r1!.held('sub:expiry')).toBe(9);
    let passed = 0;
    let refusal: { ok: boolean } | undefined;
    for (let i = 0; i < 100 && !refusal; i++) {
      const r = await r2!.take('sub:expiry');
      if (r.ok) passed += 1;
      else refusal = r;
    }
    // r1's 9 are r1's in this window: r2 gets the other 90, then 429
    expect(passed).toBe(90);
    expect(refusal).toMatchObject({ ok: false });
    const [{ expire }] = (await pools[0]!.query<{ expire: string }>(`select expire from "${RATE_LIMIT_TABLE}" where key = 'caller:sub:expiry'`)).rows as [
      { expire: string },
    ];
    await new Promise((r) => setTimeout(r, Math.max(0, Number(expire) - Date.now()) + 100));
    // the window has ended: r1's lease with it, and the whole limit is back for anyone
    expect(r1!.held('sub:expiry')).toBe(0);
    let again = 0;
    for (let i = 0; i < 101; i++) if ((await r2!.take('sub:expiry')).ok) again += 1;
    expect(again).toBe(100);
  });

  it('lease size 1 (or a small limit) counts every call in the store, as before ADR 0134', async () => {
    const [r1, r2] = replicas(20, 10, 20); // 10 per 30 s → leases of 1
    expect(r1!.lease).toBe(1);
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? r1! : r2!).take('sub:exact')));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(r1!.held('sub:exact') + r2!.held('sub:exact')).toBe(0);
  });

  it('the database unreachable: the in-memory limiter with the same window takes over', async () => {
    const down = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 500 });
    try {
      const l = new SharedLimit(down, { keyPrefix: 'caller', ratePerMinute: 20, burst: 10, leaseSize: 5 });
      const results: boolean[] = [];
      for (let i = 0; i < 12; i++) results.push((await l.take('sub:offline')).ok);
      expect(results).toEqual([...Array<boolean>(10).fill(true), false, false]);
    } finally {
      await down.end();
    }
  });
});
