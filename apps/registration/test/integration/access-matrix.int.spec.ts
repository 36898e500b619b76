import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { type Harness, newBin, startHarness } from '../support/registration-harness.js';

/**
 * Route × role matrix of registration's own access checks (issue #8; ADR 0030, ADR 0033; F-35).
 * The EXPECTED policy below is written by hand from the rules and the ADRs — it is NOT derived
 * from the controllers' @Endpoint metadata nor from the gateway's route table, so that a wrong
 * declaration in either shows up here. The routes under test come from the app's own OpenAPI
 * document, so a route added without an expected policy fails the first test.
 */
type Policy = 'public' | readonly Role[];

const APPLICANT: readonly Role[] = ['applicant'];
const OFFICER: readonly Role[] = ['fund-officer'];
/** F-12 … F-17: who works on applications — the Fund's officers and the selection Commission (F-13). */
const REVIEWERS: readonly Role[] = ['fund-officer', 'commission-member', 'commission-secretary'];
/** F-35: the Fund's people who read a participant's file. Never the authorised-body analyst (outside the Fund, ADR 0033), nor housing or training staff. */
const FILE_READERS: readonly Role[] = ['fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'auditor'];

const EXPECTED: Readonly<Record<string, Policy>> = {
  // the applicant's side (F-8 … F-11, F-14, F-20); an applicant reaches only its own companies (404 otherwise)
  'POST /applications': APPLICANT,
  'GET /applications': [...APPLICANT, ...REVIEWERS],
  'GET /applications/{id}': [...APPLICANT, ...REVIEWERS],
  'PATCH /applications/{id}': APPLICANT,
  'POST /applications/{id}/submit': APPLICANT,
  'POST /applications/{id}/resubmit': APPLICANT,
  // the Fund officer (F-10, F-12 … F-14, F-17 … F-19)
  'GET /review-queue': OFFICER,
  'POST /applications/{id}/remarks': OFFICER,
  'POST /applications/{id}/send-to-commission': OFFICER,
  'POST /applications/{id}/notification': OFFICER,
  'POST /applications/{id}/contract': OFFICER,
  'POST /applications/{id}/certificate': OFFICER,
  'GET /applications/{id}/certificate.pdf': [...OFFICER, ...APPLICANT],
  'POST /applications/{id}/listing': OFFICER,
  'GET /translation-tasks': OFFICER,
  'POST /translation-tasks/{id}/complete': OFFICER,
  // the Commission (F-13, F-15, F-16, F-20): members vote, the secretary records the protocol
  'GET /commission/agenda': REVIEWERS,
  'POST /applications/{id}/votes': ['commission-member'],
  'POST /applications/{id}/decision': ['commission-secretary'],
  // the deadlines contract (ADR 0033): the participant-file readers and the company for its own
  'GET /deadlines': [...APPLICANT, ...FILE_READERS],
  // participants (F-18, F-9(3), F-35)
  'GET /participants/{bin}': [...APPLICANT, ...FILE_READERS],
  'POST /participants/{bin}/address': APPLICANT,
  // the public registry (F-19) and the activity-type list (F-7(7))
  'GET /registry': 'public',
  'GET /registry/export': 'public',
  'GET /registry/certificates/{number}': 'public',
  'GET /activity-types': 'public',
};

/** The platform's own routes: public. */
const PLATFORM: Readonly<Record<string, Policy>> = {
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /openapi.json': 'public',
  'GET /metrics': 'public',
};

type Caller = Role | 'anonymous';
const CALLERS: readonly Caller[] = [...ROLES, 'anonymous'];

describe('registration access matrix: every route × every role and anonymous (ADR 0030, ADR 0033, F-35)', () => {
  let h: Harness;
  let routes: string[];
  const tokens = new Map<Role, string>();
  const bin = newBin();

  beforeAll(async () => {
    h = await startHarness('reg_access');
    for (const role of ROLES)
      tokens.set(role, await h.issuer.issue({ sub: `matrix-${role}`, roles: [role], ...(role === 'applicant' ? { companies: [bin] } : {}) }));
    const doc = (await h.http().get('/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((verb) => `${verb.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`));
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('every route the app serves has a hand-written expected policy, and every expected route exists', () => {
    expect(routes.length).toBeGreaterThanOrEqual(Object.keys(EXPECTED).length);
    expect(routes.filter((r) => !(r in EXPECTED) && !(r in PLATFORM))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((r) => !routes.includes(r))).toEqual([]);
  });

  /** A concrete URL: the applicant's own BIN, unknown ids elsewhere (allowed callers then get 404/422, never 401/403). */
  const urlOf = (route: string): string =>
    route
      .split(' ')[1]!
      .replace('{bin}', bin)
      .replace('{number}', 'AH-2026-99999')
      .replace(/\{\w+\}/g, () => uuidv7());

  const send = (route: string, caller: Caller) => {
    const [verb] = route.split(' ');
    const url = urlOf(route);
    const req = verb === 'POST' ? h.http().post(url).send({}) : verb === 'PATCH' ? h.http().patch(url).send({}) : h.http().get(url);
    return caller === 'anonymous' ? req : req.set('authorization', `Bearer ${tokens.get(caller)!}`);
  };

  it('each caller gets what the expected policy says: allowed → through the door (not 401/403); other roles → 403; anonymous → 401', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      if (route === 'GET /health/ready') continue; // depends on the broker's state, not on access (checked below)
      const policy = EXPECTED[route] ?? PLATFORM[route]!;
      for (const caller of CALLERS) {
        const res = await send(route, caller);
        const allowed = policy === 'public' || (caller !== 'anonymous' && policy.includes(caller));
        const ok = allowed ? res.status !== 401 && res.status !== 403 : res.status === (caller === 'anonymous' ? 401 : 403);
        if (!ok) mismatches.push(`${route} as ${caller}: ${res.status} (expected ${allowed ? 'allowed' : caller === 'anonymous' ? '401' : '403'})`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('ADR 0033: the authorised-body analyst is refused on the application list and the deadline board', async () => {
    const analyst = tokens.get('authorised-body-analyst')!;
    expect((await h.http().get('/applications').set('authorization', `Bearer ${analyst}`)).status).toBe(403);
    expect((await h.http().get('/deadlines').set('authorization', `Bearer ${analyst}`)).status).toBe(403);
  });

  it('the readiness probe is public (no token needed)', async () => {
    const res = await h.http().get('/health/ready');
    expect([200, 503]).toContain(res.status);
  });
});
