import {
  EarlyTerminationReferredV1,
  ExtensionFiledV1,
  ExtensionRefusedV1,
  GROUND_NUMBER,
  ParticipationExtendedV1,
  ParticipationStartedV1,
  ParticipationTerminatedV1,
} from '@hub/contracts';
import type { DomainEvent } from '@hub/kernel';
import { outboxMessage, type OutboxMessage } from '@hub/nest-commons';
import type { EarlyTerminationEvent } from './domain/early-termination.aggregate.js';
import type { ExtensionEvent } from './domain/extension.aggregate.js';
import type { ParticipationEvent } from './domain/participation.events.js';

type ModuleEvent = ParticipationEvent | ExtensionEvent | EarlyTerminationEvent;
const NAMES: ReadonlySet<string> = new Set<ModuleEvent['name']>([
  'ParticipationStarted',
  'ActivityTypesReplaced',
  'ParticipationExtended',
  'ParticipationTerminated',
  'ExtensionFiled',
  'ExtensionApproved',
  'ExtensionRejected',
  'EarlyTerminationOpened',
  'EarlyTerminationDecidedByCommission',
  'EarlyTerminationCompleted',
  'EarlyTerminationCancelled',
]);
const isModuleEvent = (e: DomainEvent): e is ModuleEvent => NAMES.has(e.name);

/**
 * The participation module's part of the published language (ADR 0035 §3): term, extension and
 * termination facts, keyed by BIN, with the participation as the aggregate on the wire (as first
 * published). An extension filed is published (ADR 0105); its approval is published as
 * participation-extended, its refusal as extension-refused (ADR 0107); the case's own steps stay internal; a case referred to the
 * Commission is published (F-30). Any other event → [].
 */
export function mapParticipationEvent(event: DomainEvent): OutboxMessage[] {
  if (!isModuleEvent(event)) return [];
  switch (event.name) {
    case 'ParticipationStarted':
      return [
        outboxMessage(
          ParticipationStartedV1,
          event.aggregateId,
          {
            participationId: event.aggregateId,
            participantId: event.participantId,
            bin: event.bin,
            companyName: event.companyName,
            activityTypeCodes: event.activityTypes.map((a) => a.code),
            certificateNumber: event.certificateNumber,
            termStart: event.termStart,
            termEnd: event.termEnd,
            extensionDeadline: event.extensionDeadline,
          },
          event.bin,
        ),
      ];
    case 'ParticipationExtended':
      return [
        outboxMessage(
          ParticipationExtendedV1,
          event.aggregateId,
          {
            participationId: event.aggregateId,
            participantId: event.participantId,
            bin: event.bin,
            extensionId: event.extensionId,
            previousTermEnd: event.previousTermEnd,
            newTermEnd: event.newTermEnd,
            certificateNumber: event.certificateNumber,
            issuedOn: event.issuedOn,
          },
          event.bin,
        ),
      ];
    case 'ParticipationTerminated':
      return [
        outboxMessage(
          ParticipationTerminatedV1,
          event.aggregateId,
          {
            participationId: event.aggregateId,
            participantId: event.participantId,
            bin: event.bin,
            kind: event.kind,
            ground: event.ground,
            groundNumber: event.ground === 'term-expired' ? null : GROUND_NUMBER[event.ground],
            decidedBy: event.decidedBy,
            decisionReference: event.decisionReference,
            endedOn: event.endedOn,
            ruleIds: [...event.ruleIds],
          },
          event.bin,
        ),
      ];
    case 'EarlyTerminationOpened':
      if (event.status !== 'pending-commission') return [];
      return [
        outboxMessage(
          EarlyTerminationReferredV1,
          event.participationId,
          {
            caseId: event.aggregateId,
            participationId: event.participationId,
            bin: event.bin,
            ground: event.ground,
            groundNumber: GROUND_NUMBER[event.ground],
            referredOn: event.openedOn,
          },
          event.bin,
        ),
      ];
    // F-25, ADR 0105: an extension applied for in time — what stops the extension-window reminder.
    case 'ExtensionFiled':
      return [
        outboxMessage(
          ExtensionFiledV1,
          event.participationId,
          {
            extensionId: event.aggregateId,
            participationId: event.participationId,
            bin: event.bin,
            filedOn: event.filedOn,
            currentTermEnd: event.currentTermEnd,
            requestedTermEnd: event.requestedTermEnd,
          },
          event.bin,
        ),
      ];
    // F-25, ADR 0107: a refusal leaves the term as it was — while the window is open the company may
    // apply again, so the extension-window reminder is re-armed. The reason is not published.
    case 'ExtensionRejected':
      return [
        outboxMessage(
          ExtensionRefusedV1,
          event.participationId,
          {
            extensionId: event.aggregateId,
            participationId: event.participationId,
            bin: event.bin,
            refusedOn: event.refusedOn,
            termEnd: event.termEnd,
          },
          event.bin,
        ),
      ];
    case 'ActivityTypesReplaced':
    case 'ExtensionApproved':
    case 'EarlyTerminationDecidedByCommission':
    case 'EarlyTerminationCompleted':
    case 'EarlyTerminationCancelled':
      return [];
  }
}
