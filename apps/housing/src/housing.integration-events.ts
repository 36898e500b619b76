import { Injectable } from '@nestjs/common';
import {
  HousingActSignedV1,
  HousingOfferMadeV1,
  HousingPremisesAllocatedV1,
  HousingPremisesHandBackOverdueV1,
  HousingPremisesHandedBackV1,
  HousingPremisesReleasedV1,
  HousingUnitAllocatedV1,
  HousingUnitReleasedV1,
  HousingVacateOverdueV1,
  HousingVacateRequiredV1,
} from '@hub/contracts';
import type { DomainEvent } from '@hub/kernel';
import { IntegrationEventMapper, type OutboxMessage, outboxMessage } from '@hub/nest-commons';
import { isAllocationEvent } from './acceleration/domain/acceleration.events.js';
import { type PremisesLeaseEvent, isPremisesLeaseEvent } from './premises/domain/premises-lease.aggregate.js';

/**
 * Housing's published language seen from its domain (ADR 0035 §3): which recorded domain event
 * becomes which integration event (packages/contracts/src/housing/events.ts), keyed by the unit id
 * so that one dwelling's events keep their order. No personal data leaves (F-42): the person in acceleration
 * is named by their portal subject only (ADR 0116), for notifications' person inbox. Inventory,
 * enrolment and case events stay internal; premises leases publish allocated, released and handed
 * back (ADR 0053), a request and its cancellation stay internal.
 */
@Injectable()
export class HousingIntegrationEvents extends IntegrationEventMapper {
  map(event: DomainEvent): readonly OutboxMessage[] {
    if (isPremisesLeaseEvent(event)) return premisesMessages(event);
    if (!isAllocationEvent(event)) return [];
    const place = { allocationId: event.aggregateId, unitId: event.unitId, buildingId: event.buildingId, bed: event.bed, townKatoCode: event.townKatoCode };
    switch (event.name) {
      case 'OfferMade':
        return [
          outboxMessage(
            HousingOfferMadeV1,
            event.aggregateId,
            {
              ...place,
              caseId: event.caseId,
              enrolmentId: event.enrolmentId,
              offeredAt: event.occurredAt.toISOString(),
              acceptBy: event.acceptBy,
              personSubject: event.personSubject,
            },
            event.unitId,
          ),
        ];
      case 'ContractConcluded':
        return [
          outboxMessage(
            HousingUnitAllocatedV1,
            event.aggregateId,
            {
              ...place,
              caseId: event.caseId,
              enrolmentId: event.enrolmentId,
              contractNumber: event.contractNumber,
              startsOn: event.startsOn,
              contractEndsOn: event.contractEndsOn,
              personSubject: event.personSubject,
            },
            event.unitId,
          ),
        ];
      case 'ActSigned':
        return [
          outboxMessage(
            HousingActSignedV1,
            event.aggregateId,
            {
              ...place,
              caseId: event.caseId,
              kind: event.kind,
              signedOn: event.signedOn,
              inventoryMissing: event.inventoryMissing,
              damagesTiyn: event.damagesTiyn,
              documentIds: [...event.documentIds],
              personSubject: event.personSubject,
            },
            event.unitId,
          ),
        ];
      case 'VacateDeadlineStarted':
        // F-61 (ADR 0116): the person is told the day to vacate by; the deadline itself is on GET /deadlines.
        return [
          outboxMessage(
            HousingVacateRequiredV1,
            event.aggregateId,
            { ...place, caseId: event.caseId, vacateBy: event.vacateBy, reason: event.reason, personSubject: event.personSubject },
            event.unitId,
          ),
        ];
      case 'VacateBecameOverdue':
        return [
          outboxMessage(
            HousingVacateOverdueV1,
            event.aggregateId,
            { ...place, caseId: event.caseId, vacateBy: event.vacateBy, reason: event.reason },
            event.unitId,
          ),
        ];
      case 'PlaceReleased':
        return [
          outboxMessage(
            HousingUnitReleasedV1,
            event.aggregateId,
            { ...place, caseId: event.caseId, releasedOn: event.releasedOn, reason: event.reason },
            event.unitId,
          ),
        ];
      case 'OfferEnded':
        // Internal: the bed moves on (F-62); publish it (a new definition) once another context needs it.
        return [];
    }
  }
}

/** F-57, F-58 (ADR 0053): a lease's facts, keyed by the unit like the dwellings' events; the company's BIN, no personal data. */
function premisesMessages(event: PremisesLeaseEvent): readonly OutboxMessage[] {
  const lease = { leaseId: event.aggregateId, participantId: event.participantId, bin: event.bin, premisesKind: event.premisesKind };
  switch (event.name) {
    case 'PremisesAllocated':
      return [
        outboxMessage(
          HousingPremisesAllocatedV1,
          event.aggregateId,
          { ...lease, unitId: event.unitId, startsOn: event.startsOn, endsOn: event.endsOn },
          event.unitId,
        ),
      ];
    case 'PremisesReleaseStarted':
      return [
        outboxMessage(
          HousingPremisesReleasedV1,
          event.aggregateId,
          { ...lease, unitId: event.unitId, lastDayOfUse: event.lastDayOfUse, reason: event.reason, handBackBy: event.handBackBy },
          event.unitId,
        ),
      ];
    case 'PremisesHandBackOverdue':
      return [
        outboxMessage(
          HousingPremisesHandBackOverdueV1,
          event.aggregateId,
          { ...lease, unitId: event.unitId, lastDayOfUse: event.lastDayOfUse, handBackBy: event.handBackBy },
          event.unitId,
        ),
      ];
    case 'PremisesHandedBack':
      return [
        outboxMessage(
          HousingPremisesHandedBackV1,
          event.aggregateId,
          {
            ...lease,
            unitId: event.unitId,
            lastDayOfUse: event.lastDayOfUse,
            signedOn: event.signedOn,
            inventoryMissing: event.inventoryMissing,
            damagesTiyn: event.damagesTiyn,
            documentIds: [...event.documentIds],
          },
          event.unitId,
        ),
      ];
    case 'PremisesRequested':
    case 'PremisesRequestCancelled':
      return [];
  }
}
