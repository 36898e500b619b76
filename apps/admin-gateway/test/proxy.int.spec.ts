import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN_A, type GatewayHarness, startGateway } from './support/gateway-harness.js';
import { deadPort, json } from './support/upstream-stub.js';
import { type Problem, bodyOf } from './support/body.js';

describe('proxy: forwarding, timeouts and a context that is down', () => {
  let gw: GatewayHarness;
  let officer: string;
  let applicant: string;

  beforeAll(async () => {
    // participation points at a port nothing listens on: that context is down.
    gw = await startGateway({}, { participation: `http://127.0.0.1:${await deadPort()}` });
    officer = await gw.token('fund-officer', { sub: 'olga' });
    applicant = await gw.token('applicant', { sub: 'alice', companies: [BIN_A] });
  });
  afterAll(async () => gw?.close());
  beforeEach(() => gw.registration.reset());

  it("forwards the caller's own bearer token, the correlation id, the query and the JSON body — and no identity header of its own", async () => {
    gw.registration.handler = (req, res) =>
      json(res, 201, { id: '018f0000-0000-7000-8000-0000000000aa' }, { location: '/applications/018f0000-0000-7000-8000-0000000000aa' });
    const res = await gw
      .http()
      .post('/api/registration/applications?lang=ru')
      .set('authorization', `Bearer ${applicant}`)
      .set('x-correlation-id', 'corr-proxy-1')
      .set('x-hub-actor', 'admin') // a forged "trust me" header: must not pass
      .set('cookie', 'session=secret')
      .send({ bin: BIN_A, language: 'ru' });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe('/api/registration/applications/018f0000-0000-7000-8000-0000000000aa');
    expect(res.headers['x-correlation-id']).toBe('corr-proxy-1');
    const seen = gw.registration.seen[0]!;
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/applications?lang=ru');
    expect(seen.headers.authorization).toBe(`Bearer ${applicant}`);
    expect(seen.headers['x-correlation-id']).toBe('corr-proxy-1');
    expect(seen.headers['x-hub-actor']).toBeUndefined();
    expect(seen.headers.cookie).toBeUndefined();
    expect(JSON.parse(seen.body)).toEqual({ bin: BIN_A, language: 'ru' });
  });

  it("passes a context's own answer through unchanged (status, problem+json body)", async () => {
    gw.registration.handler = (_req, res) =>
      json(res, 409, {
        type: 'x',
        title: 'Not possible in the current state',
        status: 409,
        detail: "the application is in state 'submitted'",
        currentState: 'submitted',
      });
    const res = await gw
      .http()
      .post('/api/registration/applications/018f0000-0000-7000-8000-000000000001/submit')
      .set('authorization', `Bearer ${applicant}`)
      .send({});
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bodyOf<{ currentState: string }>(res).currentState).toBe('submitted');
  });

  it('a context that is down → 503 problem+json naming it, and the gateway stays up', async () => {
    const res = await gw.http().get('/api/participation/participations').set('authorization', `Bearer ${officer}`);
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 503, upstream: 'participation', code: 'gateway.upstream.unreachable' });
    expect(bodyOf<Problem>(res).correlationId).toBe(res.headers['x-correlation-id']);
    expect((await gw.http().get('/health/live')).status).toBe(200);
    // …and the other context is still served.
    expect((await gw.http().get('/api/registration/applications').set('authorization', `Bearer ${officer}`)).status).toBe(200);
  });

  it('a context that does not answer in time → 504', async () => {
    gw.registration.handler = (_req, res) => void setTimeout(() => json(res, 200, {}), 3_000);
    const started = Date.now();
    const res = await gw.http().get('/api/registration/applications').set('authorization', `Bearer ${officer}`);
    expect(res.status).toBe(504);
    expect(bodyOf<Problem>(res).code).toBe('gateway.upstream.timeout');
    expect(Date.now() - started).toBeLessThan(2_900); // the gateway's 1.5 s deadline, not the context's 3 s
    expect((await gw.http().get('/health/live')).status).toBe(200);
  });

  it('a context that breaks the connection → 502', async () => {
    gw.registration.handler = (_req, res) => void res.socket?.destroy();
    const res = await gw.http().get('/api/registration/applications').set('authorization', `Bearer ${officer}`);
    expect(res.status).toBe(502);
    expect(bodyOf<Problem>(res).code).toBe('gateway.upstream.bad-gateway');
  });

  it('undeclared paths never reach a context: unknown path → 404, undeclared method → 405 with Allow', async () => {
    const unknown = await gw.http().get('/api/registration/internal/admin').set('authorization', `Bearer ${officer}`);
    expect(unknown.status).toBe(404);
    expect(bodyOf<Problem>(unknown).code).toBe('gateway.route-not-declared');
    const method = await gw.http().delete('/api/registration/applications/018f0000-0000-7000-8000-000000000001').set('authorization', `Bearer ${officer}`);
    expect(method.status).toBe(405);
    expect(method.headers.allow).toContain('GET');
    expect((await gw.http().get('/api/nowhere/x').set('authorization', `Bearer ${officer}`)).status).toBe(404);
    expect(gw.registration.seen).toHaveLength(0);
  });

  it('request size limits: a JSON body over HUB_HTTP_BODY_LIMIT → 413 problem, not forwarded', async () => {
    const big = { text: 'x'.repeat(1_100_000) };
    const res = await gw.http().post('/api/registration/applications').set('authorization', `Bearer ${applicant}`).send(big);
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(gw.registration.seen).toHaveLength(0);
  });

  it('security headers on every answer (own routes and proxied ones)', async () => {
    for (const res of [await gw.http().get('/health/live'), await gw.http().get('/api/registration/registry')]) {
      expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});
