import { describe, expect, it } from 'vitest';
import { makeBin, makeIin } from '@hub/identifiers';
import { RuleViolationError, ValidationError } from '@hub/kernel';
import { assertAnnouncementLead } from './announcement-lead.rule.js';
import { assertDocumentIndex } from './document-index.rule.js';
import { assertBeforeDeadline } from './filing-window.rule.js';
import { assertMemberConsents } from './member-consents.rule.js';

const ruleOf = (f: () => void): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof RuleViolationError ? e.ruleId : e instanceof ValidationError ? `field:${e.issues[0]?.path}` : String(e);
  }
  return undefined;
};

describe('C-5: the announcement at least 60 CD before the deadline', () => {
  it('accepts a deadline exactly 60 calendar days after the announcement day, across a year end', () => {
    expect(ruleOf(() => assertAnnouncementLead('2026-11-16', '2027-01-15', 60))).toBeUndefined();
  });
  it('refuses 59 days', () => {
    expect(ruleOf(() => assertAnnouncementLead('2026-11-16', '2027-01-14', 60))).toBe('C-5');
  });
  it('takes the lead from the rule set (data), not from code', () => {
    expect(ruleOf(() => assertAnnouncementLead('2026-11-16', '2026-11-26', 10))).toBeUndefined();
  });
});

describe('C-9, C-11: nothing at or after the deadline instant', () => {
  const deadline = new Date('2027-01-15T13:00:00.000Z');
  it('accepts one millisecond before', () => {
    expect(ruleOf(() => assertBeforeDeadline(new Date(deadline.getTime() - 1), deadline, 'filed'))).toBeUndefined();
  });
  it('refuses a filing at the instant itself (C-11) and a change or withdrawal (C-9)', () => {
    expect(ruleOf(() => assertBeforeDeadline(deadline, deadline, 'filed'))).toBe('C-11');
    expect(ruleOf(() => assertBeforeDeadline(deadline, deadline, 'changed'))).toBe('C-9');
    expect(ruleOf(() => assertBeforeDeadline(new Date(deadline.getTime() + 1), deadline, 'withdrawn'))).toBe('C-9');
  });
});

describe('C-7 (Annex 2): members by valid BIN/IIN with their consents', () => {
  const bin = makeBin({ year: 2015, month: 3, serial: 4242 });
  const iin = makeIin({ birthDate: '1979-02-11', sex: 'male', serial: 1031 });
  const consent = (memberId: string, idKind: 'bin' | 'iin') => ({ memberId, idKind, memberName: 'Member', consentDocumentRef: 'doc' });
  it('accepts a BIN and an IIN', () => {
    expect(ruleOf(() => assertMemberConsents([consent(bin, 'bin'), consent(iin, 'iin')]))).toBeUndefined();
  });
  it('refuses no consents, a bad check digit, an IIN given as a BIN and a member listed twice', () => {
    expect(ruleOf(() => assertMemberConsents([]))).toBe('C-7');
    const broken = bin.slice(0, 11) + String((Number(bin[11]) + 1) % 10);
    expect(ruleOf(() => assertMemberConsents([consent(broken, 'bin')]))).toBe('field:memberConsents.0.memberId');
    expect(ruleOf(() => assertMemberConsents([consent(iin, 'bin')]))).toBe('field:memberConsents.0.memberId');
    expect(ruleOf(() => assertMemberConsents([consent(bin, 'bin'), consent(bin, 'bin')]))).toBe('field:memberConsents.1.memberId');
  });
});

describe('C-8, C-10: the numbered electronic document index', () => {
  const entry = (number: number) => ({ number, title: `Document ${number}`, documentRef: `d${number}` });
  it('accepts 1 … n', () => {
    expect(ruleOf(() => assertDocumentIndex([entry(1), entry(2), entry(3)]))).toBeUndefined();
  });
  it('refuses an empty index and a gap, naming the entry', () => {
    expect(ruleOf(() => assertDocumentIndex([]))).toBe('field:documentIndex');
    expect(ruleOf(() => assertDocumentIndex([entry(1), entry(3)]))).toBe('field:documentIndex.1.number');
  });
});
