import type { IsoDate } from '@hub/calendar';

/** Port: the Republic of Kazakhstan's working-day calendar (@hub/calendar), for the review deadline (ADR 0061). */
export abstract class WorkingDays {
  /** The n-th working day after `date` (the date itself not counted). */
  abstract add(date: IsoDate, n: number): IsoDate;
}
