import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import type { TimerHandler, TimerRecord } from '@hub/messaging';
import { TIMER } from '../../../shared/application/timer-kinds.js';
import { QuarterlyReportRepository } from '../ports/quarterly-report.repository.js';

/** F-37, F-39: the quarterly report was not submitted by its due date — overdue, ground F-28(4) (report-overdue is published from the recorded event). */
@Injectable()
export class ReportDueTimerHandler implements TimerHandler {
  readonly kind = TIMER.reportDue;

  constructor(
    @Inject(QuarterlyReportRepository) private readonly reports: QuarterlyReportRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fire(timer: TimerRecord): Promise<void> {
    const report = await this.reports.get(timer.key);
    report.markOverdue(this.clock.now());
  }
}
