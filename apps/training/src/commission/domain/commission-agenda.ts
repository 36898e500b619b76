import type { CommissionMember } from './commission-member.js';
import { maySee } from './rules/conflict-of-interest.rule.js';

/** An application before the Commission (status complete): its id, its applicant's BIN (only to apply F-69 here) and the day a decision is due. */
export interface AgendaApplication {
  readonly id: string;
  /** The applicant's BIN: used for the F-69 conflict rule only, never part of the agenda (F-35). */
  readonly bin: string;
  /** Training's rules set no day by which the Commission decides (F-72): null. */
  readonly dueOn: string | null;
}

/** Who voted on what (F-72: one vote per member and application). */
export interface AgendaVote {
  readonly applicationId: string;
  readonly memberId: string;
}

/** The agenda of an intake's Independent Commission as published (ADR 0138 §1), without `asOf`. */
export interface CommissionAgenda {
  readonly members: string[];
  readonly items: { applicationId: string; dueOn: string | null; awaiting: string[] }[];
  readonly closed: boolean;
}

/**
 * Issue #16, ADR 0138 §1: the agenda of an intake's Independent Commission, computed with training's own
 * rules so that nobody else has to recompute them:
 * - members: every appointed member, by portal subject (F-69);
 * - an item per application before the Commission, in the order given, with the members who may vote on it
 *   and have not (F-72). "May vote" is F-69's `maySee`: the member declared their conflicts of interest
 *   and did not name this applicant — so an undeclared member awaits nothing (they must declare first) and
 *   a conflicted member is never listed on that application. No BIN leaves this function (F-35);
 * - closed once the Commission decided (F-72): then there are no items at all (the decided applications
 *   are no longer before it) — a closed agenda has `items: []`.
 */
export function commissionAgenda(input: {
  members: readonly CommissionMember[];
  applications: readonly AgendaApplication[];
  votes: readonly AgendaVote[];
  decided: boolean;
}): CommissionAgenda {
  const members = input.members.map((m) => m.subject);
  if (input.decided) return { members, items: [], closed: true };
  const voted = new Set(input.votes.map((v) => `${v.applicationId}|${v.memberId}`));
  const items = input.applications.map((a) => ({
    applicationId: a.id,
    dueOn: a.dueOn,
    awaiting: input.members.filter((m) => maySee(m, a.bin) && !voted.has(`${a.id}|${m.id}`)).map((m) => m.subject),
  }));
  return { members, items, closed: false };
}
