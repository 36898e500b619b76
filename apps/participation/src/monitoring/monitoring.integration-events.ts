import { MonitoringNotExpedientV1 } from '@hub/contracts';
import type { DomainEvent } from '@hub/kernel';
import { outboxMessage, type OutboxMessage } from '@hub/nest-commons';
import type { MonitoringConcluded } from './domain/monitoring-conclusion.js';

const isConcluded = (e: DomainEvent): e is MonitoringConcluded => e.name === 'MonitoringConcluded';

/** The monitoring module's part of the published language: a "not expedient" conclusion notifies the participant (F-40); "expedient" stays internal. */
export function mapMonitoringEvent(event: DomainEvent): OutboxMessage[] {
  if (!isConcluded(event) || event.conclusion !== 'not-expedient') return [];
  return [
    outboxMessage(
      MonitoringNotExpedientV1,
      event.participationId,
      {
        participationId: event.participationId,
        bin: event.bin,
        conclusionId: event.aggregateId,
        project: event.project,
        periodFrom: event.periodFrom,
        periodTo: event.periodTo,
        concludedOn: event.concludedOn,
      },
      event.bin,
    ),
  ];
}
