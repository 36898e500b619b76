import { Inject, Injectable } from '@nestjs/common';
import { uuidv7 } from '@hub/kernel';
import type { Em, TimerHandler, TimerRecord } from '@hub/messaging';
import { Fee } from '../../../fees/domain/fee.aggregate.js';
import { QuarterlyReport } from '../../../reporting/domain/quarterly-report.aggregate.js';
import { compareIsoDates, nextQuarter, quarterStart } from '../../../shared/domain/calendar.js';
import { ContextServices } from '../../../shared/application/platform.js';
import { TIMER } from '../../../shared/application/timer-kinds.js';
import { ParticipationLifecycle } from '../participation-lifecycle.service.js';

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
    @Inject(ContextServices) private readonly ctx: ContextServices,
    @Inject(ParticipationLifecycle) private readonly lifecycle: ParticipationLifecycle,
  ) {}

  async fire(timer: TimerRecord, em: Em): Promise<void> {
    const year = Number(timer.payload.year);
    const quarter = Number(timer.payload.quarter);
    const participation = await this.ctx.participation(em, timer.key);
    const now = this.ctx.now();
    const d = this.ctx.deadlines;
    const existingFee = await em.findOne(Fee, { participationId: participation.id, year, quarter });
    if (!existingFee) {
      const fee = Fee.open({ id: uuidv7(), participationId: participation.id, bin: participation.bin, year, quarter, dueDate: d.feeDueDate(year, quarter) }, now);
      em.persist(fee);
      await this.ctx.scheduleDeadline(em, TIMER.feeDue, fee.id, fee.dueDate);
    }
    const existingReport = await em.findOne(QuarterlyReport, { participationId: participation.id, year, quarter });
    if (!existingReport) {
      const report = QuarterlyReport.open({ id: uuidv7(), participationId: participation.id, bin: participation.bin, year, quarter, dueDate: d.reportDueDate(year, quarter) }, now);
      em.persist(report);
      await this.ctx.scheduleDeadline(em, TIMER.reportDue, report.id, report.dueDate);
    }
    const next = nextQuarter(year, quarter);
    const lastDay = participation.endedOn ?? participation.termEnd;
    const nextStart = quarterStart(next.year, next.quarter);
    if (compareIsoDates(nextStart, lastDay) <= 0) {
      await this.lifecycle.armQuarter(em, participation, nextStart);
    }
  }
}
