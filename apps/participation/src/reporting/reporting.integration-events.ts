import { almatyDate } from '@hub/calendar';
import { ReportOverdueV1, ReportSubmittedV1 } from '@hub/contracts';
import type { DomainEvent } from '@hub/kernel';
import { outboxMessage, type OutboxMessage } from '@hub/nest-commons';
import type { QuarterlyReportEvent } from './domain/quarterly-report.aggregate.js';

const NAMES: ReadonlySet<string> = new Set<QuarterlyReportEvent['name']>(['QuarterlyReportOpened', 'QuarterlyReportSubmitted', 'QuarterlyReportBecameOverdue']);
const isReportEvent = (e: DomainEvent): e is QuarterlyReportEvent => NAMES.has(e.name);

/**
 * The reporting module's part of the published language: an overdue report (ground F-28(4)) and a
 * submitted one (F-37: the quarter is reported — what stops its reminder, ADR 0105). Ids, the quarter
 * and dates only — never the analysis, the figures or the non-residents (F-35, F-42).
 */
export function mapReportingEvent(event: DomainEvent): OutboxMessage[] {
  if (!isReportEvent(event)) return [];
  switch (event.name) {
    case 'QuarterlyReportBecameOverdue':
      return [
        outboxMessage(
          ReportOverdueV1,
          event.participationId,
          {
            reportId: event.aggregateId,
            participationId: event.participationId,
            bin: event.bin,
            year: event.year,
            quarter: event.quarter,
            dueDate: event.dueDate,
            ground: 'reports-not-submitted',
          },
          event.bin,
        ),
      ];
    case 'QuarterlyReportSubmitted':
      return [
        outboxMessage(
          ReportSubmittedV1,
          event.participationId,
          {
            reportId: event.aggregateId,
            participationId: event.participationId,
            bin: event.bin,
            year: event.year,
            quarter: event.quarter,
            dueDate: event.dueDate,
            submittedOn: almatyDate(event.occurredAt),
            late: event.late,
          },
          event.bin,
        ),
      ];
    case 'QuarterlyReportOpened':
      return [];
  }
}
