import { describe, expect, it } from 'vitest';
import {
  APPLICATION_REVIEWER_ROLES,
  AccessTokenClaimsSchema,
  COMMISSION_ROLES,
  FUND_STAFF_ROLES,
  PARTICIPANT_FILE_ROLES,
  PLATFORM_SERVICE_CLIENTS,
  ROLES,
  SERVICE_ROLES,
  SERVICE_SUBJECT_PREFIX,
  STAFF_ROLES,
  TRAINING_FILE_ROLES,
  CLUSTER_SELECTION_ROLES,
  hasAnyRole,
} from './auth.js';

describe('role groups (ADR 0035 §7): one list of each, for every context and the gateway', () => {
  it('the authorised body’s analyst is not Fund staff and reads no participant file (F-35, F-41)', () => {
    expect(FUND_STAFF_ROLES).not.toContain('authorised-body-analyst');
    expect(PARTICIPANT_FILE_ROLES).not.toContain('authorised-body-analyst');
    expect(APPLICATION_REVIEWER_ROLES).not.toContain('authorised-body-analyst');
  });

  it('applicants are in no staff group', () => {
    for (const group of [FUND_STAFF_ROLES, PARTICIPANT_FILE_ROLES, APPLICATION_REVIEWER_ROLES, COMMISSION_ROLES]) expect(group).not.toContain('applicant');
  });

  it('the Commission (F-13) reviews applications, and every group is made of known roles inside the Fund staff', () => {
    for (const r of COMMISSION_ROLES) expect(APPLICATION_REVIEWER_ROLES).toContain(r);
    for (const group of [PARTICIPANT_FILE_ROLES, APPLICATION_REVIEWER_ROLES, COMMISSION_ROLES]) {
      for (const r of group) {
        expect(ROLES).toContain(r);
        expect(FUND_STAFF_ROLES).toContain(r);
      }
    }
    expect(STAFF_ROLES).toEqual(FUND_STAFF_ROLES);
  });

  it('hasAnyRole', () => {
    expect(hasAnyRole({ roles: ['auditor'] }, PARTICIPANT_FILE_ROLES)).toBe(true);
    expect(hasAnyRole({ roles: ['authorised-body-analyst'] }, FUND_STAFF_ROLES)).toBe(false);
    expect(hasAnyRole({ roles: [] }, FUND_STAFF_ROLES)).toBe(false);
  });
});

describe('service identities (ADR 0106): a worker is never a person and a person never a worker', () => {
  const worker = { sub: 'service:notifications', roles: ['deadline-reader'], hub_client: 'hub-notifications' };

  it('a worker token: service: subject, its client, service roles only, no company', () => {
    const parsed = AccessTokenClaimsSchema.parse(worker);
    expect(parsed.roles).toEqual(['deadline-reader']);
    expect(parsed.hub_client).toBe('hub-notifications');
    expect(parsed.hub_companies).toEqual([]);
  });

  it('refuses a service role in a person token, and a person role in a worker token', () => {
    const person = AccessTokenClaimsSchema.safeParse({ sub: 'olga', roles: ['fund-officer', 'deadline-reader'] });
    expect(person.success).toBe(false);
    expect(person.error?.issues.map((i) => i.path.join('.'))).toContain('roles');
    const mixed = AccessTokenClaimsSchema.safeParse({ ...worker, roles: ['deadline-reader', 'fund-officer'] });
    expect(mixed.success).toBe(false);
    expect(AccessTokenClaimsSchema.safeParse({ ...worker, roles: ['fund-officer'] }).success).toBe(false);
  });

  it('refuses a worker token without its client, with companies, and hub_client on a person', () => {
    const { hub_client: _c, ...noClient } = worker;
    expect(AccessTokenClaimsSchema.safeParse(noClient).success).toBe(false);
    expect(AccessTokenClaimsSchema.safeParse({ ...worker, hub_companies: ['123456789012'] }).success).toBe(false);
    expect(AccessTokenClaimsSchema.safeParse({ sub: 'alice', roles: ['applicant'], hub_client: 'web' }).success).toBe(false);
    expect(AccessTokenClaimsSchema.safeParse({ sub: 'alice', roles: ['applicant'], hub_companies: ['123456789012'] }).success).toBe(true);
  });

  it('no service role is a person role or in any staff group', () => {
    for (const r of SERVICE_ROLES) {
      expect(ROLES as readonly string[]).not.toContain(r);
      for (const group of [
        FUND_STAFF_ROLES,
        PARTICIPANT_FILE_ROLES,
        APPLICATION_REVIEWER_ROLES,
        COMMISSION_ROLES,
        TRAINING_FILE_ROLES,
        CLUSTER_SELECTION_ROLES,
      ])
        expect(group).not.toContain(r);
    }
  });

  it('ADR 0106: the one list of platform service clients — service roles only, one client per app, a gateway URL setting each', () => {
    expect(PLATFORM_SERVICE_CLIENTS.length).toBeGreaterThan(0);
    expect(new Set(PLATFORM_SERVICE_CLIENTS.map((c) => c.clientId)).size).toBe(PLATFORM_SERVICE_CLIENTS.length);
    expect(new Set(PLATFORM_SERVICE_CLIENTS.map((c) => c.app)).size).toBe(PLATFORM_SERVICE_CLIENTS.length);
    for (const c of PLATFORM_SERVICE_CLIENTS) {
      expect(c.roles.length, c.clientId).toBeGreaterThan(0);
      for (const r of c.roles) expect(SERVICE_ROLES, c.clientId).toContain(r);
      expect(c.calls.setting, c.clientId).toMatch(/^[A-Z][A-Z0-9_]*_URL$/);
      expect(c.calls.gatewayPath, c.clientId).toMatch(/^\/api(\/[a-z-]+)*$/);
      // the worker's token is valid under the claims rule (service: subject, hub_client, service roles only)
      expect(AccessTokenClaimsSchema.safeParse({ sub: `${SERVICE_SUBJECT_PREFIX}${c.app}`, hub_client: c.clientId, roles: c.roles }).success, c.clientId).toBe(
        true,
      );
    }
  });
});
