import { describe, expect, it } from 'vitest';
import { kzCalendar } from '@hub/calendar';
import type { EarlyTerminationGround } from '@hub/contracts';
import { ForbiddenError, IllegalStateError, RuleViolationError, ValidationError } from '@hub/kernel';
import { referenceData } from '@hub/reference-data';
import { Deadlines } from '../../shared/domain/deadlines.js';
import { EarlyTermination } from './early-termination.aggregate.js';
import { Extension } from './extension.aggregate.js';
import { ExtensionTermBounds } from './extension-term-bounds.js';
import { Participation } from './participation.aggregate.js';
import { assertCommissionDecisionDate } from './rules/commission-decision-date.rule.js';
import { COMMISSION_GROUNDS, goesToCommission } from './rules/commission-grounds.rule.js';
import { assertTerminationBasis, type TerminationBasis } from './rules/early-termination-basis.rule.js';
import { assertMayOpenOnGround } from './rules/early-termination-initiator.rule.js';
import { assertWithdrawalNotice } from './rules/withdrawal-notice.rule.js';

const d = new Deadlines(kzCalendar(), referenceData());
const now = new Date('2026-03-02T04:00:00Z');
const props = {
  id: 'p1',
  participantId: 'x1',
  bin: '190540000011',
  companyName: 'Co',
  address: 'Astana',
  activityTypes: [{ code: '62.01', name: 'Programming', works: [] }],
  certificateNumber: 'AH-1',
  termStart: '2026-03-02',
  termEnd: '2027-03-01',
};
const started = (): Participation => {
  const p = Participation.start(props, d, now);
  p.pullEvents();
  return p;
};
const names = (a: { pullEvents(): { name: string }[] }) => a.pullEvents().map((e) => e.name);

describe('Participation (F-24, F-25, F-27, F-28)', () => {
  it('F-24: starts for a term of at least the minimum and records ParticipationStarted with the F-25 extension deadline', () => {
    const p = Participation.start(props, d, now);
    expect(p.status).toBe('active');
    expect(p.termEnd).toBe('2027-03-01');
    expect(p.pullEvents()).toEqual([
      expect.objectContaining({ name: 'ParticipationStarted', aggregateId: 'p1', bin: '190540000011', termEnd: '2027-03-01', extensionDeadline: '2027-02-15' }),
    ]);
  });

  it('F-24: refuses a term one day shorter than the minimum, naming the earliest end', () => {
    expect(() => Participation.start({ ...props, termEnd: '2027-02-28' }, d, now)).toThrow(RuleViolationError);
    expect(() => Participation.start({ ...props, termEnd: '2027-02-28' }, d, now)).toThrow(/2027-03-01/);
  });

  it('F-26, F-27: ends as planned on its term end with ground term-expired, once', () => {
    const p = started();
    p.endAsPlanned(now);
    expect(p).toMatchObject({ status: 'ended', endedOn: '2027-03-01', terminationGround: 'term-expired' });
    expect(p.pullEvents()).toEqual([
      expect.objectContaining({ name: 'ParticipationTerminated', kind: 'planned', ground: 'term-expired', decidedBy: 'term', ruleIds: ['F-26', 'F-27'] }),
    ]);
    expect(() => p.endAsPlanned(now)).toThrow(IllegalStateError);
  });

  it('F-28: early termination records its ground and rule ids, and cannot be repeated', () => {
    const p = started();
    p.terminateEarly('membership-fees-not-paid', '2026-08-01', 'fund', 'early-termination:c1', now);
    expect(p).toMatchObject({ status: 'terminated', terminationGround: 'membership-fees-not-paid', endedOn: '2026-08-01' });
    expect(p.pullEvents()).toEqual([
      expect.objectContaining({ name: 'ParticipationTerminated', kind: 'early', decidedBy: 'fund', ruleIds: ['F-26', 'F-28(6)'] }),
    ]);
    expect(() => p.terminateEarly('liquidation', '2026-08-02', 'fund', null, now)).toThrow(/state 'terminated'/);
  });

  it('F-25: extension moves the end only forward', () => {
    const p = started();
    p.extendTo({ id: 'e1', newTermEnd: '2028-03-01', certificateNumber: 'EXT-1', issuedOn: '2027-01-11' }, now);
    expect(p.pullEvents()).toEqual([expect.objectContaining({ name: 'ParticipationExtended', previousTermEnd: '2027-03-01', newTermEnd: '2028-03-01' })]);
    expect(() => p.extendTo({ id: 'e2', newTermEnd: '2027-06-01', certificateNumber: 'EXT-2', issuedOn: '2027-01-12' }, now)).toThrow(IllegalStateError);
  });
});

