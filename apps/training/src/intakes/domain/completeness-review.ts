import type { IsoDate } from '@hub/calendar';
import type { StoredGroundOutcome } from './rules/refusal-grounds/ground-outcome.js';

export type CompletenessResult = 'complete' | 'refused';

/**
 * One completeness review of a provider application (F-68): who reviewed it, when, and the outcome
 * of every refusal ground in force with its source and date. Written once, never changed.
 */
export class CompletenessReview {
  readonly id!: string;
  readonly applicationId!: string;
  readonly result!: CompletenessResult;
  readonly outcomes!: readonly StoredGroundOutcome[];
  readonly reviewedBy!: string;
  readonly reviewedOn!: IsoDate;
  readonly reviewedAt!: Date;

  static record(input: {
    id: string;
    applicationId: string;
    outcomes: readonly StoredGroundOutcome[];
    reviewedBy: string;
    reviewedOn: IsoDate;
    at: Date;
  }): CompletenessReview {
    const r = new CompletenessReview();
    Object.assign(r, {
      id: input.id,
      applicationId: input.applicationId,
      result: input.outcomes.some((o) => o.refuses) ? 'refused' : 'complete',
      outcomes: input.outcomes,
      reviewedBy: input.reviewedBy,
      reviewedOn: input.reviewedOn,
      reviewedAt: input.at,
    });
    return r;
  }
}
