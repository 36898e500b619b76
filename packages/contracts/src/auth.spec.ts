import { describe, expect, it } from 'vitest';
import { APPLICATION_REVIEWER_ROLES, COMMISSION_ROLES, FUND_STAFF_ROLES, PARTICIPANT_FILE_ROLES, ROLES, STAFF_ROLES, hasAnyRole } from './auth.js';

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
