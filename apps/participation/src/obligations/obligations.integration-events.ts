import { DeadlineMissedV1 } from '@hub/contracts';
import type { DomainEvent } from '@hub/kernel';
import { outboxMessage, type OutboxMessage } from '@hub/nest-commons';
import type { AuditObligationEvent, CorporateNoticeEvent, InformationRequestEvent } from './domain/obligation.events.js';

type ModuleEvent = InformationRequestEvent | AuditObligationEvent | CorporateNoticeEvent;
const NAMES: ReadonlySet<string> = new Set<ModuleEvent['name']>([
  'InformationRequested',
  'InformationRequestAnswered',
  'InformationRequestBecameOverdue',
  'AuditOpinionOwed',
  'AuditOpinionSubmitted',
  'AuditOpinionBecameOverdue',
  'CorporateNoticeFiled',
]);
const isModuleEvent = (e: DomainEvent): e is ModuleEvent => NAMES.has(e.name);

/** Which rule a request rests on: F-38 extra documents in monitoring (ground 4 when missed), F-33 the audit report, else F-32 (ground 7 when missed). */
const ruleOfRequest = (kind: string): string => (kind === 'additional-documents' ? 'F-38' : kind === 'audit-report' ? 'F-33' : 'F-32');

/** The counter-obligations' part of the published language: a missed deadline of an information request (F-32, F-38; F-33) or an audit opinion (F-33). */
export function mapObligationEvent(event: DomainEvent): OutboxMessage[] {
  if (!isModuleEvent(event)) return [];
  switch (event.name) {
    case 'InformationRequestBecameOverdue':
      return [
        outboxMessage(
          DeadlineMissedV1,
          event.participationId,
          {
            participationId: event.participationId,
            bin: event.bin,
            obligation: 'information-request',
            obligationId: event.aggregateId,
            dueDate: event.dueDate,
            ruleIds: [ruleOfRequest(event.kind)],
          },
          event.bin,
        ),
      ];
    case 'AuditOpinionBecameOverdue':
      return [
        outboxMessage(
          DeadlineMissedV1,
          event.participationId,
          {
            participationId: event.participationId,
            bin: event.bin,
            obligation: 'audit-opinion',
            obligationId: event.aggregateId,
            dueDate: event.dueDate,
            ruleIds: ['F-33'],
          },
          event.bin,
        ),
      ];
    case 'InformationRequested':
    case 'InformationRequestAnswered':
    case 'AuditOpinionOwed':
    case 'AuditOpinionSubmitted':
    case 'CorporateNoticeFiled':
      return [];
  }
}
