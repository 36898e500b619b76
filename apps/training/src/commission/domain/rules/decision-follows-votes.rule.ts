import { ConflictError } from '@hub/kernel';
import type { VoteChoice } from '../vote.js';

/**
 * F-72: the Commission decides by vote. The outcome is derived from the recorded votes, never typed
 * in (ADR 0072): every member without a declared conflict with the applicant must have voted; the
 * application is admitted when the admit votes are more than the refuse votes (a tie is no majority
 * to admit: refused).
 */
export const DECISION_BY_VOTE_RULE = 'F-72';

export function outcomeOfVotes(
  applicationId: string,
  votes: readonly { memberId: string; choice: VoteChoice }[],
  eligibleMemberIds: readonly string[],
): { outcome: 'admit' | 'refuse'; admit: number; refuse: number } {
  const voted = new Set(votes.map((v) => v.memberId));
  const missing = eligibleMemberIds.filter((m) => !voted.has(m));
  if (missing.length > 0 || eligibleMemberIds.length === 0)
    throw new ConflictError('training.votes-missing', `F-72: application ${applicationId} lacks ${missing.length} of ${eligibleMemberIds.length} votes`, {
      ruleId: DECISION_BY_VOTE_RULE,
      applicationId,
      missing: missing.length,
    });
  const admit = votes.filter((v) => v.choice === 'admit').length;
  const refuse = votes.length - admit;
  return { outcome: admit > refuse ? 'admit' : 'refuse', admit, refuse };
}

/** F-73 input: the Commission's score of an application, the mean of its votes' scores in thousandths (floored, integers only). */
export const commissionScoreMilli = (votes: readonly { score: number }[]): number =>
  votes.length === 0 ? 0 : Math.floor((votes.reduce((s, v) => s + v.score, 0) * 1000) / votes.length);
