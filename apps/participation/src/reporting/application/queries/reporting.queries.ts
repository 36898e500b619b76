import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
import { NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { assertMayActFor } from '../../../shared/application/access.js';
import { Participation } from '../../../participation/domain/participation.aggregate.js';
import { AnalyticsReport } from '../../domain/analytics-report.js';
import { AnalyticsArchiveRecords, type ArchivedAnalytics } from '../ports/analytics-archive.ports.js';
import { PiiAccessLogEntry, QuarterlyReport } from '../../domain/quarterly-report.aggregate.js';

/** Reads of quarterly reports (F-37), the F-42 access log and the F-41 analytics. No personal data here. */
@Injectable()
export class ReportingQueries {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(AnalyticsArchiveRecords) private readonly archive: AnalyticsArchiveRecords,
  ) {}

  async reportsOf(actor: Actor, participationId: string): Promise<QuarterlyReport[]> {
    const em = this.uow.reader();
    const p = await em.findOne(Participation, { id: participationId });
    if (!p) throw new NotFoundError('participation', participationId);
    assertMayActFor(actor, p.bin, ['participation', participationId]);
    return em.find(QuarterlyReport, { participationId }, { orderBy: { year: 'asc', quarter: 'asc' } });
  }

  /** F-37, F-39, F-28(4): reports not submitted by their due date. */
  overdue(): Promise<QuarterlyReport[]> {
    return this.uow.reader().find(QuarterlyReport, { status: 'overdue' }, { orderBy: { dueDate: 'asc', bin: 'asc' } });
  }

  accessLog(bin: string | undefined): Promise<PiiAccessLogEntry[]> {
    return this.uow.reader().find(PiiAccessLogEntry, bin ? { bin } : {}, { orderBy: { accessedAt: 'desc' }, limit: 1000 });
  }

  async analytics(year: number, quarter: number): Promise<AnalyticsReport> {
    const a = await this.uow.reader().findOne(AnalyticsReport, { year, quarter });
    if (!a) throw new NotFoundError('analytics report', `${year}-Q${quarter}`);
    return a;
  }

  /** Issue #10 (ADR 0132): the issued copy of the report's current edition in the Fund's archive, once the archiving timer has run. */
  archivedAnalytics(a: AnalyticsReport): Promise<ArchivedAnalytics | undefined> {
    return this.archive.archivedCopy(this.uow.reader(), a.id, a.generatedAt);
  }
}
