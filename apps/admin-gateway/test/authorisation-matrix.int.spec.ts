import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROLES, type Role, SERVICE_ROLES } from '@hub/contracts';
import { OpenApiGenerator } from '@hub/nest-commons';
import { ROUTE_TABLE, STATE_CHANGING } from '../src/access/route-table.js';
import { BIN_A, BIN_B, type GatewayHarness, startGateway } from './support/gateway-harness.js';

type Caller = Role | 'anonymous';
/** Every person role, every platform worker's role (ADR 0106) and no token at all. */
const CALLERS: readonly Caller[] = ['anonymous', ...ROLES, ...SERVICE_ROLES];
const ID = '018f0000-0000-7000-8000-0000000000b1';

const fill = (path: string, bin: string) => path.replace(/:bin\b/g, bin).replace(/:[A-Za-z]+/g, ID);

// ---- The expected policy, written by hand from the rules (ADR 0030, 0033, F-35, F-41, F-42) ------
// Deliberately NOT derived from ROUTE_TABLE nor from the role groups of @hub/contracts: a wrong
// table (or a wrong group) makes this test fail instead of agreeing with itself.
const A: Role = 'applicant';
const FO: Role = 'fund-officer';
const FIN: Role = 'finance-officer';
const CM: Role = 'commission-member';
const CS: Role = 'commission-secretary';
const AUD: Role = 'auditor';
const AN: Role = 'authorised-body-analyst';
/** A company's file (F-35): the company itself and the Fund's people who work on files — never housing, training or the authorised body. */
const FILE: readonly Role[] = [A, FO, FIN, CM, CS, AUD];
/** ADR 0113: the cluster selection's roles, which reach an office's documents. */
const CLUSTER_OFFICES: readonly Role[] = ['cluster-organiser', 'cluster-expert', 'cluster-commission-secretary', 'cluster-commission-member'];
/** Who reviews applications (F-12 … F-17): officers and the Commission. */
const REVIEW: readonly Role[] = [FO, CM, CS];
/** ADR 0106: the platform worker that reads deadlines (notifications' staff digest) — every GET /deadlines and nothing else. */
const DR: Role = 'deadline-reader';
type Expected = 'public' | readonly Role[];

