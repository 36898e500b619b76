import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@hub/contracts';
import { OpenApiGenerator } from '@hub/nest-commons';
import { ROUTE_TABLE, STATE_CHANGING } from '../src/access/route-table.js';
import { BIN_A, BIN_B, type GatewayHarness, startGateway } from './support/gateway-harness.js';

type Caller = Role | 'anonymous';
const CALLERS: readonly Caller[] = ['anonymous', ...ROLES];
const ID = '018f0000-0000-7000-8000-0000000000b1';

const fill = (path: string, bin: string) => path.replace(/:bin\b/g, bin).replace(/:[A-Za-z]+/g, ID);

/**
 * The gateway's own routes, written out by hand (not derived from the code): route → the callers
 * that get through. Every own route must be here (checked against the OpenAPI document below).
 */
const OWN_ROUTES: Record<string, readonly Caller[]> = {
  [`GET /api/companies/${BIN_A}/overview`]: ['applicant', 'fund-officer', 'commission-member', 'commission-secretary', 'finance-officer', 'auditor'],
  'GET /api/deadlines': ['fund-officer', 'commission-member', 'commission-secretary', 'finance-officer', 'housing-manager', 'training-officer', 'auditor'],
  'GET /api/audit/events': ['auditor'],
  'GET /api/openapi.json': CALLERS,
  'GET /openapi.json': CALLERS,
  'GET /health/live': CALLERS,
  'GET /health/ready': CALLERS,
  'GET /metrics': CALLERS,
};

