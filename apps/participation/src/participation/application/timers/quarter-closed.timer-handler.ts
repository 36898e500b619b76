import { Inject, Injectable } from '@nestjs/common';
import { Clock, uuidv7 } from '@hub/kernel';
import type { TimerHandler, TimerRecord } from '@hub/messaging';
import { compareIsoDates, nextQuarter, quarterStart } from '../../../shared/domain/calendar.js';
import { TIMER } from '../../../shared/application/timer-kinds.js';
import { QuarterlyReportRepository } from '../../../reporting/application/ports/quarterly-report.repository.js';
import { QuarterlyReport } from '../../../reporting/domain/quarterly-report.aggregate.js';
import { DeadlineTimers } from '../../../shared/application/ports/deadline-timers.js';
import { Deadlines } from '../../../shared/domain/deadlines.js';
import { FeeRepository } from '../../../fees/application/ports/fee.repository.js';
import { Fee } from '../../../fees/domain/fee.aggregate.js';
import { ParticipationLifecycle } from '../participation-lifecycle.service.js';
import { ParticipationRepository } from '../ports/participation.repository.js';

/**
 * F-21, F-37, F-39: a calendar quarter in which the company participated (even for one day)
 * closed — its membership fee (due the 25th) and its activity report (due the 20th of the next
 * month) are opened with their deadline timers; the cycle re-arms while the participation lasts
 * into the next quarter (ADR 0021).
 */
@Injectable()
export class QuarterClosedTimerHandler implements TimerHandler {
  readonly kind = TIMER.quarterClosed;

  constructor(
    @Inject(ParticipationRepository) private readonly participations: ParticipationRepository,
    @Inject(FeeRepository) private readonly fees: FeeRepository,
    @Inject(QuarterlyReportRepository) private readonly reports: QuarterlyReportRepository,
    @Inject(DeadlineTimers) private readonly timers: DeadlineTimers,
    @Inject(Deadlines) private readonly deadlines: Deadlines,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ParticipationLifecycle) private readonly lifecycle: ParticipationLifecycle,
  ) {}

  async fire(timer: TimerRecord): Promise<void> {
    const year = Number(timer.payload.year);
    const quarter = Number(timer.payload.quarter);
    const participation = await this.participations.get(timer.key);
    const opening = { participationId: participation.id, bin: participation.bin, year, quarter };
    if (!(await this.fees.findOf(participation.id, year, quarter))) {
      const fee = Fee.open({ id: uuidv7(), ...opening, dueDate: this.deadlines.feeDueDate(year, quarter) }, this.clock.now());
      this.fees.add(fee);
      await this.timers.scheduleDeadline(TIMER.feeDue, fee.id, fee.dueDate);
    }
    if (!(await this.reports.findOf(participation.id, year, quarter))) {
      const report = QuarterlyReport.open({ id: uuidv7(), ...opening, dueDate: this.deadlines.reportDueDate(year, quarter) }, this.clock.now());
      this.reports.add(report);
      await this.timers.scheduleDeadline(TIMER.reportDue, report.id, report.dueDate);
    }
    const next = nextQuarter(year, quarter);
    const nextStart = quarterStart(next.year, next.quarter);
    if (compareIsoDates(nextStart, participation.lastDay) <= 0) {
      await this.lifecycle.armQuarter(participation, nextStart);
    }
  }
}
