import { describe, expect, it } from 'vitest';
import { RuleViolationError } from '@hub/kernel';
import { PremisesLease } from './premises-lease.aggregate.js';
import { assertParticipantOn } from './rules/f57-premises-for-participants.rule.js';
import { lastDayOfUse } from './rules/f58-temporary-use.rule.js';

const at = new Date('2026-11-16T04:00:00Z');
const term = { termStart: '2026-11-16', termEnd: '2029-11-15', endedOn: null };
const request = (until: string | null = null) =>
  PremisesLease.request({
    id: '0194f3a0-0000-7000-8000-0000000000f1',
    participantId: 'p',
    bin: '180440000019',
    participant: term,
    premisesKind: 'production',
    from: '2026-11-20',
    until,
    at,
  });

describe('premises for participants (F-57, F-58)', () => {
  it('F-57: only a participant on the first day of use; refused before the term, after it and after a termination', () => {
    expect(() => assertParticipantOn(term, '2026-11-20')).not.toThrow();
    expect(() => assertParticipantOn(null, '2026-11-20')).toThrow(RuleViolationError);
    expect(() => assertParticipantOn(term, '2026-11-15')).toThrow(/F-57|participant/);
    expect(() => assertParticipantOn({ ...term, endedOn: '2027-01-10' }, '2027-01-10')).toThrow(RuleViolationError);
  });

  it('F-58: temporary — the use ends no later than the term’s last day, or the day before the participation ended', () => {
    expect(lastDayOfUse(term, null)).toBe('2029-11-15');
    expect(lastDayOfUse(term, '2027-05-31')).toBe('2027-05-31');
    expect(lastDayOfUse(term, '2031-01-01')).toBe('2029-11-15');
    expect(lastDayOfUse({ ...term, endedOn: '2027-01-10' }, null)).toBe('2027-01-09');
  });

  it('F-58: a participation terminated early ends the use the day before; the premises are then handed back under an act', () => {
    const l = request();
    l.allocate({ id: 'u', kind: 'premises', premisesKind: 'production' }, at);
    l.release('2027-01-10', 'participation-terminated', at);
    expect([l.status, l.endsOn, l.releaseReason]).toEqual(['handover-due', '2027-01-09', 'participation-terminated']);
    l.handBack({ signedOn: '2027-01-11', signedBy: 'm', condition: 'Clean', inventory: [], meterReadings: [], damages: [] }, at);
    expect(l.status).toBe('released');
  });
});