describe('authorisation matrix: every gateway route × every role', () => {
  let gw: GatewayHarness;
  const tokens = new Map<Caller, string>();

  beforeAll(async () => {
    gw = await startGateway();
    for (const role of ROLES) tokens.set(role, await gw.token(role, { sub: `matrix-${role}`, companies: [BIN_A] }));
  });
  afterAll(async () => gw?.close());
  beforeEach(() => {
    gw.registration.reset();
    gw.participation.reset();
  });

  const call = (method: string, path: string, caller: Caller) => {
    const r = request(gw.app.getHttpServer())[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path);
    const t = tokens.get(caller);
    if (t) r.set('authorization', `Bearer ${t}`);
    return STATE_CHANGING.has(method) ? r.send({}) : r;
  };

  it('F-35 / ADR 0030: every proxied route × every caller — allowed calls reach the context, denied ones get 401/403 and never do', async () => {
    const outcomes: string[] = [];
    for (const route of ROUTE_TABLE) {
      const path = `/api/${route.upstream}${fill(route.path, BIN_A)}`;
      for (const caller of CALLERS) {
        const allowed = route.access === 'public' || (caller !== 'anonymous' && (route.access === 'authenticated' || route.access.includes(caller)));
        const stub = route.upstream === 'registration' ? gw.registration : gw.participation;
        const before = stub.seen.length;
        const res = await call(route.method, path, caller);
        const reached = stub.seen.length > before;
        const expected = allowed ? 200 : caller === 'anonymous' ? 401 : 403;
        outcomes.push(`${route.method} ${path} ${caller}: ${res.status}${reached ? ' reached' : ''}`);
        expect(`${route.method} ${route.path} as ${caller} → ${res.status}`).toBe(`${route.method} ${route.path} as ${caller} → ${expected}`);
        expect(reached).toBe(allowed);
      }
    }
    expect(outcomes).toHaveLength(ROUTE_TABLE.length * CALLERS.length);
  });

  it('every own route × every caller matches the hand-written matrix', async () => {
    for (const [key, allowedCallers] of Object.entries(OWN_ROUTES)) {
      const [method, path] = key.split(' ') as [string, string];
      for (const caller of CALLERS) {
        const res = await call(method, path, caller);
        const allowed = allowedCallers.includes(caller);
        const got = res.status === 401 ? 'unauthenticated' : res.status === 403 ? 'denied' : res.status < 400 ? 'allowed' : `status ${res.status}`;
        expect(`${key} as ${caller}: ${got}`).toBe(`${key} as ${caller}: ${allowed ? 'allowed' : caller === 'anonymous' ? 'unauthenticated' : 'denied'}`);
      }
    }
  });

  it('the hand-written matrix covers every route the gateway itself declares', () => {
    const doc = gw.app.get(OpenApiGenerator).document() as { paths: Record<string, Record<string, unknown>> };
    const declared = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((verb) => `${verb.toUpperCase()} ${p.replace('{bin}', BIN_A)}`));
    expect(declared.sort()).toEqual(Object.keys(OWN_ROUTES).sort());
  });

  it('F-35: an applicant naming another company (path or list filter) is refused by the gateway before any context sees it', async () => {
    const scoped = ROUTE_TABLE.filter((r) => (r.companyParam || r.companyQuery) && Array.isArray(r.access) && r.access.includes('applicant'));
    expect(scoped.length).toBeGreaterThan(0);
    for (const route of scoped) {
      const stub = route.upstream === 'registration' ? gw.registration : gw.participation;
      const path = `/api/${route.upstream}${fill(route.path, BIN_B)}${route.companyQuery ? `?${route.companyQuery}=${BIN_B}` : ''}`;
      const before = stub.seen.length;
      const res = await call(route.method, path, 'applicant');
      expect(`${route.method} ${path} for another company → ${res.status}`).toBe(`${route.method} ${path} for another company → 403`);
      expect(stub.seen.length).toBe(before);
      // …its own company passes (the context filters again)
      expect((await call(route.method, path.replaceAll(BIN_B, BIN_A), 'applicant')).status).toBe(200);
      // …and a repeated filter cannot smuggle another company in
      if (route.companyQuery) expect((await call(route.method, `${path.replaceAll(BIN_B, BIN_A)}&${route.companyQuery}=${BIN_B}`, 'applicant')).status).toBe(403);
    }
    expect((await call('GET', `/api/companies/${BIN_B}/overview`, 'applicant')).status).toBe(403);
  });

  describe('policy invariants of the route table (reviewed by these, not by hope)', () => {
    const writes = ROUTE_TABLE.filter((r) => STATE_CHANGING.has(r.method));
    it('the auditor is read-only: no state-changing route admits it', () => {
      expect(writes.filter((r) => r.access === 'public' || r.access === 'authenticated' || r.access.includes('auditor')).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    });
    it('no state-changing route is public or open to any authenticated caller', () => {
      expect(writes.filter((r) => !Array.isArray(r.access)).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    });
    it("F-35, F-41: the authorised body's analyst reaches only the quarterly analytics, never a company's file", () => {
      const analyst = ROUTE_TABLE.filter((r) => Array.isArray(r.access) && r.access.includes('authorised-body-analyst'));
      expect(analyst.length).toBeGreaterThan(0);
      expect(analyst.filter((r) => !r.path.startsWith('/analytics/') || r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual([]);
    });
    it('F-42: restricted personal data is open only to the company itself and Fund officers', () => {
      const restricted = ROUTE_TABLE.filter((r) => r.restrictedPersonalData);
      expect(restricted.map((r) => `${r.upstream} ${r.path}`)).toEqual(['participation /quarterly-reports/:reportId/non-residents']);
      for (const r of restricted) expect([...(r.access as Role[])].sort()).toEqual(['applicant', 'fund-officer']);
    });
    it('housing managers and training officers reach neither registration nor participation files (least privilege)', () => {
      expect(ROUTE_TABLE.filter((r) => Array.isArray(r.access) && (r.access.includes('housing-manager') || r.access.includes('training-officer'))).map((r) => r.path)).toEqual([]);
    });
    it('every route that names a company is company-scoped for applicants', () => {
      expect(ROUTE_TABLE.filter((r) => r.path.includes(':bin') && !r.companyParam).map((r) => r.path)).toEqual([]);
    });
  });
});
