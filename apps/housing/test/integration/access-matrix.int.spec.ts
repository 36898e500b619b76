import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@hub/contracts';
import { type Harness, auth, json, startHarness } from '../support/housing-harness.js';
import { enrol, requestHousing, townWithDwelling } from '../support/housing-fixtures.js';

/**
 * Role × route matrix against a policy written here by hand (not derived from the controllers or
 * the gateway table, so a wrong entry in either is caught). Keep it in step with the README's roles
 * and the gateway's EXPECTED_POLICY.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('housing_matrix');
});
afterAll(async () => {
  await h?.close();
});

const STAFF: readonly Role[] = [
  'fund-officer',
  'finance-officer',
  'commission-member',
  'commission-secretary',
  'housing-manager',
  'training-officer',
  'auditor',
];
const PERSON_AND_STAFF: readonly Role[] = ['applicant', ...STAFF];
const MANAGER: readonly Role[] = ['housing-manager'];

const policy: { method: 'get' | 'post'; path: string; allowed: readonly Role[] }[] = [
  { method: 'post', path: '/buildings', allowed: MANAGER },
  { method: 'get', path: '/buildings', allowed: STAFF },
  { method: 'post', path: '/buildings/:building/units', allowed: MANAGER },
  { method: 'get', path: '/units', allowed: STAFF },
  { method: 'post', path: '/units/:unit/out-of-service', allowed: MANAGER },
  { method: 'post', path: '/housing-requests', allowed: ['applicant'] },
  { method: 'get', path: '/housing-requests', allowed: PERSON_AND_STAFF },
  { method: 'get', path: '/housing-requests/:case', allowed: PERSON_AND_STAFF },
  { method: 'get', path: '/housing-requests/:case/personal-data', allowed: ['applicant', 'housing-manager'] },
  { method: 'get', path: '/waitlist?townKatoCode=:town', allowed: PERSON_AND_STAFF },
  { method: 'post', path: '/waitlist/offer-next', allowed: MANAGER },
  { method: 'post', path: '/allocations', allowed: MANAGER },
  { method: 'get', path: '/allocations', allowed: PERSON_AND_STAFF },
  { method: 'get', path: '/allocations/:allocation', allowed: PERSON_AND_STAFF },
  { method: 'post', path: '/allocations/:allocation/accept', allowed: ['applicant'] },
  { method: 'post', path: '/allocations/:allocation/decline', allowed: ['applicant'] },
  { method: 'post', path: '/allocations/:allocation/check-in', allowed: MANAGER },
  { method: 'post', path: '/allocations/:allocation/handover', allowed: MANAGER },
  { method: 'get', path: '/deadlines', allowed: STAFF },
  { method: 'get', path: '/pii-access-log', allowed: ['housing-manager', 'auditor'] },
  { method: 'post', path: '/premises-leases', allowed: ['applicant'] },
  { method: 'get', path: '/premises-leases', allowed: PERSON_AND_STAFF },
  { method: 'get', path: '/premises-leases/:lease/scans', allowed: PERSON_AND_STAFF },
  { method: 'post', path: '/premises-leases/:lease/allocate', allowed: MANAGER },
  { method: 'post', path: '/premises-leases/:lease/release', allowed: ['applicant', 'housing-manager'] },
  { method: 'post', path: '/premises-leases/:lease/handover', allowed: MANAGER },
  { method: 'get', path: '/reports/housing?from=2026-11-01&to=2026-11-30', allowed: STAFF },
  { method: 'get', path: '/reports/occupancy.csv?from=2026-11-01&to=2026-11-30', allowed: STAFF },
];

describe('access policy: every role and anonymous on every route', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const { town, buildingId, unitId } = await townWithDwelling(h, 1);
    const p = await enrol(h, town);
    ids['case'] = json<{ id: string }>(await requestHousing(h, p)).id;
    ids['building'] = buildingId;
    ids['unit'] = unitId!;
    ids['town'] = town.katoCode;
    const [a] = await h.sql<{ id: string }>(`select id from housing_allocation where case_id = ?`, [ids['case']]);
    ids['allocation'] = a!.id;
    ids['lease'] = '0194f3a0-0000-7000-8000-0000000000ff'; // unknown: allowed callers get 404 (or 400 for the empty probe body)
  });

  it('the policy lists every route of the OpenAPI document (none missing)', async () => {
    const paths = Object.entries(json<{ paths: Record<string, Record<string, unknown>> }>(await h.http().get('/openapi.json')).paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
      .filter((r) => !/\/(health|metrics|openapi)/.test(r));
    const declared = policy.map(
      (r) =>
        `${r.method} ${r.path.replace(/\?.*$/, '').replace(/:(\w+)/g, (_m, n: string) => (['building', 'unit', 'case', 'allocation', 'lease'].includes(n) ? '{id}' : n))}`,
    );
    expect([...paths].sort()).toEqual([...declared].sort());
  });

  for (const route of policy) {
    it(`${route.method.toUpperCase()} ${route.path}`, async () => {
      const path = route.path.replace(/:(\w+)/g, (_m, n: string) => ids[n] ?? n);
      const call = (headers: Record<string, string>) => {
        const req = h.http()[route.method](path).set(headers);
        return route.method === 'post' ? req.send({}) : req;
      };
      expect((await call({})).status).toBe(401);
      for (const role of ROLES) {
        const status = (await call(auth(await h.token([role], [], `matrix-${role}`)))).status;
        // Allowed callers get past the guard: a success, a validation error of the empty probe body, or the domain's answer (not theirs: 403/404).
        if (route.allowed.includes(role)) expect([200, 201, 400, 403, 404, 409, 422], `${role} is allowed`).toContain(status);
        else expect(status, `${role} is refused`).toBe(403);
      }
    });
  }
});