/** `<context> <METHOD> <path>` → who gets through (everyone else: 401 anonymous, 403 with a token). */
const EXPECTED_POLICY: Record<string, Expected> = {
  // registration
  'registration GET /registry': 'public',
  'registration GET /registry/export': 'public',
  'registration GET /registry/certificates/:number': 'public',
  'registration GET /activity-types': 'public',
  'registration POST /applications': [A],
  'registration GET /applications': [A, ...REVIEW], // not the analyst (F-35, F-41)
  'registration GET /applications/:id': [A, ...REVIEW],
  'registration PATCH /applications/:id': [A],
  'registration POST /applications/:id/submit': [A],
  'registration POST /applications/:id/resubmit': [A],
  'registration GET /review-queue': [FO],
  'registration GET /deadlines': [...FILE, DR], // not the analyst: deadlines name companies
  'registration GET /participants/:bin': FILE,
  'registration POST /participants/:bin/address': [A],
  'registration POST /applications/:id/remarks': [FO],
  'registration POST /applications/:id/send-to-commission': [FO],
  'registration POST /applications/:id/notification': [FO],
  'registration POST /applications/:id/contract': [FO],
  'registration POST /applications/:id/certificate': [FO],
  'registration GET /applications/:id/certificate.pdf': [A, FO],
  'registration POST /applications/:id/listing': [FO],
  'registration GET /translation-tasks': [FO],
  'registration POST /translation-tasks/:id/complete': [FO],
  'registration GET /commission/agenda': REVIEW,
  'registration POST /applications/:id/votes': [CM],
  'registration POST /applications/:id/decision': [CS],
  // participation
  'participation GET /participations': FILE,
  'participation GET /participations/:id': FILE,
  'participation POST /participations/:id/extensions': [A, FO],
  'participation GET /participations/:id/extensions': FILE,
  'participation POST /participations/:id/extensions/:extensionId/decision': [FO],
  'participation GET /participations/:id/extensions/:extensionId/certificate.pdf': FILE,
  'participation POST /participations/:id/early-terminations': [A, FO],
  'participation GET /early-terminations': FILE,
  'participation POST /early-terminations/:caseId/commission-decision': [CS],
  'participation POST /participations/:id/income-declarations': [A, FO, FIN],
  'participation POST /participations/:id/annual-income': [A, FO, FIN],
  'participation GET /participations/:id/fees': FILE,
  'participation POST /fees/:feeId/payments': [FO, FIN],
  'participation POST /fee-payments/imports': [FIN],
  'participation GET /fees/arrears': [FO, FIN],
  'participation POST /participations/:id/quarterly-reports/:year/:quarter': [A, FO],
  'participation GET /participations/:id/quarterly-reports': FILE,
  'participation GET /quarterly-reports/overdue': [FO],
  'participation GET /quarterly-reports/:reportId/non-residents': [A, FO], // F-42
  'participation GET /pii-access-log': [FO, AUD],
  'participation POST /analytics/quarterly/:year/:quarter': [FO],
  'participation GET /analytics/quarterly/:year/:quarter': [FO, AN], // F-41: the analyst's only routes
  'participation GET /analytics/quarterly/:year/:quarter/report.csv': [FO, AN],
  'participation GET /analytics/quarterly/:year/:quarter/report.md': [FO, AN],
  'participation POST /participations/:id/monitoring-conclusions': [FO],
  'participation GET /participations/:id/monitoring-conclusions': REVIEW,
  'participation POST /participations/:id/information-requests': [FO],
  'participation POST /information-requests/:requestId/answer': [A, FO],
  'participation GET /information-requests': FILE,
  'participation GET /audit-obligations': FILE,
  'participation POST /audit-obligations/:obligationId/opinion': [A, FO],
  'participation POST /participations/:id/corporate-notices': [A, FO],
  'participation GET /participations/:id/corporate-notices': FILE, // issue #11: the company's own F-34 notices (the context answers another company 404, F-35)
  'participation GET /corporate-notices': [FO],
  'participation GET /deadlines': [...FILE, DR],
  // documents (ADR 0045 §7): a company's documents are its file (F-35) — read by the company and the
  // file readers (restricted F-42 kinds are narrowed per document inside the context); uploading and
  // attaching by the company or a fund officer on its behalf (no auditor: no state change); storing
  // what the Fund issued by a fund officer only.
  // ADR 0110: the housing manager too — inside the context only for the kind it handles (the Fund's dwelling acts)
  // ADR 0113: the cluster roles for an office's documents (the context narrows them to the kinds naming them)
  'documents POST /documents/uploads': [A, FO, 'housing-manager', 'cluster-organiser', 'cluster-expert', 'cluster-commission-secretary'],
  'documents POST /documents/:id/complete': [A, FO, 'housing-manager', 'cluster-organiser', 'cluster-expert', 'cluster-commission-secretary'],
  'documents POST /documents/:id/attach': [A, FO, 'housing-manager', 'cluster-organiser', 'cluster-expert', 'cluster-commission-secretary'],
  'documents GET /documents': [...FILE, 'housing-manager', ...CLUSTER_OFFICES], // not the analyst or training (F-35, F-41)
  'documents GET /documents/:id': [...FILE, 'housing-manager', ...CLUSTER_OFFICES],
  'documents GET /documents/:id/download': [...FILE, 'housing-manager', ...CLUSTER_OFFICES], // a GET: the auditor reads files; the context logs every grant
  'documents POST /issued-documents': ['document-issuer'], // ADR 0106: the issuing context as itself, never a person
  // services (issue #12): what F-55 publishes is public; the Fund reviews (F-51); finance and the auditor read applications and contracts
  'services GET /services': 'public',
  'services GET /services/:id': 'public',
  'services POST /services': [FO],
  'services POST /services/:id/prices': [FO, FIN], // F-56: the Fund's internal price document
  'services GET /calls': 'public',
  'services GET /calls/:id': 'public',
  'services POST /calls': [FO],
  'services POST /service-applications': [A], // F-47: the recipient files
  'services GET /service-applications': [A, FO, FIN, AUD],
  'services GET /service-applications/:id': [A, FO, FIN, AUD],
  'services POST /service-applications/:id/remarks': [FO], // F-52
  'services POST /service-applications/:id/resubmission': [A],
  'services POST /service-applications/:id/decision': [FO], // F-51, F-53
  'services POST /service-applications/:id/contract': [FO],
  'services POST /service-applications/:id/translation': [FO], // F-49
  'services POST /cohorts': [FO], // F-44
  'services GET /cohorts': [FO, FIN, AUD], // the enrolments carry IINs (F-42)
  'services GET /cohorts/:id': [FO, FIN, AUD],
  'services POST /cohorts/:id/enrolments': [FO], // F-44 capacity, F-55 contract
  'services POST /cohorts/:id/enrolments/:enrolmentId/expulsion': [FO],
  'services POST /cohorts/:id/enrolments/:enrolmentId/completion': [FO],
  'services GET /deadlines': [...FILE, DR], // ADR 0033: an applicant sees its own reviews
  'services POST /purchases': [FO, FIN], // F-56 ¶2
  'services GET /purchases': [FO, FIN, AUD],
  'services GET /purchases/:id': [FO, FIN, AUD],
  'services POST /purchases/:id/offers': [FO, FIN],
  'services POST /purchases/:id/choice': [FO],
  'services POST /service-applications/:id/invoices': [FIN], // F-55, ADR 0066: finance invoices
  'services GET /invoices': [A, FO, FIN, AUD], // a recipient its own
  'services GET /invoices/:id': [A, FO, FIN, AUD],
  'services POST /invoices/:id/payments': [FIN],
  'services POST /invoices/:id/cancellation': [FIN],
  'services POST /invoice-payments/imports': [FIN],
  'services POST /service-applications/:id/delivery-acts': [FO],
  'services GET /delivery-acts': [A, FO, FIN, AUD],
  'services GET /delivery-acts/:id': [A, FO, FIN, AUD],
  'services POST /delivery-acts/:id/answer': [A], // the recipient answers its act
  // training (issue #13, by hand from the rules): the Fund's training officer announces intakes (F-64); only the company applies (F-65, F-77); reads F-35
  'training POST /intakes': ['training-officer'], // F-64
  'training GET /intakes': [A, FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD], // announced publicly (F-64)
  'training GET /intakes/:id': [A, FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD],
  'training POST /provider-applications': [A], // F-65, F-77
  'training GET /provider-applications': [A, FO, FIN, CS, 'housing-manager', 'training-officer', AUD], // the company (F-35) and the Fund's staff
  'training GET /provider-applications/:id': [A, FO, FIN, CS, 'housing-manager', 'training-officer', AUD],
  'training POST /provider-applications/:id/completeness-review': ['training-officer'], // F-68
  'training GET /provider-applications/:id/completeness-reviews': [FO, FIN, CS, 'housing-manager', 'training-officer', AUD], // F-68: the Fund's staff
  'training POST /provider-applications/:id/remarks': ['training-officer'], // F-70
  'training POST /provider-applications/:id/remarks/fix': [A], // F-71: the company itself
  'training GET /provider-applications/:id/notices': [A, FO, FIN, CS, 'housing-manager', 'training-officer', AUD], // F-35: the company and the Fund's staff
  'training POST /intakes/:id/commission/members': ['training-officer'], // F-69
  'training GET /intakes/:id/commission': [FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD], // F-69
  'training POST /intakes/:id/commission/declaration': [CM], // F-69: the member
  'training GET /intakes/:id/commission/applications': [CM], // F-69: declared members only (409 before)
  'training GET /intakes/:id/commission/schedule': [FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD], // F-72
  'training POST /provider-applications/:id/presentation': [CS], // F-72
  'training POST /provider-applications/:id/votes': [CM], // F-72
  'training POST /intakes/:id/commission/decision': [CS], // F-72, F-73
  'training GET /intakes/:id/commission/protocol': [FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD], // F-72
  'training GET /intakes/:id/quota-calculation': [A, FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD], // F-73: transparent
  'training GET /intakes/:id/quota-calculation.csv': [A, FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD], // F-73
  'training POST /provider-applications/:id/decision-notice': ['training-officer'], // F-74
  'training POST /provider-applications/:id/contract': ['training-officer'], // F-75
  'training PUT /provider-applications/:id/trainees': [A], // F-76: the company itself
  'training GET /provider-applications/:id/trainees': [A, 'training-officer'], // F-42: personal data
  'training GET /deadlines': [FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD, DR], // ADR 0033, F-68
  // clusters (issue #15): the rule sets and announcements are public (C-5); the organiser announces and checks (C-3, C-12); a participant files, changes, withdraws and reads its own (C-6 … C-11, C-2)
  'clusters GET /rule-sets': 'public',
  'clusters POST /rounds': ['cluster-organiser'],
  'clusters GET /rounds': 'public',
  'clusters GET /rounds/:id': 'public',
  'clusters POST /rounds/:id/commission': ['cluster-organiser'], // C-2, C-19: the organiser forms the Commission
  'clusters GET /rounds/:id/commission': ['cluster-organiser', 'cluster-commission-member', 'cluster-commission-secretary'], // C-19, C-20: votes and protocol
  'clusters POST /rounds/:id/votes': ['cluster-commission-member'], // C-19: one vote per member and application
  'clusters POST /rounds/:id/protocol': ['cluster-commission-secretary'], // C-20: the Commission's protocol
  'clusters POST /rounds/:id/results': ['cluster-organiser'], // C-21
  'clusters GET /rounds/:id/results': 'public', // C-21: published results
  'clusters POST /applications': [A],
  'clusters GET /applications': [A, 'cluster-organiser', 'cluster-expert'], // C-13: the institute reads those sent to it
  'clusters GET /applications/:id': [A, 'cluster-organiser', 'cluster-expert'],
  'clusters POST /applications/:id/revisions': [A],
  'clusters POST /applications/:id/withdrawal': [A],
  'clusters POST /applications/:id/compliance': ['cluster-organiser'],
  // the expert stage (C-13 … C-18): the organiser sends and puts before the Commission; the institute's experts analyse, compare and hand over
  'clusters POST /applications/:id/institute-transfer': ['cluster-organiser'], // C-13
  'clusters POST /applications/:id/expert-opinion': ['cluster-expert'], // C-14, C-15
  'clusters POST /rounds/:id/comparative-assessment': ['cluster-expert'], // C-14, C-16
  'clusters POST /rounds/:id/opinions-to-organiser': ['cluster-expert'], // C-17
  'clusters POST /rounds/:id/opinions-to-commission': ['cluster-organiser'], // C-18
  'clusters GET /rounds/:id/expert-review': ['cluster-organiser', 'cluster-expert', 'cluster-commission-member', 'cluster-commission-secretary'],
  'clusters GET /deadlines': ['cluster-organiser', FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD, DR],
  // notifications (issue #16): the in-portal inbox and the notice preferences are the applicant's, for the companies in the token (F-35)
  'notifications GET /inbox': [A],
  'notifications POST /inbox/:id/read': [A],
  'notifications GET /recipients/:bin/preferences': [A],
  'notifications PUT /recipients/:bin/preferences': [A],
  'notifications GET /me/notification-settings': [A, CM, 'cluster-commission-member'], // ADR 0114 §3; ADR 0138 §3: the Commission members' digest switch
  'notifications PUT /me/notification-settings': [A, CM, 'cluster-commission-member'],
  'notifications PUT /me/contact': [A, CM, 'cluster-commission-member'], // ADR 0145: the shell's hello after sign-in — the persons notifications tells something, never the staff
  'notifications GET /messages': [FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD], // the message log: the Fund's staff
  'notifications GET /messages/dead-letters': [FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD], // ADR 0104: the dead letters, read by the Fund's staff
  'notifications POST /messages/:id/resend': [FO, 'training-officer', 'housing-manager'], // ADR 0104: only the officers who answer for the correspondence act on them
  // housing (issue #14): the housing manager keeps inventory, offers and acts; a person in acceleration (an applicant acting for themselves) asks, accepts, declines and reads their own; the Fund's staff read (no personal data)
  'housing POST /buildings': ['housing-manager'],
  'housing GET /buildings': [FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD],
  'housing POST /buildings/:id/units': ['housing-manager'],
  'housing GET /units': [FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD],
  'housing POST /units/:id/out-of-service': ['housing-manager'],
  'housing POST /housing-requests': [A], // F-59
  'housing GET /housing-requests': [A, FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD],
  'housing GET /housing-requests/:id': [A, FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD],
  'housing GET /housing-requests/:id/personal-data': [A, 'housing-manager'], // F-42: the person and housing staff only
  'housing GET /waitlist': [A, FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD], // F-62: published order, no personal data
  'housing POST /waitlist/offer-next': ['housing-manager'],
  'housing POST /allocations': ['housing-manager'],
  'housing GET /allocations': [A, FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD],
  'housing GET /allocations/:id': [A, FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD],
  'housing POST /allocations/:id/accept': [A], // F-60
  'housing POST /allocations/:id/decline': [A],
  'housing POST /allocations/:id/check-in': ['housing-manager'],
  'housing POST /allocations/:id/handover': ['housing-manager'], // F-61
  'housing GET /deadlines': [FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD, DR],
  'housing GET /pii-access-log': ['housing-manager', AUD], // F-42
  'housing POST /premises-leases': [A], // F-57: the participant company
  'housing GET /premises-leases': [A, FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD],
  'housing GET /premises-leases/:id/scans': [A, FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD], // ADR 0124: the company's own (F-35)
  'housing POST /premises-leases/:id/allocate': ['housing-manager'],
  'housing POST /premises-leases/:id/release': [A, 'housing-manager'], // F-58
  'housing POST /premises-leases/:id/handover': ['housing-manager'],
  'housing GET /reports/housing': [FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD],
  'housing GET /reports/occupancy.csv': [FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD],
  // @new-context:expected-policy — tools/hub new-context inserts a generated context's policy above this line (keep it the last line of EXPECTED_POLICY)
};

