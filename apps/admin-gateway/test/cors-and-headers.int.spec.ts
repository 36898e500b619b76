import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gatewayConfigSchema } from '../src/config.js';
import { BIN_A, type GatewayHarness, startGateway } from './support/gateway-harness.js';
import { json } from './support/upstream-stub.js';

const WEB = 'https://portal.astanahub.kz';
const EVIL = 'https://evil.example';

/**
 * Issue #18 (ASVS V14.4, V14.5): the gateway answers cross-origin calls only for the web app's
 * configured origin, and every answer — its own, proxied, refused — carries the security headers.
 */
describe('CORS for the web origin, and security headers on every answer', () => {
  let gw: GatewayHarness;
  let applicant: string;

  beforeAll(async () => {
    gw = await startGateway({ HUB_GATEWAY_CORS_ORIGINS: `${WEB}, http://127.0.0.1:3000` });
    applicant = await gw.token('applicant', { sub: 'alice', companies: [BIN_A] });
  });
  afterAll(async () => gw?.close());
  beforeEach(() => {
    gw.registration.reset();
    gw.registration.handler = (_req, res) => json(res, 200, { items: [] }, { etag: '"v1"' });
  });

  it('a preflight from the web origin is answered 204 with exactly what the API needs (no wildcard, no credentials), and not forwarded', async () => {
    const res = await gw
      .http()
      .options('/api/registration/applications')
      .set('origin', WEB)
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'authorization, content-type, idempotency-key');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(WEB);
    expect(res.headers['access-control-allow-methods']).toBe('GET, POST, PUT, PATCH, DELETE');
    expect(res.headers['access-control-allow-headers']).toContain('idempotency-key');
    expect(res.headers['access-control-allow-headers']).toContain('authorization');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers['access-control-max-age']).toBe('600');
    expect(res.headers.vary).toContain('Origin');
    expect(gw.registration.seen).toHaveLength(0);
  });

  it('a call from the web origin gets its answer with Allow-Origin and the headers a script may read', async () => {
    const res = await gw.http().get('/api/registration/applications').set('origin', WEB).set('authorization', `Bearer ${applicant}`);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(WEB);
    expect(res.headers['access-control-expose-headers']).toBe('etag, location, retry-after, idempotent-replayed, x-correlation-id');
    expect(res.headers.vary).toContain('Origin');
  });

  it('another origin: its preflight is refused with a problem, its simple request carries no CORS header (the browser withholds the answer)', async () => {
    const pre = await gw.http().options('/api/registration/applications').set('origin', EVIL).set('access-control-request-method', 'POST');
    expect(pre.status).toBe(403);
    expect(pre.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(pre.body).toMatchObject({ code: 'gateway.cors-origin-refused', status: 403 });
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await gw.http().get('/api/registration/registry').set('origin', EVIL);
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    expect(simple.headers.vary).toContain('Origin');
    // An origin that merely starts like the allowed one is another origin.
    const lookalike = await gw
      .http()
      .options('/api/registration/applications')
      .set('origin', `${WEB}.evil.example`)
      .set('access-control-request-method', 'GET');
    expect(lookalike.status).toBe(403);
    expect(gw.registration.seen.filter((r) => r.method === 'OPTIONS')).toHaveLength(0);
  });

  it('no Origin (server to server, same-origin web app): no CORS headers at all', async () => {
    const res = await gw.http().get('/api/registration/applications').set('authorization', `Bearer ${applicant}`);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('security headers on own routes, proxied answers, refusals (401, 404, CORS 403) alike', async () => {
    const answers = [
      await gw.http().get('/health/live'),
      await gw.http().get('/api/registration/registry'),
      await gw.http().get('/api/registration/applications'), // 401: no token
      await gw.http().get('/api/nowhere/x').set('authorization', `Bearer ${applicant}`), // 404
      await gw.http().options('/api/registration/applications').set('origin', EVIL).set('access-control-request-method', 'POST'), // 403
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 401, 404, 403]);
    for (const res of answers) {
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(res.headers['permissions-policy']).toContain('camera=()');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('the origin list refuses what is not an origin (a path, a wildcard)', () => {
    const base = { HUB_AUTH_ISSUER: 'x', DATABASE_URL: 'postgres://u:p@h/db' };
    expect(gatewayConfigSchema.safeParse({ ...base, HUB_GATEWAY_CORS_ORIGINS: '*' }).success).toBe(false);
    expect(gatewayConfigSchema.safeParse({ ...base, HUB_GATEWAY_CORS_ORIGINS: `${WEB}/app` }).success).toBe(false);
    expect(gatewayConfigSchema.parse({ ...base, HUB_GATEWAY_CORS_ORIGINS: `${WEB.toUpperCase()}` }).HUB_GATEWAY_CORS_ORIGINS).toEqual([WEB]);
    expect(gatewayConfigSchema.parse(base).HUB_GATEWAY_CORS_ORIGINS).toEqual([]);
  });
});
