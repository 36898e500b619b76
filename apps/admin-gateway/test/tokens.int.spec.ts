import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevTokenIssuer } from '@hub/testing';
import { BIN_A, BIN_B, type GatewayHarness, startGateway } from './support/gateway-harness.js';
import { type Problem, bodyOf } from './support/body.js';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('tokens: only a valid token of the configured issuer gets through', () => {
  let gw: GatewayHarness;
  let bad: Record<string, string>;

  beforeAll(async () => {
    gw = await startGateway();
    const now = Math.floor(Date.now() / 1000);
    const impostor = await DevTokenIssuer.create(gw.issuer.issuer); // same iss, different key
    const valid = await gw.token('fund-officer');
    const [h, p] = valid.split('.') as [string, string];
    bad = {
      forged: await impostor.issue({ sub: 'mallory', roles: ['fund-officer'] }),
      expired: await gw.issuer.issue({ sub: 'x', roles: ['fund-officer'], expiresInSec: -60 }),
      'wrong issuer': await gw.issuer.issue({ sub: 'x', roles: ['fund-officer'], issuer: 'https://evil.example' }),
      'wrong audience': await gw.issuer.issue({ sub: 'x', roles: ['fund-officer'], audience: 'another-app' }),
      'unsigned (alg none)': `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', roles: ['fund-officer'], iss: gw.issuer.issuer, aud: 'hub-platform', exp: now + 600 })}.`,
      'tampered payload': `${h}.${b64({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), roles: ['auditor', 'fund-officer'] })}.${valid.split('.')[2]}`,
      'unknown role claim': await gw.issuer.issue({ sub: 'x', roles: ['superuser'] }),
      garbage: 'not.a.jwt',
    };
  });
  afterAll(async () => gw?.close());

  it('forged, expired, wrongly signed, wrong issuer/audience, unsigned, tampered → 401 on proxied routes; the context never sees them', async () => {
    for (const [what, token] of Object.entries(bad)) {
      for (const path of ['/api/registration/applications', '/api/participation/participations', '/api/registration/registry']) {
        const res = await gw.http().get(path).set('authorization', `Bearer ${token}`);
        expect(`${what} on ${path} → ${res.status}`).toBe(`${what} on ${path} → 401`);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    }
    expect(gw.registration.seen).toHaveLength(0);
    expect(gw.participation.seen).toHaveLength(0);
  });

  it("the same tokens → 401 on the gateway's own routes, public ones included (one BearerAuthenticator for proxy and AuthGuard, ADR 0030)", async () => {
    for (const [what, token] of Object.entries(bad)) {
      for (const path of ['/api/deadlines', '/api/openapi.json']) {
        const res = await gw.http().get(path).set('authorization', `Bearer ${token}`);
        expect(`${what} on ${path} → ${res.status}`).toBe(`${what} on ${path} → 401`);
      }
    }
  });

  it('no token or a non-bearer scheme → 401 (public routes excepted)', async () => {
    expect((await gw.http().get('/api/registration/applications')).status).toBe(401);
    expect((await gw.http().get('/api/registration/applications').set('authorization', 'Basic YWxpY2U6c2VjcmV0')).status).toBe(401);
    expect((await gw.http().get('/api/registration/registry')).status).toBe(200);
  });

  it('F-35: a valid token for the wrong company → 403, and the context is not called', async () => {
    const alice = await gw.token('applicant', { sub: 'alice', companies: [BIN_A] });
    gw.participation.reset();
    const own = await gw.http().get(`/api/participation/participations?bin=${BIN_A}`).set('authorization', `Bearer ${alice}`);
    expect(own.status).toBe(200);
    const other = await gw.http().get(`/api/participation/participations?bin=${BIN_B}`).set('authorization', `Bearer ${alice}`);
    expect(other.status).toBe(403);
    expect(bodyOf<Problem>(other).detail).toMatch(/F-35/);
    expect(gw.participation.seen.map((s) => s.url)).toEqual([`/participations?bin=${BIN_A}`]);
    const overview = await gw.http().get(`/api/companies/${BIN_B}/overview`).set('authorization', `Bearer ${alice}`);
    expect(overview.status).toBe(403);
  });
});
