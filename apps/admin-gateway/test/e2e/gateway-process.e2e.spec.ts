import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProcessFleet } from '../support/processes.js';
import { UpstreamStub, deadPort, json } from '../support/upstream-stub.js';
import { bodyOf } from '../support/body.js';

/**
 * The gateway as deployed: its own process (`node dist/main.js`), its own database migrated by its
 * own CLI, trusting the development issuer through its JWKS URL (the OpenID Connect plug-in path a
 * real IdP uses), with tokens minted by `tools/dev-issuer/token.mjs`.
 */
describe('admin gateway as its own process, with the dev issuer', () => {
  const fleet = new ProcessFleet();
  let gateway: string;
  let registration: UpstreamStub;

  beforeAll(async () => {
    registration = await UpstreamStub.start();
    registration.handler = (req, res) => json(res, 200, { items: [], seenAuthorization: req.headers.authorization ?? null });
    const jwksUrl = await fleet.startIssuer();
    const db = await fleet.createDatabase('gateway');
    await fleet.migrate('admin-gateway', db);
    gateway = await fleet.startApp('admin-gateway', {
      DATABASE_URL: db,
      HUB_AUTH_ISSUER: fleet.issuerUrl,
      HUB_AUTH_JWKS_URL: jwksUrl,
      REGISTRATION_URL: registration.url,
      PARTICIPATION_URL: `http://127.0.0.1:${await deadPort()}`, // nothing listens there
    });
  });
  afterAll(async () => {
    await fleet.close();
    await registration?.stop();
  });

  it('a token from the dev issuer CLI is accepted and forwarded; a context that is down is 503 and the process stays up', async () => {
    const olga = await fleet.token('olga', ['fund-officer']);
    const ok = await request(gateway).get('/api/registration/applications').set('authorization', `Bearer ${olga}`);
    expect(ok.status).toBe(200);
    expect(bodyOf<{ seenAuthorization: string }>(ok).seenAuthorization).toBe(`Bearer ${olga}`);
    const down = await request(gateway).get('/api/participation/participations').set('authorization', `Bearer ${olga}`);
    expect(down.status).toBe(503);
    // ADR 0035 §8: the gateway has no broker to report — readiness is its database only.
    expect(bodyOf<{ checks: unknown }>(await request(gateway).get('/health/ready')).checks).toEqual({ database: { status: 'up', required: true } });
  });

  it('writes through it land in the audit trail, which its own auditor can read', async () => {
    const alice = await fleet.token('alice', ['applicant'], ['180340012345']);
    registration.handler = (_req, res) => json(res, 201, { id: '018f0000-0000-7000-8000-0000000000e1' });
    expect((await request(gateway).post('/api/registration/applications').set('authorization', `Bearer ${alice}`).send({})).status).toBe(201);
    const audrey = await fleet.token('audrey', ['auditor']);
    const trail = await request(gateway).get('/api/audit/events?kind=write').set('authorization', `Bearer ${audrey}`);
    expect(trail.status).toBe(200);
    expect(bodyOf<{ items: unknown[] }>(trail).items[0]).toMatchObject({
      subject: 'alice',
      companyBin: '180340012345',
      method: 'POST',
      route: '/api/registration/applications',
      resourceId: '018f0000-0000-7000-8000-0000000000e1',
      status: 201,
    });
  });
});
