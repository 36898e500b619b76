import { describe, expect, it } from 'vitest';
import { RuleViolationError, ValidationError } from '@hub/kernel';
import { assertContractSigningDate } from './contract-signing-date.rule.js';
import { assertDecisionDate } from './decision-date.rule.js';
import { participationTerm } from './minimum-participation-term.rule.js';

describe('F-18: contract signing date', () => {
  it('F-18: a signing day after today is refused (date.future); today and the decision day are accepted', () => {
    expect(() => assertContractSigningDate('2026-11-27', { today: '2026-11-26', decidedOn: '2026-11-20' })).toThrow(ValidationError);
    expect(() => assertContractSigningDate('2026-11-26', { today: '2026-11-26', decidedOn: '2026-11-26' })).not.toThrow();
  });

  it('F-18: a signing day before the Commission decision is refused (date.before-decision)', () => {
    try {
      assertContractSigningDate('2026-11-19', { today: '2026-11-26', decidedOn: '2026-11-20' });
      expect.fail('should throw');
    } catch (e) {
      expect((e as ValidationError).issues).toEqual([expect.objectContaining({ path: 'signedOn', code: 'date.before-decision' })]);
    }
  });
});

describe('F-24: minimum participation term', () => {
  it('F-24: shorter than the minimum is a rule violation citing F-24', () => {
    expect(() => participationTerm('2026-11-16', 11, 12)).toThrow(RuleViolationError);
    expect(() => participationTerm('2026-11-16', 11, 12)).toThrow(/at least 12 months; 11 was given/);
  });

  it('F-24: the minimum by default; the term ends the day before the same date months later (leap day included)', () => {
    expect(participationTerm('2026-11-16', undefined, 12)).toEqual({ months: 12, termStart: '2026-11-16', termEnd: '2027-11-15' });
    expect(participationTerm('2027-03-01', 12, 12)).toEqual({ months: 12, termStart: '2027-03-01', termEnd: '2028-02-29' });
  });
});

describe('F-17: the decision date of the protocol', () => {
  it('F-17: the protocol date is an input: a past day on or after the sending to the Commission is accepted; a future one (date.future) or one before the sending (date.before-commission) is refused', () => {
    expect(() => assertDecisionDate('2026-11-17', { today: '2026-11-20', sentToCommissionOn: '2026-11-16' })).not.toThrow();
    expect(() => assertDecisionDate('2026-11-16', { today: '2026-11-20', sentToCommissionOn: '2026-11-16' })).not.toThrow();
    const code = (f: () => void) => {
      try {
        f();
        return null;
      } catch (e) {
        return (e as ValidationError).issues.map((i) => `${i.path}:${i.code}`);
      }
    };
    expect(code(() => assertDecisionDate('2026-11-21', { today: '2026-11-20', sentToCommissionOn: '2026-11-16' }))).toEqual(['decidedOn:date.future']);
    expect(code(() => assertDecisionDate('2026-11-13', { today: '2026-11-20', sentToCommissionOn: '2026-11-16' }))).toEqual([
      'decidedOn:date.before-commission',
    ]);
  });
});
