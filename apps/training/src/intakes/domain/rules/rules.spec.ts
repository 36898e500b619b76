import { describe, expect, it } from 'vitest';
import { RuleViolationError } from '@hub/kernel';
import { assertInsideIntakeWindow } from './application-window.rule.js';
import { assertActiveParticipant } from './participant-eligibility.rule.js';
import { assertAccuracyDeclared } from './declaration-of-accuracy.rule.js';
import { assertRemarksFixedInTime, assertRemarksIssuedInTime } from './remarks-deadlines.rule.js';
import { assertPresentationHeard, assertPresentationSlotFree } from './presentation-schedule.rule.js';

const ruleOf = (f: () => void): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    if (e instanceof RuleViolationError) return e.ruleId;
    throw e;
  }
};

describe('F-64: applications only inside the intake window', () => {
  const window = { opensOn: '2026-12-01', closesOn: '2026-12-31' };
  it('accepts the first and the last day (both included)', () => {
    expect(ruleOf(() => assertInsideIntakeWindow(window, '2026-12-01'))).toBeUndefined();
    expect(ruleOf(() => assertInsideIntakeWindow(window, '2026-12-31'))).toBeUndefined();
  });
  it('refuses the day after the end (late) and the day before the start', () => {
    expect(ruleOf(() => assertInsideIntakeWindow(window, '2027-01-01'))).toBe('F-64');
    expect(ruleOf(() => assertInsideIntakeWindow(window, '2026-11-30'))).toBe('F-64');
  });
});

describe('F-77: only an active Astana Hub participant applies', () => {
  it('accepts a company active on the day and refuses one that is not', () => {
    expect(ruleOf(() => assertActiveParticipant('123456789012', true, '2026-12-01'))).toBeUndefined();
    expect(ruleOf(() => assertActiveParticipant('123456789012', false, '2026-12-01'))).toBe('F-77');
  });
});

describe('F-67: the applicant declares the accuracy of its application', () => {
  it('refuses an application without the declaration and accepts one with it', () => {
    expect(ruleOf(() => assertAccuracyDeclared(false))).toBe('F-67');
    expect(ruleOf(() => assertAccuracyDeclared(true))).toBeUndefined();
  });
});

describe('F-70: remarks within 10 working days of filing', () => {
  it('on the due day passes; the day after is refused citing F-70', () => {
    expect(() => assertRemarksIssuedInTime({ filedOn: '2026-11-16', reviewDueOn: '2026-11-30' }, '2026-11-30')).not.toThrow();
    expect(() => assertRemarksIssuedInTime({ filedOn: '2026-11-16', reviewDueOn: '2026-11-30' }, '2026-12-01')).toThrow(/F-70/);
  });
});

describe('F-71: the applicant fixes remarks within 10 working days of receipt', () => {
  it('on the due day passes; later is refused citing F-71', () => {
    expect(() => assertRemarksFixedInTime({ issuedOn: '2026-11-17', fixDueOn: '2026-12-02' }, '2026-12-02')).not.toThrow();
    expect(() => assertRemarksFixedInTime({ issuedOn: '2026-11-17', fixDueOn: '2026-12-02' }, '2026-12-03')).toThrow(RuleViolationError);
  });
});

describe('F-72: the presentation schedule (presentation-schedule.rule)', () => {
  const now = new Date('2026-11-16T04:00:00Z');
  const taken = [{ applicationId: 'a', at: new Date('2026-11-16T05:00:00Z'), minutes: 30 }];
  it('a slot ahead of now that overlaps nobody is accepted; re-scheduling the same application replaces its own slot', () => {
    expect(() => assertPresentationSlotFree('b', { at: new Date('2026-11-16T05:30:00Z'), minutes: 30 }, taken, now)).not.toThrow();
    expect(() => assertPresentationSlotFree('a', { at: new Date('2026-11-16T05:10:00Z'), minutes: 30 }, taken, now)).not.toThrow();
  });
  it('a slot in the past or now is refused naming `at`; an overlapping slot is a 409', () => {
    expect(() => assertPresentationSlotFree('b', { at: now, minutes: 30 }, [], now)).toThrow(/ahead of now/);
    expect(() => assertPresentationSlotFree('b', { at: new Date('2026-11-16T04:45:00Z'), minutes: 16 }, taken, now)).toThrow(/overlaps/);
    expect(() => assertPresentationSlotFree('b', { at: new Date('2026-11-16T05:29:00Z'), minutes: 5 }, taken, now)).toThrow(/overlaps/);
  });
  it('the Commission votes only once the presentation has begun', () => {
    expect(() => assertPresentationHeard(null, now)).toThrow(/no presentation/);
    expect(() => assertPresentationHeard(new Date('2026-11-16T04:00:01Z'), now)).toThrow(/votes after hearing/);
    expect(() => assertPresentationHeard(now, now)).not.toThrow();
  });
});
