import type { CommissionMember } from '../../domain/commission-member.js';
import type { CommissionVote } from '../../domain/vote.js';
import type { CommissionDecision } from '../../domain/commission-decision.js';

/** Port: the Independent Commission of each intake (F-69, F-72); works inside a unit of work. */
export abstract class CommissionRepository {
  abstract members(intakeId: string): Promise<CommissionMember[]>;
  /** The member of this intake's Commission with this token subject, or null. */
  abstract memberBySubject(intakeId: string, subject: string): Promise<CommissionMember | null>;
  abstract addMember(member: CommissionMember): void;
  abstract votes(intakeId: string): Promise<CommissionVote[]>;
  abstract addVote(vote: CommissionVote): void;
  abstract decision(intakeId: string): Promise<CommissionDecision | null>;
  abstract addDecision(decision: CommissionDecision): void;
}
