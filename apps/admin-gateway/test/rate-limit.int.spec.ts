import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMIT_TABLE, sharedLimiter } from '../src/rate-limit/rate-limiter.js';
import { type GatewayHarness, startGateway } from './support/gateway-harness.js';

/**
 * ADR 0031: the limits live in the gateway's PostgreSQL database, so two replicas enforce ONE
 * limit. Two gateway apps (same module, same pipeline) on one database, called in turn.
 */
describe('rate limits shared by two gateway replicas (one PostgreSQL store)', () => {
  let a: GatewayHarness;
  let b: GatewayHarness;
  // Per caller: 4 calls per window (rate 8/min → 30 s window); per IP: 10 per window (20/min → 30 s).
  // Behind a trusted proxy, so each test can call from its own client address (X-Forwarded-For).
  const env = {
    HUB_GATEWAY_RATE_BURST: '4',
    HUB_GATEWAY_RATE_PER_MINUTE: '8',
    HUB_GATEWAY_IP_RATE_BURST: '10',
    HUB_GATEWAY_IP_RATE_PER_MINUTE: '20',
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

  it('per caller: calls alternating between the replicas count against one limit; the 5th gets 429 problem+json with Retry-After on either', async () => {
    const olga = await a.token('fund-officer', { sub: 'olga-shared' });
    const call = (gw: GatewayHarness) =>
      gw.http().get('/api/registration/applications').set('authorization', `Bearer ${olga}`).set('x-forwarded-for', '10.0.0.1');
    const statuses: number[] = [];
    for (const gw of [a, b, a, b, a, b]) statuses.push((await call(gw)).status);
    // In-memory buckets per replica would have allowed all six (4 + 4).
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    const limited = await call(b);
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(30);
    expect(limited.body).toMatchObject({ status: 429, code: 'gateway.rate-limited' });
    // another caller is unaffected, on both replicas
    const oleg = await a.token('fund-officer', { sub: 'oleg-shared' });
    expect((await a.http().get('/api/registration/applications').set('authorization', `Bearer ${oleg}`).set('x-forwarded-for', '10.0.0.2')).status).toBe(200);
    expect((await b.http().get('/api/registration/applications').set('authorization', `Bearer ${oleg}`).set('x-forwarded-for', '10.0.0.2')).status).toBe(200);
    // the counter is one row in the shared table
    const rows = await a.db.orm.em
      .getConnection()
      .execute<{ key: string; points: number }[]>(`select key, points from "${RATE_LIMIT_TABLE}" where key = 'caller:sub:olga-shared'`);
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]!.points)).toBeGreaterThan(4);
  });

  it("per caller on the gateway's own routes too (the interceptor), shared across replicas", async () => {
    const eva = await a.token('auditor', { sub: 'eva-shared' });
    const call = (gw: GatewayHarness) => gw.http().get('/api/audit/events').set('authorization', `Bearer ${eva}`).set('x-forwarded-for', '10.0.0.3');
    const statuses: number[] = [];
    for (const gw of [b, a, b, a, b]) statuses.push((await call(gw)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect((await call(a)).headers['retry-after']).toBeDefined();
  });

  it('per IP, before authentication: a flood of forged tokens from one address, alternating between replicas, is cut off at one shared limit; health probes are exempt', async () => {
    const forged = `${(await a.token('fund-officer', { sub: 'mallory' })).slice(0, -4)}AAAA`;
    const call = (gw: GatewayHarness) =>
      gw.http().get('/api/registration/applications').set('authorization', `Bearer ${forged}`).set('x-forwarded-for', '10.0.0.9');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await call(i % 2 === 0 ? a : b)).status);
    // 10 reach token verification (and fail it); then the address is cut off before any verification.
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429, 429]);
    const limited = await call(b);
    expect(limited.body).toMatchObject({ status: 429, code: 'gateway.rate-limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // another address is unaffected; health probes are never limited
    expect((await a.http().get('/api/registration/registry').set('x-forwarded-for', '10.0.0.10')).status).toBe(200);
    expect((await b.http().get('/health/live').set('x-forwarded-for', '10.0.0.9')).status).toBe(200);
  });
});

describe('the shared store under concurrency (two limiter instances, one database)', () => {
  let pools: pg.Pool[] = [];
  let gw: GatewayHarness;

  beforeAll(async () => {
    gw = await startGateway();
    pools = [new pg.Pool({ connectionString: gw.db.url, max: 5 }), new pg.Pool({ connectionString: gw.db.url, max: 5 })];
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await gw?.close();
  });

  it('40 simultaneous calls split over two instances with a limit of 10: exactly 10 pass (the upsert is atomic)', async () => {
    const [l1, l2] = pools.map((p) => sharedLimiter(p, 'caller', 20, 10)) as [ReturnType<typeof sharedLimiter>, ReturnType<typeof sharedLimiter>];
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? l1 : l2).take('sub:race')));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok)).toHaveLength(30);
  });

  it('the window reopens when it ends (1 call per 1 s window)', async () => {
    const [l1, l2] = pools.map((p) => sharedLimiter(p, 'caller', 60, 1)) as [ReturnType<typeof sharedLimiter>, ReturnType<typeof sharedLimiter>];
    expect(await l1.take('sub:window')).toEqual({ ok: true });
    expect(await l2.take('sub:window')).toEqual({ ok: false, retryAfterSec: 1 });
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await l2.take('sub:window')).toEqual({ ok: true });
  });
});
