import { Injectable } from '@nestjs/common';
import {
  ActivityTypesChangedV1,
  ApplicationSubmittedV1,
  CertificateIssuedV1,
  CommissionVoteCastV1,
  DecisionMadeV1,
  ParticipantAddressChangedV1,
  ParticipantListedV1,
  ParticipantRegisteredV1,
  RegistrationDeadlineMissedV1,
  RemarksIssuedV1,
  SentToCommissionV1,
  TranslationRecordedV1,
} from '@hub/contracts';
import type { DomainEvent } from '@hub/kernel';
import { IntegrationEventMapper, type OutboxMessage, outboxMessage } from '@hub/nest-commons';
import type { RegistrationDomainEvent } from '../domain/registration.events.js';

/**
 * Registration's published language seen from its domain (ADR 0035 §3): which recorded domain
 * event becomes which integration event of `hub.registration.events.v1`, in which version, keyed
 * by the company's BIN (so one company's events stay in order). The unit of work calls it for
 * every event the transaction's aggregates recorded and writes the result to the outbox in the
 * same transaction. Events not listed stay internal (ApplicantNotified, ContractSigned — its
 * published form is the participant's ParticipantRegistered —, ApplicationCertificateIssued,
 * ApplicationListed). No payload carries the business plan (F-35).
 */
@Injectable()
export class RegistrationIntegrationEvents extends IntegrationEventMapper {
  map(domainEvent: DomainEvent): readonly OutboxMessage[] {
    const e = domainEvent as RegistrationDomainEvent;
    const at = e.occurredAt.toISOString();
    switch (e.name) {
      case 'ApplicationSubmitted':
      case 'ApplicationResubmitted':
        return [
          outboxMessage(
            ApplicationSubmittedV1,
            e.aggregateId,
            {
              applicationId: e.aggregateId,
              bin: e.bin,
              companyName: e.companyName,
              kind: e.kind,
              language: e.language,
              resubmission: e.name === 'ApplicationResubmitted',
              submittedAt: at,
              reviewDueDate: e.reviewDueDate,
              failedChecks: [...e.failedChecks],
              documentIds: [...e.documentIds],
              filedBy: e.filedBy,
            },
            e.bin,
          ),
        ];
      case 'RemarksIssued':
        return [
          outboxMessage(
            RemarksIssuedV1,
            e.aggregateId,
            { applicationId: e.aggregateId, bin: e.bin, remarks: e.remarks.map((r) => ({ field: r.field, message: r.message })), issuedAt: at },
            e.bin,
          ),
        ];
      case 'SentToCommission':
        return [
          outboxMessage(SentToCommissionV1, e.aggregateId, { applicationId: e.aggregateId, bin: e.bin, sentAt: at, decisionDueDate: e.decisionDueDate }, e.bin),
        ];
      case 'CommissionVoteCast':
        // Issue #16, ADR 0138 §2: who voted, never how (no vote, grounds or comment) — every time, a later vote replaces the earlier.
        return [outboxMessage(CommissionVoteCastV1, e.aggregateId, { applicationId: e.aggregateId, bin: e.bin, member: e.member, castAt: at }, e.bin)];
      case 'DecisionRecorded':
        return [
          outboxMessage(
            DecisionMadeV1,
            e.aggregateId,
            {
              applicationId: e.aggregateId,
              bin: e.bin,
              kind: e.kind,
              decision: e.decision,
              grounds: [...e.grounds],
              protocolNumber: e.protocolNumber,
              decidedOn: e.decidedOn,
              notificationDueDate: e.notificationDueDate,
            },
            e.bin,
          ),
        ];
      case 'ParticipantRegistered':
        // Published under the application's id, as before the participant was an aggregate.
        return [
          outboxMessage(
            ParticipantRegisteredV1,
            e.applicationId,
            {
              participantId: e.participantId,
              applicationId: e.applicationId,
              bin: e.bin,
              companyName: e.companyName,
              address: e.address,
              activityTypes: e.activityTypes.map((t) => ({ code: t.code, name: t.name, works: [...t.works] })),
              contractNumber: e.contractNumber,
              contractSignedOn: e.contractSignedOn,
              termStart: e.termStart,
              termEnd: e.termEnd,
              certificateNumber: e.certificateNumber,
              certificateDueDate: e.certificateDueDate,
            },
            e.bin,
          ),
        ];
      case 'ParticipantCertificateIssued':
        return [
          outboxMessage(
            CertificateIssuedV1,
            e.aggregateId,
            {
              participantId: e.aggregateId,
              bin: e.bin,
              certificateNumber: e.certificateNumber,
              issuedOn: e.issuedOn,
              validFrom: e.validFrom,
              validTo: e.validTo,
            },
            e.bin,
          ),
        ];
      case 'ParticipantListed':
        return [outboxMessage(ParticipantListedV1, e.aggregateId, { participantId: e.aggregateId, bin: e.bin, listedOn: e.listedOn }, e.bin)];
      case 'ActivityTypesChanged':
        return [
          outboxMessage(
            ActivityTypesChangedV1,
            e.aggregateId,
            {
              participantId: e.aggregateId,
              applicationId: e.applicationId,
              bin: e.bin,
              activityTypes: e.activityTypes.map((t) => ({ code: t.code, name: t.name, works: [...t.works] })),
              added: [...e.added],
              removed: [...e.removed],
              effectiveFrom: e.effectiveFrom,
            },
            e.bin,
          ),
        ];
      case 'ParticipantAddressChanged':
        return [
          outboxMessage(
            ParticipantAddressChangedV1,
            e.aggregateId,
            { participantId: e.aggregateId, bin: e.bin, address: e.address, reportedOn: e.reportedOn },
            e.bin,
          ),
        ];
      case 'TranslationRecorded':
        return [
          outboxMessage(
            TranslationRecordedV1,
            e.aggregateId,
            {
              taskId: e.aggregateId,
              applicationId: e.applicationId,
              bin: e.bin,
              targetLanguage: e.targetLanguage,
              documentId: e.documentId,
              recordedAt: at,
            },
            e.bin,
          ),
        ];
      case 'DeadlineMissed':
        return [
          outboxMessage(
            RegistrationDeadlineMissedV1,
            e.applicationId,
            { applicationId: e.applicationId, bin: e.bin, kind: e.kind, ruleId: e.ruleId, dueDate: e.dueDate, missedAt: at },
            e.bin,
          ),
        ];
      case 'ApplicantNotified':
      case 'ContractSigned':
      case 'ApplicationCertificateIssued':
      case 'ApplicationListed':
        return []; // internal: the participant's events carry what other contexts need
      case 'ParticipantExtended':
      case 'ParticipantEnded':
        return []; // internal: participation published these facts; registration only follows them in its registry
    }
  }
}
