import { almatyDate } from '@hub/calendar';
import {
  AuditOpinionOwedV1,
  AuditOpinionSubmittedV1,
  CorporateNoticeFiledV1,
  DeadlineMissedV1,
  InformationRequestAnsweredV1,
  InformationRequestedV1,
} from '@hub/contracts';
import type { DomainEvent } from '@hub/kernel';
import { outboxMessage, type OutboxMessage } from '@hub/nest-commons';
import type { AuditObligationEvent, CorporateNoticeEvent, InformationRequestEvent } from './domain/obligation.events.js';
import { ruleOfInformationRequest as ruleOfRequest } from './domain/obligation.types.js';

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

/** The counter-obligations' part of the published language: a request and an owed audit opinion with their due days (ADR 0105), a missed deadline of an information request (F-32, F-38; F-33) or an audit opinion (F-33). */
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
    // Issue #10 (ADR 0049): the documents given by id travel with the fact, so that documents attaches them.
    case 'InformationRequestAnswered':
      return [
        outboxMessage(
          InformationRequestAnsweredV1,
          event.participationId,
          {
            requestId: event.aggregateId,
            participationId: event.participationId,
            bin: event.bin,
            kind: event.kind,
            ruleIds: [ruleOfRequest(event.kind)],
            answeredOn: event.answeredOn,
            late: event.late,
            documentIds: [...event.documentIds],
          },
          event.bin,
        ),
      ];
    case 'AuditOpinionSubmitted':
      return [
        outboxMessage(
          AuditOpinionSubmittedV1,
          event.participationId,
          {
            obligationId: event.aggregateId,
            participationId: event.participationId,
            bin: event.bin,
            financialYear: event.financialYear,
            submittedOn: event.submittedOn,
            late: event.late,
            documentIds: [...event.documentIds],
          },
          event.bin,
        ),
      ];
    case 'CorporateNoticeFiled':
      return [
        outboxMessage(
          CorporateNoticeFiledV1,
          event.participationId,
          {
            noticeId: event.aggregateId,
            participationId: event.participationId,
            bin: event.bin,
            kind: event.kind,
            eventDate: event.eventDate,
            filedOn: event.filedOn,
            onTime: event.onTime,
            documentIds: [...event.documentIds],
          },
          event.bin,
        ),
      ];
    // ADR 0105: what is owed and by when — the reminders' source; the request's text stays here (F-35).
    case 'InformationRequested':
      return [
        outboxMessage(
          InformationRequestedV1,
          event.participationId,
          {
            requestId: event.aggregateId,
            participationId: event.participationId,
            bin: event.bin,
            kind: event.kind,
            ruleIds: [ruleOfRequest(event.kind)],
            requestedOn: almatyDate(event.occurredAt),
            dueDate: event.dueDate,
          },
          event.bin,
        ),
      ];
    case 'AuditOpinionOwed':
      return [
        outboxMessage(
          AuditOpinionOwedV1,
          event.participationId,
          {
            obligationId: event.aggregateId,
            participationId: event.participationId,
            bin: event.bin,
            financialYear: event.financialYear,
            dueDate: event.dueDate,
          },
          event.bin,
        ),
      ];
  }
}
