import type { NonResidentRecord, PiiAccessLogEntry, QuarterlyReport } from '../../domain/quarterly-report.aggregate.js';

/** Quarterly reports (F-37, F-39), in the current unit of work. */
export abstract class QuarterlyReportRepository {
  /** The report, or NotFoundError. */
  abstract get(id: string): Promise<QuarterlyReport>;
  abstract findOf(participationId: string, year: number, quarter: number): Promise<QuarterlyReport | null>;
  abstract add(report: QuarterlyReport): void;
}

/** F-42: the encrypted non-resident records of reports, and the log of every read of them. */
export abstract class NonResidentRecords {
  abstract ofReport(reportId: string): Promise<NonResidentRecord[]>;
  abstract add(records: readonly NonResidentRecord[]): void;
  /** F-42 (ADR 0119): deletes the records (the end of their retention). */
  abstract remove(records: readonly NonResidentRecord[]): void;
  abstract logAccess(entry: PiiAccessLogEntry): void;
}
