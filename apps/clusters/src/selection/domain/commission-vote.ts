import type { VoteChoice } from './rules/commission-decision.rule.js';

/**
 * C-19: one Commission member's vote on one application of a round. One per member and application
 * (a unique key in the database: a second vote is a 409, never a replacement — ADR 0083).
 */
export class CommissionVote {
  readonly id!: string;
  readonly roundId!: string;
  readonly applicationId!: string;
  readonly memberSubject!: string;
  readonly memberName!: string;
  readonly choice!: VoteChoice;
  readonly comment!: string;
  readonly castAt!: Date;

  static cast(input: {
    id: string;
    roundId: string;
    applicationId: string;
    memberSubject: string;
    memberName: string;
    choice: VoteChoice;
    comment: string;
    at: Date;
  }): CommissionVote {
    const { at, ...rest } = input;
    const v = new CommissionVote();
    Object.assign(v, { ...rest, castAt: at });
    return v;
  }
}
