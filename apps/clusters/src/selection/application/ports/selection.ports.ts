import type { IsoDate } from '@hub/calendar';
import type { CommissionVote } from '../../domain/commission-vote.js';
import type { SelectionApplication } from '../../domain/application.aggregate.js';
import type { SelectionRuleSet } from '../../domain/rule-set.js';
import type { SelectionRound } from '../../domain/round.aggregate.js';

/** Port: every rule set of the selection programme (data/cluster-selection-rules.json, ADR 0080). */
export abstract class RuleSetSource {
  abstract all(): readonly SelectionRuleSet[];
}

/** Port: the Republic of Kazakhstan's working-day calendar (@hub/calendar). */
export abstract class WorkingDays {
  /** The n-th working day after `date` (the date itself not counted). */
  abstract add(date: IsoDate, n: number): IsoDate;
}

/** Port (ADR 0035 §4): rounds, for the use cases; works inside a unit of work. */
export abstract class RoundRepository {
  /** The round, or NotFoundError (404). */
  abstract get(id: string): Promise<SelectionRound>;
  /**
   * The round, its row locked until the unit of work ends: the expert stage's steps on one round
   * (transfers, opinions, the comparison) run one after the other, so none is decided on a stale view.
   */
  abstract getForUpdate(id: string): Promise<SelectionRound>;
  abstract add(round: SelectionRound): void;
}

/** Port: applications, for the use cases; works inside a unit of work. */
export abstract class ApplicationRepository {
  /** `fresh`: read again from the database (after a lock was taken), not from the unit of work's identity map. */
  abstract get(id: string, options?: { fresh?: boolean }): Promise<SelectionApplication>;
  /** The applicant's applications in the round that are not withdrawn (one per participant and round). */
  abstract countActiveOf(roundId: string, bin: string): Promise<number>;
  abstract ofRound(roundId: string): Promise<SelectionApplication[]>;
  abstract add(application: SelectionApplication): void;
}

/** Port: the Commission members' votes (C-19), inside a unit of work. One per member and application (unique key → 409). */
export abstract class CommissionVoteRepository {
  abstract ofRound(roundId: string): Promise<CommissionVote[]>;
  /** Inserts the vote now (flush), so that a second vote of the member on the application fails here with the unique key's 409. */
  abstract insert(vote: CommissionVote): Promise<void>;
}

/** Port: reads (no unit of work). */
export abstract class SelectionReadModel {
  abstract rounds(): Promise<SelectionRound[]>;
  abstract round(id: string): Promise<SelectionRound | null>;
  abstract application(id: string): Promise<SelectionApplication | null>;
  /** `bins` restricts to those applicants (undefined = all); `atInstitute` to those sent to the national institute (C-13). */
  abstract applications(filter: { roundId?: string; bins?: readonly string[]; atInstitute?: boolean }): Promise<SelectionApplication[]>;
  /** Compliant applications not yet sent to the national institute (C-13). */
  abstract openInstituteTransfers(): Promise<SelectionApplication[]>;
  /** Rounds whose expert stage is open: the analysis (C-16) or a hand-over of the opinions (C-17, C-18) still to come. */
  abstract openExpertStages(): Promise<SelectionRound[]>;
  /** Filed applications whose compliance check (C-12) is open. */
  abstract openComplianceChecks(): Promise<SelectionApplication[]>;
  /** Rounds whose results wait for publication (C-21). */
  abstract awaitingPublication(): Promise<SelectionRound[]>;
  /** C-19: the votes cast in a round's Commission. */
  abstract votes(roundId: string): Promise<CommissionVote[]>;
}
