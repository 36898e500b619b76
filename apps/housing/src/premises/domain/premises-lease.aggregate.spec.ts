import { describe, expect, it } from 'vitest';
import { kzCalendar } from '@hub/calendar';
import { ConflictError, RuleViolationError } from '@hub/kernel';
import { PremisesLease } from './premises-lease.aggregate.js';
import { PREMISES_REQUEST_OPEN, assertNoOpenRequest } from './rules/f57-one-open-request.rule.js';
import { assertParticipantOn } from './rules/f57-premises-for-participants.rule.js';
import { handBackDueOn } from './rules/f58-hand-back-deadline.rule.js';
import { lastDayOfUse } from './rules/f58-temporary-use.rule.js';

const calendar = kzCalendar();
const due = (last: string) => handBackDueOn(last, 2, (d, n) => calendar.addWorkingDays(d, n));

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
  it('F-57 (ADR 0053 amendment): a company with an open request is refused another (409 premises-request-open, naming the open one); without one it may ask', () => {
    expect(() => assertNoOpenRequest('180440000019', null)).not.toThrow();
    let refused: unknown;
    try {
      assertNoOpenRequest('180440000019', '0194f3a0-0000-7000-8000-0000000000f1');
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused).toMatchObject({ code: PREMISES_REQUEST_OPEN, details: { ruleId: 'F-57', openRequestId: '0194f3a0-0000-7000-8000-0000000000f1' } });
  });

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
    l.allocate({ id: 'u', kind: 'premises', premisesKind: 'production' }, due, at);
    l.release('2027-01-10', 'participation-terminated', due, at);
    expect([l.status, l.endsOn, l.releaseReason, l.handBackBy]).toEqual(['handover-due', '2027-01-09', 'participation-terminated', '2027-01-12']);
    l.handBack({ signedOn: '2027-01-11', signedBy: 'm', condition: 'Clean', inventory: [], meterReadings: [], damages: [] }, at);
    expect(l.status).toBe('released');
  });
});

describe('hand-back deadline for premises (F-58, ADR 0053)', () => {
  it('F-58: 2 working days after the use ends, counted from the first day without it, skipping Independence Day (Wed 16 December 2026)', () => {
    expect(calendar.dayOffReason('2026-12-16')).toBe('Independence Day');
    // last day of use Mon 14 Dec → no right of use from Tue 15 → Thu 17 (16th skipped), Fri 18
    expect(due('2026-12-14')).toBe('2026-12-18');
    // last day of use Thu 19 Nov → from Fri 20 → Mon 23, Tue 24 (the weekend skipped)
    expect(due('2026-11-19')).toBe('2026-11-24');
  });

  it('F-58: allocated — due after the term’s last day; a release moves it to 2 WD after the new last day; the act clears it', () => {
    const l = request();
    l.allocate({ id: 'u', kind: 'premises', premisesKind: 'production' }, due, at);
    expect(l.handBackBy).toBe(due('2029-11-15'));
    l.release('2026-12-15', 'request', due, at);
    expect([l.endsOn, l.handBackBy]).toEqual(['2026-12-14', '2026-12-18']);
    expect(l.markHandBackOverdue('2026-12-17', at)).toBe(false); // a stale timer before the due day changes nothing
    l.handBack({ signedOn: '2026-12-17', signedBy: 'm', condition: 'Clean', inventory: [], meterReadings: [], damages: [] }, at);
    expect([l.status, l.handBackBy, l.handBackOverdue]).toEqual(['released', null, false]);
    expect(l.markHandBackOverdue('2026-12-19', at)).toBe(false);
  });

  it('F-58: overdue once the due day ends without the act; a term that ended unreleased is released as term-ended first', () => {
    const released = request();
    released.allocate({ id: 'u', kind: 'premises', premisesKind: 'production' }, due, at);
    released.release('2026-12-15', 'request', due, at);
    released.pullEvents();
    expect(released.markHandBackOverdue('2026-12-18', at)).toBe(true);
    expect(released.handBackOverdue).toBe(true);
    expect(released.pullEvents().map((e) => e.name)).toEqual(['PremisesHandBackOverdue']);
    expect(released.markHandBackOverdue('2026-12-19', at)).toBe(false); // once

    const ended = request('2026-12-14');
    ended.allocate({ id: 'u', kind: 'premises', premisesKind: 'production' }, due, at);
    expect(ended.handBackBy).toBe('2026-12-18');
    ended.pullEvents();
    expect(ended.markHandBackOverdue('2026-12-18', at)).toBe(true);
    expect([ended.status, ended.releaseReason, ended.handBackOverdue]).toEqual(['handover-due', 'term-ended', true]);
    expect(ended.pullEvents().map((e) => e.name)).toEqual(['PremisesReleaseStarted', 'PremisesHandBackOverdue']);
  });

  it('F-58: an act before the use started, or with damages that are not integer tiyn, is refused naming the field', () => {
    const l = request();
    l.allocate({ id: 'u', kind: 'premises', premisesKind: 'production' }, due, at);
    const act = { signedOn: '2026-11-19', signedBy: 'm', condition: 'Clean', inventory: [], meterReadings: [], damages: [] };
    expect(() => l.handBack(act, at)).toThrow(/signedOn|before the use started/);
    expect(() => l.handBack({ ...act, signedOn: '2026-11-25', damages: [{ description: 'Broken door', amountTiyn: 10.5 }] }, at)).toThrow(/tiyn/);
    expect(l.status).toBe('allocated');
  });
});
