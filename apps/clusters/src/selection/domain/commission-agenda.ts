import type { CommissionSeat } from './rules/commission-decision.rule.js';

/** Who voted on what (C-19: one vote per member and application). */
export interface AgendaVote {
  readonly applicationId: string;
  readonly memberSubject: string;
}

/** The agenda of a round's Commission as published (ADR 0138 §1), without `asOf`. */
export interface CommissionAgenda {
  readonly members: string[];
  readonly items: { applicationId: string; dueOn: string | null; awaiting: string[] }[];
  readonly closed: boolean;
}

/**
 * Issue #16, ADR 0138 §1: the agenda of a round's Commission, computed with clusters' own rules:
 * - members: the seats of the composition in office (C-2, C-19), by portal subject; none before it is formed;
 * - an item per application before the Commission (C-18: the applications the institute compared, once the
 *   organiser put the materials and opinions before it — what `assertMayVote` lets a member vote on), with
 *   the members who have not voted on it yet (C-19: one vote per member and application). The rules set no
 *   day by which the Commission decides (C-19), so `dueOn` is null; only application ids leave (no BIN, F-35);
 * - closed once the protocol is recorded (C-20: the Commission decided): then there are no items — a closed
 *   agenda has `items: []`.
 */
export function commissionAgenda(input: {
  seats: readonly CommissionSeat[];
  /** The applications before the Commission, in the institute's order (C-18). */
  applicationIds: readonly string[];
  votes: readonly AgendaVote[];
  decided: boolean;
}): CommissionAgenda {
  const members = input.seats.map((s) => s.subject);
  if (input.decided) return { members, items: [], closed: true };
  const voted = new Set(input.votes.map((v) => `${v.applicationId}|${v.memberSubject}`));
  const items = input.applicationIds.map((applicationId) => ({
    applicationId,
    dueOn: null,
    awaiting: members.filter((subject) => !voted.has(`${applicationId}|${subject}`)),
  }));
  return { members, items, closed: false };
}