describe('Extension (F-24, F-25)', () => {
  const base = {
    id: 'e1',
    pending: null,
    extensionDeadline: '2027-02-15',
    requestedTermEnd: '2028-03-01',
    bounds: new ExtensionTermBounds([{ effectiveFrom: '2026-01-01', minMonths: 1, maxMonths: 36 }]).rangeAfter('2027-03-01'),
  };

  it('F-25: accepted up to and including the deadline', () => {
    expect(Extension.file({ ...base, participation: started(), filedOn: '2027-02-15' }, now).status).toBe('submitted');
  });

  it('F-25: a late application is refused and the message says re-registration under F-8 is the way', () => {
    try {
      Extension.file({ ...base, participation: started(), filedOn: '2027-02-16' }, now);
      expect.fail('should refuse');
    } catch (e) {
      expect(e).toBeInstanceOf(RuleViolationError);
      expect((e as RuleViolationError).ruleId).toBe('F-25');
      expect((e as Error).message).toMatch(/F-8/);
    }
  });

  it('F-25 (ADR 0050): the extended term ends after the current end, within the Fund’s configured bounds — not forced to F-24’s year', () => {
    expect(() => Extension.file({ ...base, participation: started(), filedOn: '2027-01-10', requestedTermEnd: '2027-03-01' }, now)).toThrow(ValidationError);
    // six months is the Fund's decision: accepted (the code as it was demanded ≥ 12 months)
    expect(Extension.file({ ...base, participation: started(), filedOn: '2027-01-10', requestedTermEnd: '2027-09-01' }, now).status).toBe('submitted');
    expect(() => Extension.file({ ...base, participation: started(), filedOn: '2027-01-10', requestedTermEnd: '2027-03-31' }, now)).toThrow(
      /at least to 2027-04-01/,
    );
    expect(() => Extension.file({ ...base, participation: started(), filedOn: '2027-01-10', requestedTermEnd: '2030-03-02' }, now)).toThrow(
      /at most to 2030-03-01/,
    );
    // effective-dated: a later version applies to a new period starting after it
    const later = new ExtensionTermBounds([
      { effectiveFrom: '2026-01-01', minMonths: 1, maxMonths: 36 },
      { effectiveFrom: '2027-06-01', minMonths: 6, maxMonths: 12 },
    ]);
    expect(later.rangeAfter('2027-03-01')).toEqual({ earliestEnd: '2027-04-01', latestEnd: '2030-03-01' });
    expect(later.rangeAfter('2027-12-31')).toEqual({ earliestEnd: '2028-06-30', latestEnd: '2028-12-31' });
  });

  it('F-25 (ADR 0050): an application pending holds the planned end; refused after the end, the participation ends as planned on the original end', () => {
    const p = started();
    const e = Extension.file({ ...base, participation: p, filedOn: '2027-02-15' }, now);
    expect(e.holdsPlannedEnd).toBe(true);
    e.reject(p, '2027-03-05', 'no business plan for the new term', now);
    expect(p).toMatchObject({ status: 'ended', endedOn: '2027-03-01', terminationGround: 'term-expired' });
    expect(p.pullEvents()).toEqual([expect.objectContaining({ name: 'ParticipationTerminated', endedOn: '2027-03-01', ruleIds: ['F-26', 'F-27', 'F-25'] })]);
    // refused before the end: the participation runs on to its end
    const q = started();
    Extension.file({ ...base, participation: q, filedOn: '2027-02-10' }, now).reject(q, '2027-02-20', 'no', now);
    expect(q.status).toBe('active');
  });

  it('F-25 (ADR 0050): approval after the original end (the end was held) moves the end', () => {
    const p = started();
    const e = Extension.file({ ...base, participation: p, filedOn: '2027-02-15' }, now);
    e.approve(p, '2027-03-10', now);
    expect(p).toMatchObject({ status: 'active', termEnd: '2028-03-01' });
  });

  it('F-25: one application at a time, for an active participation only', () => {
    const p = started();
    const pending = Extension.file({ ...base, participation: p, filedOn: '2027-01-10' }, now);
    expect(() => Extension.file({ ...base, id: 'e2', participation: p, pending, filedOn: '2027-01-11' }, now)).toThrow(IllegalStateError);
    p.endAsPlanned(now);
    expect(() => Extension.file({ ...base, id: 'e3', participation: p, filedOn: '2027-01-11' }, now)).toThrow(IllegalStateError);
  });

  it('F-25, Annex 3: a rejection needs a reason; an approval numbers the certificate after the participation’s and moves its end', () => {
    const p = started();
    const e = Extension.file({ ...base, participation: p, filedOn: '2027-01-10' }, now);
    expect(() => e.reject(p, '2027-01-11', undefined, now)).toThrow(/reason/);
    e.approve(p, '2027-01-11', now);
    expect(e).toMatchObject({ status: 'approved', certificateNumber: 'EXT-AH-1-20280301', decidedOn: '2027-01-11' });
    expect(p.termEnd).toBe('2028-03-01');
    expect(names(p)).toEqual(['ParticipationExtended']);
    expect(() => e.approve(p, '2027-01-12', now)).toThrow(IllegalStateError);
  });
});

