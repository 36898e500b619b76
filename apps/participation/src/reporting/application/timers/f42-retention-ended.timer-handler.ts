import { Inject, Injectable } from '@nestjs/common';
import { Clock, uuidv7 } from '@hub/kernel';
import { MessageContexts, type TimerHandler, type TimerRecord } from '@hub/messaging';
import { TIMER } from '../../../shared/application/timer-kinds.js';
import { today } from '../../../shared/application/today.js';
import { PiiAccessLogEntry } from '../../domain/quarterly-report.aggregate.js';
import { NonResidentRecords, QuarterlyReportRepository } from '../ports/quarterly-report.repository.js';

/** Who deleted the data in the access log: the context itself, at the end of the retention (no person did). */
export const RETENTION_ACTOR = 'service:participation';

/**
 * F-42 (ADR 0119): the retention of a report's non-residents' personal data ended — its records are
 * deleted, the report marks the day (its counts stay), and the deletion is written to the F-42 access
 * log that auditors read, all in the timer's transaction. Firing again changes nothing.
 */
@Injectable()
export class F42RetentionEndedTimerHandler implements TimerHandler {
  readonly kind = TIMER.f42RetentionEnded;

  constructor(
    @Inject(QuarterlyReportRepository) private readonly reports: QuarterlyReportRepository,
    @Inject(NonResidentRecords) private readonly nonResidents: NonResidentRecords,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fire(timer: TimerRecord): Promise<void> {
    const report = await this.reports.get(timer.key);
    if (report.personalDataPurgedOn !== null) return;
    const records = await this.nonResidents.ofReport(report.id);
    const now = this.clock.now();
    const on = today(this.clock);
    this.nonResidents.remove(records);
    report.markPersonalDataPurged(on, now);
    this.nonResidents.logAccess(
      PiiAccessLogEntry.of({
        id: uuidv7(),
        actorSubject: RETENTION_ACTOR,
        actorRoles: [],
        bin: report.bin,
        participationId: report.participationId,
        reportId: report.id,
        what: `F-42 retention ended: ${records.length} personal record(s) of quarterly report ${report.year}-Q${report.quarter} deleted`,
        correlationId: MessageContexts.current()?.correlationId ?? null,
        accessedAt: now,
      }),
    );
  }
}
