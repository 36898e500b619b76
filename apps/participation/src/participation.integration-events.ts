import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@hub/kernel';
import { IntegrationEventMapper, type OutboxMessage } from '@hub/nest-commons';
import { mapFeeEvent } from './fees/fees.integration-events.js';
import { mapMonitoringEvent } from './monitoring/monitoring.integration-events.js';
import { mapObligationEvent } from './obligations/obligations.integration-events.js';
import { mapParticipationEvent } from './participation/participation.integration-events.js';
import { mapReportingEvent } from './reporting/reporting.integration-events.js';

/** Each module says which of its recorded events it publishes; an event no module maps stays internal. */
const MODULE_MAPPERS: readonly ((event: DomainEvent) => readonly OutboxMessage[])[] = [
  mapParticipationEvent,
  mapFeeEvent,
  mapReportingEvent,
  mapObligationEvent,
  mapMonitoringEvent,
];

/**
 * Participation's published language, seen from its domain (ADR 0035 §3): the one place that says
 * which recorded domain event becomes which integration event of `hub.participation.events.v1`
 * (packages/contracts/src/participation/events.ts), in which version, keyed by the company's BIN.
 * The UnitOfWork writes what it returns to the outbox in the command's transaction.
 */
@Injectable()
export class ParticipationIntegrationEvents extends IntegrationEventMapper {
  map(event: DomainEvent): readonly OutboxMessage[] {
    return MODULE_MAPPERS.flatMap((mapModule) => mapModule(event));
  }
}
