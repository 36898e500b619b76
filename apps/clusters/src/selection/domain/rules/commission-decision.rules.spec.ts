import { describe, expect, it } from 'vitest';
import { RuleViolationError, ValidationError } from '@hub/kernel';
import {
  type CommissionSeat,
  type RecordedVote,
  type VoteChoice,
  assertCommissionComposition,
  assertDecisionFollowsVotes,
  quorumOf,
  tallyCommissionVotes,
} from './commission-decision.rule.js';

const seat = (subject: string): CommissionSeat => ({ subject, fullName: subject, organisation: 'Ministry', body: 'state-body' });
const five = ['m1', 'm2', 'm3', 'm4', 'm5'].map(seat);
const vote = (applicationId: string, memberSubject: string, choice: VoteChoice, at = '2027-01-20T05:00:00.000Z'): RecordedVote => ({
  applicationId,
  memberSubject,
  memberName: memberSubject,
  choice,
  comment: '',
  castAt: at,
});
const ruleOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof RuleViolationError) return e.ruleId;
    if (e instanceof ValidationError) return 'validation';
    throw e;
  }
  return undefined;
};

describe('C-2, C-19: the Commission composition (ADR 0083)', () => {
  it('at least three members, each once', () => {
    expect(ruleOf(() => assertCommissionComposition([seat('a'), seat('b')]))).toBe('C-19');
    expect(ruleOf(() => assertCommissionComposition([seat('a'), seat('b'), seat('a')]))).toBe('validation');
    expect(ruleOf(() => assertCommissionComposition([seat('a'), seat('b'), seat('c')]))).toBeUndefined();
  });
  it('the quorum is two thirds of the composition, rounded up', () => {
    expect([3, 4, 5, 6, 7, 9].map(quorumOf)).toEqual([2, 3, 4, 4, 5, 6]);
  });
});

describe('C-19: the tally of the members votes per application (ADR 0083)', () => {
  it('a winner needs the quorum and more than half of the votes cast "for"; a tie or abstentions are no majority', () => {
    const votes = [
      // A: 3 for, 1 against → winner
      vote('A', 'm1', 'for'),
      vote('A', 'm2', 'for'),
      vote('A', 'm3', 'for'),
      vote('A', 'm4', 'against'),
      // B: 2 for, 1 against, 1 abstain → 2 of 4 is not more than half
      vote('B', 'm1', 'for'),
      vote('B', 'm2', 'for'),
      vote('B', 'm3', 'against'),
      vote('B', 'm4', 'abstain'),
      // C: 3 for, no more → below the quorum of 4
      vote('C', 'm1', 'for'),
      vote('C', 'm2', 'for'),
      vote('C', 'm3', 'for'),
      // a vote of somebody not on the Commission does not count
      vote('C', 'outsider', 'for'),
    ];
    const [a, b, c] = tallyCommissionVotes(five, ['A', 'B', 'C'], votes);
    expect(a).toMatchObject({ for: 3, against: 1, abstain: 0, cast: 4, quorum: 4, quorate: true, winner: true });
    expect(b).toMatchObject({ for: 2, against: 1, abstain: 1, cast: 4, quorate: true, winner: false });
    expect(c).toMatchObject({ for: 3, cast: 3, quorate: false, winner: false });
    expect(c!.votes.map((v) => v.memberSubject)).toEqual(['m1', 'm2', 'm3']);
  });

  it('C-19, C-20: the protocol is refused while an application lacks its quorum; the winners are those the votes decided', () => {
    const tallies = tallyCommissionVotes(
      five,
      ['A', 'B'],
      [...['m1', 'm2', 'm3', 'm4'].map((m) => vote('A', m, 'for')), ...['m1', 'm2', 'm3'].map((m) => vote('B', m, 'against'))],
    );
    expect(ruleOf(() => assertDecisionFollowsVotes(tallies, undefined))).toBe('C-19');
    const quorate = tallyCommissionVotes(
      five,
      ['A', 'B'],
      [...['m1', 'm2', 'm3', 'm4'].map((m) => vote('A', m, 'for')), ...['m1', 'm2', 'm3', 'm4'].map((m) => vote('B', m, 'against'))],
    );
    expect(assertDecisionFollowsVotes(quorate, undefined)).toEqual(['A']);
    expect(assertDecisionFollowsVotes(quorate, ['A'])).toEqual(['A']);
    // The secretary cannot record another outcome than the votes (the deprecated winnerApplicationIds).
    expect(ruleOf(() => assertDecisionFollowsVotes(quorate, ['A', 'B']))).toBe('C-20');
    expect(ruleOf(() => assertDecisionFollowsVotes(quorate, []))).toBe('C-20');
  });
});
