import { RuleViolationError, ValidationError } from '@hub/kernel';

/**
 * C-2: the expert Commission is formed by the organiser's decision from representatives of state
 * bodies, national companies and the National Chamber of Entrepreneurs "Atameken".
 */
export const COMMISSION_BODIES = ['state-body', 'national-company', 'atameken'] as const;
export type CommissionBody = (typeof COMMISSION_BODIES)[number];

/** C-19: one member of a round's Commission, identified by the subject of their token. */
export interface CommissionSeat {
  readonly subject: string;
  readonly fullName: string;
  readonly organisation: string;
  readonly body: CommissionBody;
}

export const VOTE_CHOICES = ['for', 'against', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/** A member's vote on one application (C-19), as recorded. */
export interface RecordedVote {
  readonly applicationId: string;
  readonly memberSubject: string;
  readonly memberName: string;
  readonly choice: VoteChoice;
  readonly comment: string;
  readonly castAt: string;
}

/**
 * ADR 0083 — the 2015 rules are silent on the Commission's quorum and majority; the platform decides:
 * at least `COMMISSION_MINIMUM_MEMBERS` members; an application is decided only when at least two
 * thirds of the composition voted on it (quorum); it wins with more than half of the votes cast
 * "for" (a tie or abstentions do not make a majority).
 */
export const COMMISSION_MINIMUM_MEMBERS = 3;
export const quorumOf = (members: number): number => Math.ceil((2 * members) / 3);

/** C-2, C-19: the composition — at least three members, each once, each from one of the C-2 bodies. */
export function assertCommissionComposition(seats: readonly CommissionSeat[]): void {
  if (seats.length < COMMISSION_MINIMUM_MEMBERS)
    throw new RuleViolationError('C-19', `the Commission has at least ${COMMISSION_MINIMUM_MEMBERS} members (ADR 0083)`, { field: 'members' });
  const seen = new Set<string>();
  seats.forEach((s, i) => {
    if (seen.has(s.subject)) throw ValidationError.field(`members.${i}.subject`, 'a member sits on the Commission once');
    seen.add(s.subject);
  });
}

/** The outcome of the votes on one application before the Commission (C-19), as the protocol lists it (C-20). */
export interface ApplicationTally {
  readonly applicationId: string;
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
  readonly cast: number;
  readonly quorum: number;
  readonly quorate: boolean;
  readonly winner: boolean;
  readonly votes: readonly RecordedVote[];
}

/** C-19 (ADR 0083): the tally per application — quorum two thirds of the composition, a winner by more than half of the votes cast. */
export function tallyCommissionVotes(
  composition: readonly CommissionSeat[],
  applicationIds: readonly string[],
  votes: readonly RecordedVote[],
): ApplicationTally[] {
  const members = new Set(composition.map((s) => s.subject));
  const quorum = quorumOf(composition.length);
  return applicationIds.map((applicationId) => {
    const own = votes.filter((v) => v.applicationId === applicationId && members.has(v.memberSubject));
    const count = (c: VoteChoice) => own.filter((v) => v.choice === c).length;
    const cast = own.length;
    const quorate = cast >= quorum;
    const forVotes = count('for');
    return {
      applicationId,
      for: forVotes,
      against: count('against'),
      abstain: count('abstain'),
      cast,
      quorum,
      quorate,
      winner: quorate && forVotes * 2 > cast,
      votes: [...own].sort((a, b) => a.castAt.localeCompare(b.castAt) || a.memberSubject.localeCompare(b.memberSubject)),
    };
  });
}

/**
 * C-19, C-20: the protocol records the decision the votes made. Every application before the
 * Commission must have its quorum; winners named by the secretary (deprecated field) must be exactly
 * those the votes decided.
 */
export function assertDecisionFollowsVotes(tallies: readonly ApplicationTally[], namedWinners: readonly string[] | undefined): string[] {
  const short = tallies.filter((t) => !t.quorate);
  if (short.length > 0)
    throw new RuleViolationError(
      'C-19',
      `the Commission has not reached its quorum (${short[0]!.quorum} votes, ADR 0083) on: ${short.map((t) => `${t.applicationId} (${t.cast})`).join(', ')}`,
      { field: 'votes', waiting: short.map((t) => t.applicationId) },
    );
  const winners = tallies.filter((t) => t.winner).map((t) => t.applicationId);
  if (namedWinners !== undefined) {
    const named = new Set(namedWinners);
    if (named.size !== winners.length || winners.some((w) => !named.has(w)))
      throw new RuleViolationError('C-20', `the protocol records the winners the votes decided: ${winners.join(', ') || 'none'}`, {
        field: 'winnerApplicationIds',
        decided: winners,
      });
  }
  return winners;
}
