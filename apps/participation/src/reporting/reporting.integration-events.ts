import { ReportOverdueV1 } from '@hub/contracts';
import type { DomainEvent } from '@hub/kernel';
import { outboxMessage, type OutboxMessage } from '@hub/nest-commons';
import type { QuarterlyReportEvent } from './domain/quarterly-report.aggregate.js';

const NAMES: ReadonlySet<string> = new Set<QuarterlyReportEvent['name']>(['QuarterlyReportOpened', 'QuarterlyReportSubmitted', 'QuarterlyReportBecameOverdue']);
const isReportEvent = (e: DomainEvent): e is QuarterlyReportEvent => NAMES.has(e.name);

/** The reporting module's part of the published language: an overdue report (ground F-28(4)). No personal data ever (F-35, F-42). */
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
    case 'QuarterlyReportOpened':
    case 'QuarterlyReportSubmitted':
      return [];
  }
}
