export type VoteChoice = 'admit' | 'refuse';

/** One member's vote on one application after its presentation (F-72): the choice, a score 0 … 100 (the quota input, F-73) and a reason. */
export class CommissionVote {
  readonly id!: string;
  readonly intakeId!: string;
  readonly applicationId!: string;
  readonly memberId!: string;
  readonly choice!: VoteChoice;
  readonly score!: number;
  readonly reason!: string;
  readonly castAt!: Date;

  static cast(input: {
    id: string;
    intakeId: string;
    applicationId: string;
    memberId: string;
    choice: VoteChoice;
    score: number;
    reason: string;
    at: Date;
  }): CommissionVote {
    const { at, ...rest } = input;
    const v = new CommissionVote();
    Object.assign(v, { ...rest, castAt: at });
    return v;
  }
}
