import type { IsoDate } from '@hub/calendar';
import type { DeadlineKind } from '../../domain/deadline-kind.js';

/** Port: how long the Fund has for a step (ADR 0013): N working days (reference data) on the Kazakh calendar. */
export abstract class DeadlinePolicy {
  /** The due day of a deadline of `kind` started on `startedOn`. */
  abstract dueDate(kind: DeadlineKind, startedOn: IsoDate): IsoDate;
  /** Working days from `from` to `dueDate` (negative when past). */
  abstract workingDaysLeft(from: IsoDate, dueDate: IsoDate): number;
}
