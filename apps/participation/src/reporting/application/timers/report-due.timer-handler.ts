import { Inject, Injectable } from '@nestjs/common';
import { ReportOverdueV1 } from '@hub/contracts';
import { NotFoundError } from '@hub/kernel';
import type { Em, TimerHandler, TimerRecord } from '@hub/messaging';
import { ContextServices } from '../../../shared/application/platform.js';
import { TIMER } from '../../../shared/application/timer-kinds.js';
import { QuarterlyReport } from '../../domain/quarterly-report.aggregate.js';

/** F-37, F-39: the quarterly report was not submitted by its due date — overdue, ground F-28(4). */
@Injectable()
export class ReportDueTimerHandler implements TimerHandler {
  readonly kind = TIMER.reportDue;

  constructor(@Inject(ContextServices) private readonly ctx: ContextServices) {}

  async fire(timer: TimerRecord, em: Em): Promise<void> {
    const report = await em.findOne(QuarterlyReport, { id: timer.key });
    if (!report) throw new NotFoundError('quarterly-report', timer.key);
    if (!report.markOverdue(this.ctx.now())) return;
    await this.ctx.publish(em, ReportOverdueV1, report.participationId, report.bin, {
      reportId: report.id,
      participationId: report.participationId,
      bin: report.bin,
      year: report.year,
      quarter: report.quarter,
      dueDate: report.dueDate,
      ground: 'reports-not-submitted',
    });
  }
}