const admits = (expected: Expected, caller: Caller): boolean => expected === 'public' || (caller !== 'anonymous' && expected.includes(caller));

/**
 * The gateway's own routes, written out by hand (not derived from the code): route → the callers
 * that get through. Every own route must be here (checked against the OpenAPI document below).
 */
const OWN_ROUTES: Record<string, readonly Caller[]> = {
  [`GET /api/companies/${BIN_A}/overview`]: [A, FO, FIN, CM, CS, AUD],
  'GET /api/deadlines': [FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD, DR],
  'GET /api/audit/events': [AUD],
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
    for (const role of SERVICE_ROLES) tokens.set(role, await gw.token(role, { sub: `matrix-${role}` }));
  });
  afterAll(async () => gw?.close());
  beforeEach(() => {
    for (const stub of Object.values(gw.upstreams)) stub.reset();
  });

  const call = (method: string, path: string, caller: Caller) => {
    const r = gw.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path);
    const t = tokens.get(caller);
    if (t) r.set('authorization', `Bearer ${t}`);
    return STATE_CHANGING.has(method) ? r.send({}) : r;
  };

  it('ADR 0030: the route table declares exactly the routes of the hand-written policy (none missing, none extra)', () => {
    expect(ROUTE_TABLE.map((r) => `${r.upstream} ${r.method} ${r.path}`).sort()).toEqual(Object.keys(EXPECTED_POLICY).sort());
  });

  it('F-35, F-41, F-42 / ADR 0030: every proxied route × every caller matches the hand-written policy — allowed calls reach the context, denied ones get 401/403 and never do', async () => {
    const mismatches: string[] = [];
    let calls = 0;
    for (const [key, expected] of Object.entries(EXPECTED_POLICY)) {
      const [upstream, method, contextPath] = key.split(' ') as [string, string, string];
      const path = `/api/${upstream}${fill(contextPath, BIN_A)}`;
      const stub = gw.stub(upstream);
      for (const caller of CALLERS) {
        const allowed = admits(expected, caller);
        const before = stub.seen.length;
        const res = await call(method, path, caller);
        calls += 1;
        const reached = stub.seen.length > before;
        const want = allowed ? '200 reached' : `${caller === 'anonymous' ? 401 : 403} not reached`;
        const got = `${res.status} ${reached ? 'reached' : 'not reached'}`;
        if (got !== want) mismatches.push(`${key} as ${caller}: want ${want}, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBe(Object.keys(EXPECTED_POLICY).length * CALLERS.length);
    // Every route × every caller, one call each, grows with the table: 56 s alone on 2 cores with the
    // clusters expert-stage routes, over 60 s under the load of parallel work — hence its own timeout.
  }, 240_000);

  it("F-35, F-41: the authorised body's analyst gets 403 from every route of registration and every company file of participation", async () => {
    const companyRoutes = [
      '/api/registration/applications',
      `/api/registration/applications?bin=${BIN_A}`,
      '/api/registration/deadlines',
      `/api/registration/participants/${BIN_A}`,
      '/api/participation/participations',
      '/api/participation/deadlines',
    ];
    for (const path of companyRoutes) expect(`${path} → ${(await call('GET', path, AN)).status}`).toBe(`${path} → 403`);
    expect(gw.registration.seen).toHaveLength(0);
    expect(gw.participation.seen).toHaveLength(0);
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
      const stub = gw.stub(route.upstream);
      const path = `/api/${route.upstream}${fill(route.path, BIN_B)}${route.companyQuery ? `?${route.companyQuery}=${BIN_B}` : ''}`;
      const before = stub.seen.length;
      const res = await call(route.method, path, 'applicant');
      expect(`${route.method} ${path} for another company → ${res.status}`).toBe(`${route.method} ${path} for another company → 403`);
      expect(stub.seen.length).toBe(before);
      // …its own company passes (the context filters again)
      expect((await call(route.method, path.replaceAll(BIN_B, BIN_A), 'applicant')).status).toBe(200);
      // …and a repeated filter cannot smuggle another company in
      if (route.companyQuery)
        expect((await call(route.method, `${path.replaceAll(BIN_B, BIN_A)}&${route.companyQuery}=${BIN_B}`, 'applicant')).status).toBe(403);
    }
    expect((await call('GET', `/api/companies/${BIN_B}/overview`, 'applicant')).status).toBe(403);
  });

  describe('policy invariants of the route table (reviewed by these, not by hope)', () => {
    const writes = ROUTE_TABLE.filter((r) => STATE_CHANGING.has(r.method));
    it('the auditor is read-only: no state-changing route admits it', () => {
      expect(
        writes.filter((r) => r.access === 'public' || r.access === 'authenticated' || r.access.includes('auditor')).map((r) => `${r.method} ${r.path}`),
      ).toEqual([]);
    });
    it('no state-changing route is public or open to any authenticated caller', () => {
      expect(writes.filter((r) => !Array.isArray(r.access)).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    });
    it("F-35, F-41: the authorised body's analyst reaches only the quarterly analytics, never a company's file", () => {
      const analyst = ROUTE_TABLE.filter((r) => Array.isArray(r.access) && r.access.includes('authorised-body-analyst'));
      expect(analyst.length).toBeGreaterThan(0);
      expect(analyst.filter((r) => !r.path.startsWith('/analytics/') || r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual([]);
    });
    it('F-42: restricted personal data is open only to its subject (the company, or the resident) and the staff who need it', () => {
      const restricted = ROUTE_TABLE.filter((r) => r.restrictedPersonalData);
      // Non-residents of a quarterly report: the company and Fund officers; a resident's IIN and contacts (housing, issue #14): the person and housing staff.
      const expected: Record<string, readonly Role[]> = {
        'participation /quarterly-reports/:reportId/non-residents': ['applicant', 'fund-officer'],
        'housing /housing-requests/:id/personal-data': ['applicant', 'housing-manager'],
      };
      expect(restricted.map((r) => `${r.upstream} ${r.path}`).sort()).toEqual(Object.keys(expected).sort());
      for (const r of restricted) expect([...(r.access as Role[])].sort()).toEqual(expected[`${r.upstream} ${r.path}`]);
    });
    it("housing managers and training officers reach neither registration's nor participation's files, nor a company's documents (least privilege)", () => {
      // Their own contexts (housing, training, …) grant them routes; these three hold company files (F-35).
      const companyFiles = new Set(['registration', 'participation', 'documents']);
      const reaching = (role: string) =>
        ROUTE_TABLE.filter((r) => companyFiles.has(r.upstream) && Array.isArray(r.access) && r.access.includes(role as never)).map(
          (r) => `${r.upstream} ${r.method} ${r.path}`,
        );
      expect(reaching('training-officer')).toEqual([]);
      // ADR 0110: the housing manager reaches documents' upload and read routes only as the handler of the
      // Fund's own dwelling acts — documents narrows it to that kind (fund-documents.int.spec.ts proves a
      // company's document is 404 to it); never registration's or participation's files.
      expect(reaching('housing-manager').every((r) => r.startsWith('documents '))).toBe(true);
      expect(reaching('housing-manager').filter((r) => r.includes('issued-documents'))).toEqual([]);
      // ADR 0113: the cluster roles likewise reach documents only, for an office's documents (documents narrows
      // them to the kinds naming them; office-documents.int.spec.ts proves a company's document is 404 to them)
      for (const role of CLUSTER_OFFICES) {
        expect(
          reaching(role).every((r) => r.startsWith('documents ')),
          role,
        ).toBe(true);
        expect(
          reaching(role).filter((r) => r.includes('issued-documents')),
          role,
        ).toEqual([]);
      }
      // the Commission's members only read
      expect(
        reaching('cluster-commission-member').every((r) => r.startsWith('documents GET')),
        'member',
      ).toBe(true);
    });
    it('every route that names a company is company-scoped for applicants', () => {
      expect(ROUTE_TABLE.filter((r) => r.path.includes(':bin') && !r.companyParam).map((r) => r.path)).toEqual([]);
    });
  });
});
