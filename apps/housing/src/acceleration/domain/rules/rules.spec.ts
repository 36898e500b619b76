import { describe, expect, it } from 'vitest';
import { kzCalendar } from '@hub/calendar';
import { RuleViolationError } from '@hub/kernel';
import { assertEligibleForHousing, isEligibleForHousing } from './f59-eligibility.rule.js';
import { concludeHousingContract } from './f60-housing-contract.rule.js';
import { vacateDueOn } from './f61-vacate-deadline.rule.js';
import { offerAcceptBy, waitlistOrder } from './f62-waitlist-order.rule.js';

const calendar = kzCalendar();
const add = (d: string, n: number) => calendar.addWorkingDays(d, n);
const enrolled = { status: 'enrolled' as const, enrolledOn: '2026-11-02', cohortEndsOn: '2027-01-29', townName: 'Astana' };
const declared = { noHousingInTown: true, evidence: 'Certificate of no real estate in Astana, e-gov No. 123' };

describe('F-59 eligibility for housing', () => {
  it('F-59: eligible while enrolled and with the declaration of no housing in the town', () => {
    expect(isEligibleForHousing(enrolled, declared, '2026-11-16').eligible).toBe(true);
  });
  it('F-59: not eligible when expelled, completed, not enrolled, outside the enrolment, or without the declaration', () => {
    expect(isEligibleForHousing({ ...enrolled, status: 'expelled' }, declared, '2026-11-16').eligible).toBe(false);
    expect(isEligibleForHousing({ ...enrolled, status: 'completed' }, declared, '2026-11-16').eligible).toBe(false);
    expect(isEligibleForHousing(null, declared, '2026-11-16').eligible).toBe(false);
    expect(isEligibleForHousing(enrolled, declared, '2027-01-30').eligible).toBe(false);
    expect(isEligibleForHousing(enrolled, { noHousingInTown: false, evidence: 'x' }, '2026-11-16').eligible).toBe(false);
    expect(isEligibleForHousing(enrolled, { noHousingInTown: true, evidence: ' ' }, '2026-11-16').eligible).toBe(false);
    expect(() => assertEligibleForHousing(enrolled, null, '2026-11-16')).toThrow(RuleViolationError);
  });
});

describe('F-60 housing contract', () => {
  it('F-60: the contract carries the duty to keep the dwelling intact and ends on the cohort’s last day (ADR 0058)', () => {
    expect(concludeHousingContract({ acceptsDuties: true, startsOn: '2026-11-16', cohortEndsOn: '2027-01-29' }).endsOn).toBe('2027-01-29');
    expect(() => concludeHousingContract({ acceptsDuties: false, startsOn: '2026-11-16', cohortEndsOn: '2027-01-29' })).toThrow(/F-60|duty/);
  });
});

describe('F-61 vacate deadline', () => {
  it('F-61: 2 working days after the expulsion, skipping Independence Day (Wed 16 December 2026)', () => {
    expect(calendar.dayOffReason('2026-12-16')).toBe('Independence Day');
    expect(vacateDueOn('2026-12-15', 2, add)).toBe('2026-12-18');
  });
  it('F-61: an expulsion on a Friday is due on the Tuesday', () => {
    expect(vacateDueOn('2026-11-20', 2, add)).toBe('2026-11-24');
  });
});

describe('F-62 waitlist order and offers', () => {
  it('F-62 (ADR 0056): enrolment date, then cohort start, then request time, then case id', () => {
    const e = (caseId: string, enrolledOn: string, cohortStartsOn: string, requestedAt: string) => ({
      caseId,
      enrolledOn,
      cohortStartsOn,
      requestedAt: new Date(requestedAt),
    });
    const order = waitlistOrder([
      e('d', '2026-11-02', '2026-11-02', '2026-11-16T05:00:00Z'),
      e('c', '2026-11-02', '2026-11-02', '2026-11-16T04:00:00Z'),
      e('b', '2026-11-02', '2026-10-01', '2026-11-17T04:00:00Z'),
      e('a', '2026-10-20', '2026-11-02', '2026-11-18T04:00:00Z'),
      e('e', '2026-11-02', '2026-11-02', '2026-11-16T04:00:00Z'),
    ]);
    expect(order.map((x) => x.caseId)).toEqual(['a', 'b', 'c', 'e', 'd']);
  });
  it('F-62 (ADR 0057): an offer made on Monday 16 November 2026 is accepted by Thursday 19 November (3 WD)', () => {
    expect(offerAcceptBy('2026-11-16', 3, add)).toBe('2026-11-19');
  });
});
