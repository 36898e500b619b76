import type { IsoDate } from '@hub/calendar';

/**
 * The outcome of one F-68 refusal ground: a named rule, `refuses` when the ground applies, with the
 * figures it compared. Stored with the application's completeness review together with where the
 * fact came from (`source`) and when it was checked (`checkedOn`) — see `StoredGroundOutcome`.
 */
export interface GroundOutcome {
  readonly ruleId: string;
  readonly name: string;
  readonly refuses: boolean;
  readonly message: string;
  readonly details: Record<string, unknown>;
}

/** A stored document the Fund's officer relied on (an extract from a register, a screenshot, a court ruling). */
export interface Evidence {
  readonly documentId: string;
  readonly title: string;
}

/** A fact a ground is judged on, with its source (a register adapter, the officer's recorded check, the application) and date. */
export interface SourcedFact<T> {
  readonly value: T;
  readonly source: string;
  readonly checkedOn: IsoDate;
  readonly evidence: Evidence | null;
}

/** What the completeness review stores for each ground (F-68): the outcome, its source and date. */
export interface StoredGroundOutcome extends GroundOutcome {
  readonly source: string;
  readonly checkedOn: IsoDate;
  readonly evidence: Evidence | null;
}

/**
 * A refusal ground as effective-dated data: in force from `effectiveFrom` (included) until
 * `effectiveTo` (excluded, null = open). A review applies the grounds in force on the filing day.
 */
export interface RefusalGroundDefinition {
  readonly ruleId: string;
  readonly name: string;
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo: IsoDate | null;
}