describe('Early termination (F-28 … F-30)', () => {
  const BASIS: Partial<Record<EarlyTerminationGround, TerminationBasis>> = {
    'monitoring-not-expedient': { kind: 'monitoring-conclusion', conclusion: 'not-expedient' },
    'reports-not-submitted': { kind: 'quarterly-report', status: 'overdue' },
    liquidation: { kind: 'corporate-notice', noticeKind: 'liquidation' },
    'membership-fees-not-paid': { kind: 'membership-fee', status: 'overdue' },
  };
  const open = (ground: EarlyTerminationGround, over: Partial<Parameters<typeof EarlyTermination.open>[0]> = {}) => {
    const participation = over.participation ?? started();
    return EarlyTermination.open(
      {
        id: 'c1',
        participation,
        openCase: null,
        initiator: 'fund',
        openedBy: 'o',
        ground,
        reason: 'r',
        basisId: null,
        basis: BASIS[ground] ?? null,
        today: '2026-06-01',
        withdrawalDate: null,
        earliestWithdrawalDate: '2026-06-15',
        ...over,
      },
      now,
    );
  };

  it('F-30: grounds (1), (2), (7) go to the Commission; the others terminate the participation at once (F-26, F-28)', () => {
    expect(COMMISSION_GROUNDS).toEqual(['monitoring-not-expedient', 'planned-results-achieved', 'contract-breach']);
    for (const g of ['monitoring-not-expedient', 'planned-results-achieved', 'contract-breach'] as const) expect(open(g).status).toBe('pending-commission');
    for (const g of ['reports-not-submitted', 'liquidation', 'membership-fees-not-paid'] as const) {
      expect(goesToCommission(g)).toBe(false);
      const p = started();
      expect(open(g, { participation: p })).toMatchObject({ status: 'terminated', effectiveDate: '2026-06-01' });
      expect(p).toMatchObject({ status: 'terminated', endedOn: '2026-06-01', terminationGround: g });
    }
  });

  it('F-28(3), F-29: a withdrawal is scheduled for its date and takes effect on it', () => {
    const p = started();
    const c = open('voluntary-withdrawal', { participation: p, initiator: 'participant', withdrawalDate: '2026-06-20' });
    expect(c).toMatchObject({ status: 'scheduled', effectiveDate: '2026-06-20', groundNumber: 3 });
    expect(p.status).toBe('active');
    expect(c.takeEffect(p, now)).toBe(true);
    expect(p).toMatchObject({ status: 'terminated', endedOn: '2026-06-20' });
    expect(p.pullEvents()).toEqual([
      expect.objectContaining({ name: 'ParticipationTerminated', decidedBy: 'participant', ruleIds: ['F-26', 'F-28(3)', 'F-29'] }),
    ]);
  });

  it('F-29: a withdrawal whose participation ended otherwise meanwhile is cancelled', () => {
    const p = started();
    const c = open('voluntary-withdrawal', { participation: p, withdrawalDate: '2026-06-20' });
    p.endAsPlanned(now);
    expect(c.takeEffect(p, now)).toBe(false);
    expect(c.status).toBe('cancelled');
  });

  it('F-28, F-29: the participant itself may only withdraw; the Fund opens every ground', () => {
    expect(() => open('liquidation', { initiator: 'participant' })).toThrow(ForbiddenError);
    expect(() => assertMayOpenOnGround('participant', 'contract-breach')).toThrow(/only withdraw/);
    expect(() => assertMayOpenOnGround('fund', 'contract-breach')).not.toThrow();
  });

  it('F-28: only an active participation with no open case can be terminated', () => {
    const p = started();
    const first = open('contract-breach', { participation: p });
    expect(() => open('planned-results-achieved', { participation: p, openCase: first })).toThrow(/still open/);
    p.endAsPlanned(now);
    expect(() => open('contract-breach', { participation: p })).toThrow(IllegalStateError);
  });

  it('F-28(1), (4), (5), (6): the ground rests on a record that proves it; (2), (3), (7) need none', () => {
    expect(() => assertTerminationBasis('monitoring-not-expedient', null)).toThrow(expect.objectContaining({ ruleId: 'F-28(1)' }));
    expect(() => assertTerminationBasis('monitoring-not-expedient', { kind: 'monitoring-conclusion', conclusion: 'expedient' })).toThrow(/not expedient/);
    expect(() => assertTerminationBasis('reports-not-submitted', { kind: 'quarterly-report', status: 'due' })).toThrow(
      expect.objectContaining({ ruleId: 'F-28(4)' }),
    );
    expect(() =>
      assertTerminationBasis('reports-not-submitted', { kind: 'information-request', status: 'overdue', informationKind: 'additional-documents' }),
    ).not.toThrow();
    expect(() => assertTerminationBasis('reports-not-submitted', { kind: 'membership-fee', status: 'overdue' })).toThrow(RuleViolationError);
    expect(() => assertTerminationBasis('liquidation', { kind: 'corporate-notice', noticeKind: 're-registration' })).toThrow(
      expect.objectContaining({ ruleId: 'F-28(5)' }),
    );
    expect(() => assertTerminationBasis('membership-fees-not-paid', { kind: 'membership-fee', status: 'assessed' })).toThrow(
      expect.objectContaining({ ruleId: 'F-28(6)' }),
    );
    for (const g of ['planned-results-achieved', 'voluntary-withdrawal', 'contract-breach'] as const)
      expect(() => assertTerminationBasis(g, null)).not.toThrow();
    expect(() => open('membership-fees-not-paid', { basis: null })).toThrow(expect.objectContaining({ ruleId: 'F-28(6)' }));
  });

  it('F-28(4) → F-30: ground (4) is only F-37/F-38/F-39; an unanswered F-32 request or a missing F-33 audit opinion is ground (7), for the Commission', () => {
    for (const informationKind of ['tax-and-accounting', 'statistical-reports', 'tax-declarations', 'audit-opinion', 'audit-report']) {
      const basis = { kind: 'information-request', status: 'overdue', informationKind } as const;
      expect(() => assertTerminationBasis('reports-not-submitted', basis)).toThrow(expect.objectContaining({ ruleId: 'F-28(4)' }));
      expect(() => assertTerminationBasis('reports-not-submitted', basis)).toThrow(/ground \(7\), which goes to the Commission/);
      expect(() => assertTerminationBasis('contract-breach', basis)).not.toThrow();
      expect(open('contract-breach', { basis }).status).toBe('pending-commission');
    }
    expect(() => assertTerminationBasis('reports-not-submitted', { kind: 'audit-obligation', status: 'overdue' })).toThrow(
      expect.objectContaining({ ruleId: 'F-28(4)' }),
    );
    expect(() => assertTerminationBasis('contract-breach', { kind: 'audit-obligation', status: 'overdue' })).not.toThrow();
    expect(() => assertTerminationBasis('contract-breach', { kind: 'audit-obligation', status: 'owed' })).toThrow(
      expect.objectContaining({ ruleId: 'F-28(7)' }),
    );
    expect(() => assertTerminationBasis('contract-breach', { kind: 'membership-fee', status: 'overdue' })).toThrow(RuleViolationError);
  });

  it('F-30: the Commission decides once, dated between the referral and today: terminate (effective on the decision date) or continue', () => {
    const p = started();
    const c = open('contract-breach', { participation: p });
    expect(() => c.decide(p, 'terminate', 'P-7', '2026-06-12', '2026-06-10', now)).toThrow(expect.objectContaining({ ruleId: 'F-30' }));
    expect(() => c.decide(p, 'terminate', 'P-7', '2026-05-31', '2026-06-10', now)).toThrow(/predate the referral/);
    c.decide(p, 'terminate', 'P-7', '2026-06-10', '2026-06-10', now);
    expect(c).toMatchObject({ status: 'terminated', effectiveDate: '2026-06-10', protocolNumber: 'P-7', groundNumber: 7 });
    expect(p).toMatchObject({ status: 'terminated', endedOn: '2026-06-10' });
    expect(p.pullEvents()).toEqual([
      expect.objectContaining({ name: 'ParticipationTerminated', decidedBy: 'commission', decisionReference: 'P-7', ruleIds: ['F-26', 'F-28(7)', 'F-30'] }),
    ]);
    expect(() => c.decide(p, 'continue', 'P-8', '2026-06-11', '2026-06-11', now)).toThrow(IllegalStateError);
    const q = started();
    const k = open('planned-results-achieved', { participation: q });
    k.decide(q, 'continue', 'P-9', '2026-06-10', '2026-06-10', now);
    expect(k.status).toBe('rejected-by-commission');
    expect(q.status).toBe('active');
    expect(() => assertCommissionDecisionDate('2026-06-01', '2026-06-01', '2026-06-01')).not.toThrow();
  });

  it('F-29, F-27: the withdrawal date is at least 10 WD after the notice and not after the term end', () => {
    expect(assertWithdrawalNotice('2026-03-02', '2026-03-17', d.earliestWithdrawalDate('2026-03-02'), '2027-03-01')).toBe('2026-03-17');
    expect(() => assertWithdrawalNotice('2026-03-02', '2026-03-16', d.earliestWithdrawalDate('2026-03-02'), '2027-03-01')).toThrow(/2026-03-17/);
    expect(() => assertWithdrawalNotice('2026-03-02', undefined, '2026-03-17', '2027-03-01')).toThrow(RuleViolationError);
    expect(() => assertWithdrawalNotice('2026-03-02', '2027-03-02', '2026-03-17', '2027-03-01')).toThrow(ValidationError);
  });
});
