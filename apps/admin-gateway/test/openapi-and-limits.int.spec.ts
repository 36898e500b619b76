import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_TABLE } from '../src/access/route-table.js';
import { BIN_A, type GatewayHarness, startGateway } from './support/gateway-harness.js';
import { deadPort, json } from './support/upstream-stub.js';
import { bodyOf } from './support/body.js';

interface MergedDocument {
  readonly paths: Record<string, Record<string, Record<string, unknown>>>;
  readonly components: { readonly schemas: Record<string, unknown> };
  readonly 'x-hub-upstreams': readonly { readonly name: string; readonly openapi: string }[];
}

describe('merged OpenAPI and per-caller rate limits', () => {
  let gw: GatewayHarness;

  beforeAll(async () => {
    // participation is down: its routes must still be listed (undocumented), the document still served.
    gw = await startGateway({ HUB_GATEWAY_RATE_BURST: '3', HUB_GATEWAY_RATE_PER_MINUTE: '6' }, { participation: `http://127.0.0.1:${await deadPort()}` });
    gw.registration.handler = (req, res) => {
      if (req.url !== '/openapi.json') return json(res, 200, {});
      return json(res, 200, {
        openapi: '3.0.3',
        paths: {
          '/applications': {
            post: {
              operationId: 'ApplicationsController.create',
              summary: 'Create a draft',
              tags: ['applications'],
              responses: { '201': { description: 'OK' } },
            },
          },
          '/applications/{id}/certificate.pdf': { get: { operationId: 'FundOfficer.certificate', summary: 'PDF', responses: {} } },
          '/applications/{id}': { get: { operationId: 'ApplicationsController.get', summary: 'One application', responses: { '200': { description: 'OK' } } } },
          '/internal/reindex': { post: { operationId: 'Internal.reindex', summary: 'not for the gateway', responses: {} } },
        },
        components: { schemas: { Problem: { type: 'object' }, Application: { type: 'object' } } },
      });
    };
  });
  afterAll(async () => gw?.close());

  it("lists the gateway's own routes and every route-table route under /api/<context>, with the gateway's access rule; nothing undeclared", async () => {
    const res = await gw.http().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = bodyOf<MergedDocument>(res);
    const paths = doc.paths;
    expect(paths['/api/companies/{bin}/overview']?.get).toBeDefined();
    expect(paths['/api/audit/events']?.get?.['x-hub-access']).toEqual(['auditor']);
    expect(paths['/api/registration/applications']?.post).toMatchObject({
      operationId: 'registration.ApplicationsController.create',
      summary: 'Create a draft',
      'x-hub-gateway-access': ['applicant'],
    });
    expect(paths['/api/registration/registry']?.get).toMatchObject({ 'x-hub-gateway-access': 'public', 'x-hub-upstream-undocumented': true });
    // ADR 0038: every state-changing call declares the Idempotency-Key header; reads do not.
    const headerNames = (op: unknown) =>
      ((op as { parameters?: { name: string; in: string }[] }).parameters ?? []).filter((x) => x.in === 'header').map((x) => x.name);
    expect(headerNames(paths['/api/registration/applications']?.post)).toContain('Idempotency-Key');
    expect(headerNames(paths['/api/registration/registry']?.get)).not.toContain('Idempotency-Key');
    expect(paths['/api/registration/internal/reindex']).toBeUndefined();
    expect(paths['/api/registration/applications/{id}/certificate.pdf']?.get).toMatchObject({
      operationId: 'registration.FundOfficer.certificate',
      'x-hub-gateway-access': ['fund-officer', 'applicant'],
    });
    expect(paths['/api/participation/quarterly-reports/{reportId}/non-residents']?.get).toMatchObject({ 'x-hub-restricted-personal-data': true });
    const upstreams = [...new Set(ROUTE_TABLE.map((r) => r.upstream))];
    const proxied = Object.entries(paths).flatMap(([p, ops]) => (upstreams.some((u) => p.startsWith(`/api/${u}/`)) ? Object.keys(ops) : []));
    expect(proxied).toHaveLength(ROUTE_TABLE.length);
    expect(doc.components.schemas.Application).toEqual({ type: 'object' });
    expect(doc['x-hub-upstreams'].map((u) => u.name)).toEqual(upstreams);
    expect(doc['x-hub-upstreams'][0]).toMatchObject({ name: 'registration', openapi: 'ok' });
    expect(doc['x-hub-upstreams'][1]?.openapi).toMatch(/unreachable/);
  });

  it('rate limit per caller (token subject): the 4th call in a burst of 3 gets 429 with Retry-After; another caller is unaffected', async () => {
    const olga = await gw.token('fund-officer', { sub: 'olga-rl' });
    const other = await gw.token('fund-officer', { sub: 'oleg-rl' });
    const call = (t: string) => gw.http().get('/api/registration/applications').set('authorization', `Bearer ${t}`);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(olga)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await call(olga);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await call(other)).status).toBe(200);
    // the same bucket covers the gateway's own routes
    const own = await gw.http().get(`/api/companies/${BIN_A}/overview`).set('authorization', `Bearer ${olga}`);
    expect(own.status).toBe(429);
    expect(own.headers['retry-after']).toBeDefined();
    // health probes are never limited
    expect((await gw.http().get('/health/live')).status).toBe(200);
  });
});
