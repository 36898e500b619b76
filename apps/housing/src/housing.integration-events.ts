import { Injectable } from '@nestjs/common';
import { HousingRequestOpenedV1 } from '@hub/contracts';
import type { DomainEvent } from '@hub/kernel';
import { IntegrationEventMapper, type OutboxMessage, outboxMessage } from '@hub/nest-commons';
import { isHousingRequestEvent } from './requests/domain/request.events.js';

/**
 * Housing and premises's published language seen from its domain (ADR 0035 §3): which recorded domain event
 * becomes which integration event (packages/contracts/src/housing/events.ts), keyed by the
 * company's BIN so that one company's events keep their order. It runs in the command's
 * transaction. A domain event mapped to nothing stays internal.
 */
@Injectable()
export class HousingIntegrationEvents extends IntegrationEventMapper {
  map(event: DomainEvent): readonly OutboxMessage[] {
    // ParticipantJoined (participants/domain) stays internal: registration already published the fact.
    // A mapped event of an aggregate an inbox handler changed is written in the inbox's transaction.
    if (!isHousingRequestEvent(event)) return [];
    switch (event.name) {
      case 'RequestOpened':
        return [
          outboxMessage(
            HousingRequestOpenedV1,
            event.aggregateId,
            { requestId: event.aggregateId, bin: event.bin, subject: event.subject, openedAt: event.occurredAt.toISOString(), reviewDueOn: event.reviewDueOn },
            event.bin,
          ),
        ];
      case 'RequestBecameOverdue':
        // Internal for now: publish it (a new event definition) once another context needs it.
        return [];
    }
  }
}
