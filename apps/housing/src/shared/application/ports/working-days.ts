import type { IsoDate } from '@hub/calendar';

/** Port: the Republic of Kazakhstan's working-day calendar (@hub/calendar), for the F-61 vacate and the offer deadlines. */
export abstract class WorkingDays {
  /** The n-th working day after `date` (the date itself not counted). */
  abstract add(date: IsoDate, n: number): IsoDate;
}
