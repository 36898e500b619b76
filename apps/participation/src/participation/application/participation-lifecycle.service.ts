import { Inject, Injectable } from '@nestjs/common';
import { quarterEnd, quarterOf, type IsoDate } from '../../shared/domain/calendar.js';
import { Deadlines } from '../../shared/domain/deadlines.js';
import { DeadlineTimers } from '../../shared/application/ports/deadline-timers.js';
import { TIMER } from '../../shared/application/timer-kinds.js';
import type { Participation } from '../domain/participation.aggregate.js';

/** The durable timers a participation's life runs on (ADR 0021), shared by several use cases. */
@Injectable()
export class ParticipationLifecycle {
  constructor(
    @Inject(DeadlineTimers) private readonly timers: DeadlineTimers,
    @Inject(Deadlines) private readonly deadlines: Deadlines,
  ) {}

  /** F-21, F-37: when the quarter containing `date` closes, its fee and report are opened. */
  async armQuarter(participation: Participation, date: IsoDate): Promise<void> {
    const { year, quarter } = quarterOf(date);
    await this.timers.scheduleDeadline(TIMER.quarterClosed, participation.id, quarterEnd(year, quarter), { year, quarter });
    await this.armAnalytics(year, quarter);
  }

  /** F-41: the quarter's analytics are generated at 01:00 (Almaty) the day after the report deadline, once the overdue reports are marked (one timer per quarter for the whole Fund). */
  armAnalytics(year: number, quarter: number): Promise<void> {
    const dueAt = new Date(Deadlines.missedAt(this.deadlines.reportDueDate(year, quarter)).getTime() + 3_600_000);
    return this.timers.scheduleAt(TIMER.analytics, `${year}-Q${quarter}`, dueAt, { year, quarter });
  }

  /** F-27: the planned end, re-armed whenever the term moves (F-25). */
  armPlannedEnd(participation: Participation): Promise<void> {
    return this.timers.scheduleDeadline(TIMER.plannedEnd, participation.id, participation.termEnd, { termEnd: participation.termEnd });
  }

  /** F-28: an early end makes the planned end moot. */
  async disarmPlannedEnd(participation: Participation): Promise<void> {
    await this.timers.cancel(TIMER.plannedEnd, participation.id);
  }
}
