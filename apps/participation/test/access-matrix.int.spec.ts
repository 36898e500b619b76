import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { Harness } from './support/harness.js';

/**
 * Route × role matrix of participation's own access checks (issue #8; ADR 0030, ADR 0033; F-35,
 * F-41, F-42). The EXPECTED policy below is written by hand from the rules and the ADRs — it is NOT
 * derived from the controllers' @Endpoint metadata nor from the gateway's route table, so that a
 * wrong declaration in either shows up here. The routes under test come from the app's own
 * OpenAPI document, so a route added without an expected policy fails the first test.
 */
type Policy = 'public' | readonly Role[];

/** F-35: the Fund's people who read a participant's file, and the company's own applicant (filtered by the context). */
const FILE_READERS: readonly Role[] = ['applicant', 'fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'auditor'];
const OFFICER: readonly Role[] = ['fund-officer'];

const EXPECTED: Readonly<Record<string, Policy>> = {
  // term, extension, early termination (F-24 … F-30)
  'GET /participations': FILE_READERS,
  'GET /participations/{id}': FILE_READERS,
  'POST /participations/{id}/extensions': ['applicant', 'fund-officer'], // F-25: the participant applies; the Fund may file for it
  'GET /participations/{id}/extensions': FILE_READERS,
  'POST /participations/{id}/extensions/{extensionId}/decision': OFFICER, // F-25: the Fund decides
  'GET /participations/{id}/extensions/{extensionId}/certificate.pdf': FILE_READERS,
  'POST /participations/{id}/early-terminations': ['applicant', 'fund-officer'], // F-28, F-29 (the applicant: withdrawal only, checked further in)
  'GET /early-terminations': FILE_READERS,
  'POST /early-terminations/{caseId}/commission-decision': ['commission-secretary'], // F-30: the secretary records the Commission's decision
  // membership fees (F-21 … F-23)
  'POST /participations/{id}/income-declarations': ['applicant', 'fund-officer', 'finance-officer'],
  'POST /participations/{id}/annual-income': ['applicant', 'fund-officer', 'finance-officer'],
  'GET /participations/{id}/fees': FILE_READERS,
  'POST /fees/{feeId}/payments': ['finance-officer', 'fund-officer'],
  'POST /fee-payments/imports': ['finance-officer'],
  'GET /fees/arrears': ['fund-officer', 'finance-officer'],
  // reports, non-residents, analytics (F-37, F-39, F-41, F-42)
  'POST /participations/{id}/quarterly-reports/{year}/{quarter}': ['applicant', 'fund-officer'],
  'GET /participations/{id}/quarterly-reports': FILE_READERS,
  'GET /quarterly-reports/overdue': OFFICER,
  'GET /quarterly-reports/{reportId}/non-residents': ['fund-officer', 'applicant'], // F-42: restricted personal data
  'GET /pii-access-log': ['fund-officer', 'auditor'],
  'POST /analytics/quarterly/{year}/{quarter}': OFFICER,
  'GET /analytics/quarterly/{year}/{quarter}': ['fund-officer', 'authorised-body-analyst'], // F-41: the authorised body's analyst reads the analytics, nothing else
  'GET /analytics/quarterly/{year}/{quarter}/report.csv': ['fund-officer', 'authorised-body-analyst'],
  'GET /analytics/quarterly/{year}/{quarter}/report.md': ['fund-officer', 'authorised-body-analyst'],
  // counter-obligations and monitoring (F-32 … F-34, F-36, F-38, F-40)
  'POST /participations/{id}/monitoring-conclusions': OFFICER,
  'GET /participations/{id}/monitoring-conclusions': ['fund-officer', 'commission-member', 'commission-secretary'], // F-30, F-40: the Commission reads them
  'POST /participations/{id}/information-requests': OFFICER,
  'POST /information-requests/{requestId}/answer': ['applicant', 'fund-officer'],
  'GET /information-requests': FILE_READERS,
  'GET /audit-obligations': FILE_READERS,
  'POST /audit-obligations/{obligationId}/opinion': ['applicant', 'fund-officer'],
  'POST /participations/{id}/corporate-notices': ['applicant', 'fund-officer'],
  'GET /participations/{id}/corporate-notices': FILE_READERS, // issue #11: the company's own notices (F-35: another company's → 404) and the Fund's file readers
  'GET /corporate-notices': OFFICER,
  // the deadlines contract (ADR 0033)
  'GET /deadlines': [...FILE_READERS, 'deadline-reader'], // ADR 0106: and the platform's deadline reader (the staff digest)
};

/** The platform's own routes: public, and present or not depending on the platform version. */
const PLATFORM: Readonly<Record<string, Policy>> = {
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /openapi.json': 'public',
  'GET /metrics': 'public',
};

type Caller = Role | 'anonymous';
const CALLERS: readonly Caller[] = [...ROLES, 'anonymous'];

describe('participation access matrix: every route × every role and anonymous (ADR 0030, ADR 0033, F-35)', () => {
  let h: Harness;
  let routes: string[];
  /** What each route declares (`x-hub-access` of the OpenAPI operation: 'public' when absent). */
  const declared = new Map<string, unknown>();
  const tokens = new Map<Role, string>();
  let participationId: string;

  beforeAll(async () => {
    h = await Harness.start({ prefix: 'part_access' });
    const { id, bin } = await h.register();
    participationId = id;
    for (const role of ROLES)
      tokens.set(role, await h.issuer.issue({ sub: `matrix-${role}`, roles: [role], ...(role === 'applicant' ? { companies: [bin] } : {}) }));
    const doc = (await h.http().get('/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((verb) => `${verb.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`));
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [verb, op] of Object.entries(ops))
        declared.set(`${verb.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`, (op as { 'x-hub-access'?: unknown })['x-hub-access'] ?? 'public');
    }
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('every route the app serves has a hand-written expected policy, and every expected route exists', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => !(r in EXPECTED) && !(r in PLATFORM))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it("each route DECLARES the expected roles (OpenAPI x-hub-access) — not 'authenticated' with a check hidden in the handler (F-35, F-21 fees)", () => {
    const wrong = Object.entries(EXPECTED)
      .filter(([route]) => declared.has(route))
      .filter(([route, policy]) => {
        const d = declared.get(route);
        return policy === 'public' ? d !== 'public' : !Array.isArray(d) || [...(d as string[])].sort().join() !== [...policy].sort().join();
      })
      .map(([route]) => `${route}: declares ${JSON.stringify(declared.get(route))}`);
    expect(wrong).toEqual([]);
  });

  /** A concrete URL: the applicant's own participation, a plausible quarter, unknown ids elsewhere (allowed callers then get 404/400, never 401/403). */
  const urlOf = (route: string): string =>
    route
      .split(' ')[1]!
      .replace('{id}', participationId)
      .replace('{year}', '2026')
      .replace('{quarter}', '1')
      .replace(/\{\w+\}/g, () => uuidv7());

  const send = (route: string, caller: Caller) => {
    const [verb] = route.split(' ');
    const url = urlOf(route);
    const req = verb === 'POST' ? h.http().post(url).send({}) : h.http().get(url);
    return caller === 'anonymous' ? req : req.set('authorization', `Bearer ${tokens.get(caller)!}`);
  };

  it('each caller gets what the expected policy says: allowed → through the door (not 401/403); other roles → 403; anonymous → 401', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const policy = EXPECTED[route] ?? PLATFORM[route]!;
      if (route === 'GET /health/ready') continue; // depends on the broker's state, not on access; public either way (checked below)
      for (const caller of CALLERS) {
        const res = await send(route, caller);
        const allowed = policy === 'public' || (caller !== 'anonymous' && policy.includes(caller));
        const ok = allowed ? res.status !== 401 && res.status !== 403 : res.status === (caller === 'anonymous' ? 401 : 403);
        if (!ok) mismatches.push(`${route} as ${caller}: ${res.status} (expected ${allowed ? 'allowed' : caller === 'anonymous' ? '401' : '403'})`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('the readiness probe is public (no token needed)', async () => {
    const res = await h.http().get('/health/ready');
    expect([200, 503]).toContain(res.status);
  });
});
