import type { IsoDate } from '@hub/calendar';
import type { Intake } from '../../domain/intake.aggregate.js';
import type { ProviderApplication } from '../../domain/provider-application.aggregate.js';
import type { CompletenessReview } from '../../domain/completeness-review.js';
import type { Notice } from '../../domain/notice.js';

/** Port (ADR 0035 §4): intakes and provider applications for the use cases; works inside a unit of work. */
export abstract class IntakeRepository {
  /** The intake, or NotFoundError (404). */
  abstract get(id: string): Promise<Intake>;
  abstract add(intake: Intake): void;
}
export abstract class ProviderApplicationRepository {
  abstract get(id: string): Promise<ProviderApplication>;
  abstract add(application: ProviderApplication): void;
  /** The applications of an intake in these states (for the Commission's decision), oldest first. */
  abstract listByIntake(intakeId: string, statuses: readonly ProviderApplication['status'][]): Promise<ProviderApplication[]>;
  /**
   * F-72: writes a scheduled presentation now, inside the transaction, so that the database's
   * exclusion constraint (no two overlapping slots in one intake) decides a race: the loser is 409
   * `training.presentation-slot-taken`, like the command's own check.
   */
  abstract flushPresentation(): Promise<void>;
  /** F-68: a completeness review, stored with every ground's outcome, source and date. */
  abstract addReview(review: CompletenessReview): void;
  /** F-71, F-74: a notice to the applicant. */
  abstract addNotice(notice: Notice): void;
}
/** Port: whether a company is an active Astana Hub participant on a day (the local read model of participation's events, F-77, ADR 0062). */
export abstract class ParticipationStatus {
  abstract isActiveOn(bin: string, day: IsoDate): Promise<boolean>;
}
/** Port: the Republic of Kazakhstan's working-day calendar (@hub/calendar). */
export abstract class WorkingDays {
  abstract add(date: IsoDate, n: number): IsoDate;
}
/** Port: the effective-dated thresholds of chapter 6 (packages/reference-data), each in force on a date. */
export abstract class TrainingThresholds {
  /** F-68, F-70: working days for the completeness review (`deadline.training-review-wd`). */
  abstract reviewWorkingDays(on: IsoDate): number;
  /** F-71: working days to fix remarks (`deadline.training-remarks-fix-wd`). */
  abstract remarksFixWorkingDays(on: IsoDate): number;
  /** F-74: working days to send the decision notice (`deadline.training-decision-notice-wd`). */
  abstract decisionNoticeWorkingDays(on: IsoDate): number;
  /** F-75: working days to sign the contract after a positive decision (`deadline.training-contract-wd`). */
  abstract contractWorkingDays(on: IsoDate): number;
  /** F-68(1): the tax-debt limit in tiyn, 6 × MCI of the year (`tax-debt-limit-mci-multiplier`, `mci`). */
  abstract taxDebtLimitTiyn(on: IsoDate): number;
  /** F-68(6): the shortest course in months (`training-course-min-months`). */
  abstract minCourseMonths(on: IsoDate): number;
}
