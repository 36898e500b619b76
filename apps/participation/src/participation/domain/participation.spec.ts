import { describe, expect, it } from 'vitest';
import { kzCalendar } from '@hub/calendar';
import { IllegalStateError, RuleViolationError } from '@hub/kernel';
import { referenceData } from '@hub/reference-data';
import { Deadlines } from '../../shared/domain/deadlines.js';
import { EarlyTermination } from './early-termination.aggregate.js';
import { Extension } from './extension.aggregate.js';
import { Participation } from './participation.aggregate.js';
import { COMMISSION_GROUNDS, goesToCommission } from './rules/commission-grounds.rule.js';
import { assertWithdrawalNotice } from './rules/withdrawal-notice.rule.js';

const d = new Deadlines(kzCalendar(), referenceData());
const now = new Date('2026-03-02T04:00:00Z');
const props = { id: 'p1', participantId: 'x1', bin: '190540000011', companyName: 'Co', address: 'Astana', activityTypes: [{ code: '62.01', name: 'Programming', works: [] }], certificateNumber: 'AH-1', termStart: '2026-03-02', termEnd: '2027-03-01' };

describe('Participation (F-24, F-27, F-28)', () => {
  it('F-24: starts for a term of at least the minimum', () => {
    const p = Participation.start(props, d, now);
    expect(p.status).toBe('active');
    expect(p.termEnd).toBe('2027-03-01');
  });

  it('F-24: refuses a term one day shorter than the minimum, naming the earliest end', () => {
    expect(() => Participation.start({ ...props, termEnd: '2027-02-28' }, d, now)).toThrow(RuleViolationError);
    expect(() => Participation.start({ ...props, termEnd: '2027-02-28' }, d, now)).toThrow(/2027-03-01/);
  });

  it('F-27: ends as planned on its term end with ground term-expired, once', () => {
    const p = Participation.start(props, d, now);
    p.endAsPlanned(now);
    expect(p).toMatchObject({ status: 'ended', endedOn: '2027-03-01', terminationGround: 'term-expired' });
    expect(() => p.endAsPlanned(now)).toThrow(IllegalStateError);
  });

  it('F-28: early termination records its ground and cannot be repeated', () => {
    const p = Participation.start(props, d, now);
    p.terminateEarly('membership-fees-not-paid', '2026-08-01', now);
    expect(p).toMatchObject({ status: 'terminated', terminationGround: 'membership-fees-not-paid', endedOn: '2026-08-01' });
    expect(() => p.terminateEarly('liquidation', '2026-08-02', now)).toThrow(/state 'terminated'/);
  });

  it('F-25: extension moves the end only forward', () => {
    const p = Participation.start(props, d, now);
    expect(p.extendTo('2028-03-01', now)).toEqual({ previousTermEnd: '2027-03-01' });
    expect(() => p.extendTo('2027-06-01', now)).toThrow(IllegalStateError);
  });
});

describe('Extension (F-25)', () => {
  const base = { id: 'e1', participationId: 'p1', termEnd: '2027-03-01', extensionDeadline: '2027-02-15', requestedTermEnd: '2028-03-01', earliestEnd: '2028-03-01' };

  it('F-25: accepted up to and including the deadline', () => {
    expect(Extension.file({ ...base, filedOn: '2027-02-15' }, now).status).toBe('submitted');
  });

  it('F-25: a late application is refused and the message says re-registration under F-8 is the way', () => {
    try {
      Extension.file({ ...base, filedOn: '2027-02-16' }, now);
      expect.fail('should refuse');
    } catch (e) {
      expect(e).toBeInstanceOf(RuleViolationError);
      expect((e as RuleViolationError).ruleId).toBe('F-25');
      expect((e as Error).message).toMatch(/F-8/);
    }
  });

  it('F-25: a rejection needs a reason; an approval carries the Annex 3 certificate number', () => {
    const e = Extension.file({ ...base, filedOn: '2027-01-10' }, now);
    expect(() => e.reject('2027-01-11', undefined)).toThrow(/reason/);
    e.approve('2027-01-11', 'EXT-1');
    expect(e).toMatchObject({ status: 'approved', certificateNumber: 'EXT-1' });
  });
});

describe('Early termination (F-28 … F-30)', () => {
  const open = (ground: Parameters<typeof EarlyTermination.open>[0]['ground'], withdrawalDate: string | null = null) =>
    EarlyTermination.open({ id: 'c1', participationId: 'p1', bin: '190540000011', ground, reason: 'r', basisId: null, openedOn: '2026-06-01', openedBy: 'o', withdrawalDate }, now);

  it('F-30: grounds (1), (2), (7) go to the Commission; the others do not', () => {
    expect(COMMISSION_GROUNDS).toEqual(['monitoring-not-expedient', 'planned-results-achieved', 'contract-breach']);
    for (const g of ['monitoring-not-expedient', 'planned-results-achieved', 'contract-breach'] as const) expect(open(g).status).toBe('pending-commission');
    for (const g of ['reports-not-submitted', 'liquidation', 'membership-fees-not-paid'] as const) {
      expect(goesToCommission(g)).toBe(false);
      expect(open(g)).toMatchObject({ status: 'terminated', effectiveDate: '2026-06-01' });
    }
  });

  it('F-28(3), F-29: a withdrawal is scheduled for its date', () => {
    expect(open('voluntary-withdrawal', '2026-06-20')).toMatchObject({ status: 'scheduled', effectiveDate: '2026-06-20', groundNumber: 3 });
  });

  it('F-30: the Commission decides once: terminate (effective on the decision date) or continue', () => {
    const c = open('contract-breach');
    c.decide('terminate', 'P-7', '2026-06-10');
    expect(c).toMatchObject({ status: 'terminated', effectiveDate: '2026-06-10', protocolNumber: 'P-7', groundNumber: 7 });
    expect(() => c.decide('continue', 'P-8', '2026-06-11')).toThrow(IllegalStateError);
    const k = open('planned-results-achieved');
    k.decide('continue', 'P-9', '2026-06-10');
    expect(k.status).toBe('rejected-by-commission');
  });

  it('F-29: the withdrawal date must be at least 10 WD after the notice', () => {
    expect(assertWithdrawalNotice('2026-03-02', '2026-03-17', d.earliestWithdrawalDate('2026-03-02'))).toBe('2026-03-17');
    expect(() => assertWithdrawalNotice('2026-03-02', '2026-03-16', d.earliestWithdrawalDate('2026-03-02'))).toThrow(/2026-03-17/);
    expect(() => assertWithdrawalNotice('2026-03-02', undefined, '2026-03-17')).toThrow(RuleViolationError);
  });
});
