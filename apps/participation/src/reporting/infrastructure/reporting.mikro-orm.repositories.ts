import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { NonResidentRecords, QuarterlyReportRepository } from '../application/ports/quarterly-report.repository.js';
import { NonResidentRecord, type PiiAccessLogEntry, QuarterlyReport } from '../domain/quarterly-report.aggregate.js';
import { FLUSH_FIRST } from '../../shared/infrastructure/flush-first.js';

@Injectable()
export class MikroOrmQuarterlyReportRepository extends QuarterlyReportRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  async get(id: string): Promise<QuarterlyReport> {
    const r = await this.uow.em().findOne(QuarterlyReport, { id }, FLUSH_FIRST);
    if (!r) throw new NotFoundError('quarterly-report', id);
    return r;
  }

  findOf(participationId: string, year: number, quarter: number): Promise<QuarterlyReport | null> {
    return this.uow.em().findOne(QuarterlyReport, { participationId, year, quarter }, FLUSH_FIRST);
  }

  add(report: QuarterlyReport): void {
    this.uow.em().persist(report);
  }
}

@Injectable()
export class MikroOrmNonResidentRecords extends NonResidentRecords {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  ofReport(reportId: string): Promise<NonResidentRecord[]> {
    return this.uow.em().find(NonResidentRecord, { reportId }, { ...FLUSH_FIRST, orderBy: { kind: 'asc', position: 'asc' } });
  }

  add(records: readonly NonResidentRecord[]): void {
    for (const r of records) this.uow.em().persist(r);
  }

  remove(records: readonly NonResidentRecord[]): void {
    for (const r of records) this.uow.em().remove(r);
  }

  logAccess(entry: PiiAccessLogEntry): void {
    this.uow.em().persist(entry);
  }
}
