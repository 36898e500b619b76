import { Injectable } from '@nestjs/common';
import {
  ClustersApplicationChangedV1,
  ClustersApplicationFiledV1,
  ClustersApplicationSentToInstituteV1,
  ClustersComparativeAssessmentGivenV1,
  ClustersDeadlineOverdueV1,
  ClustersOpinionGivenV1,
  ClustersOfficeDocumentUsedV1,
  ClustersOpinionsForwardedV1,
  ClustersApplicationReturnedV1,
  ClustersApplicationWithdrawnV1,
  ClustersResultsPublishedV1,
  ClustersRoundAnnouncedV1,
} from '@hub/contracts';
import type { DomainEvent } from '@hub/kernel';
import { IntegrationEventMapper, type OutboxMessage, outboxMessage } from '@hub/nest-commons';
import { isSelectionEvent } from './selection/domain/selection.events.js';

/**
 * The clusters context's published language seen from its domain (ADR 0035 §3): which recorded
 * domain event becomes which integration event (packages/contracts/src/clusters/events.ts). Round
 * events are keyed by the round id, application events by the applicant's BIN. It runs in the
 * command's transaction. A domain event mapped to nothing stays internal.
 */
@Injectable()
export class ClustersIntegrationEvents extends IntegrationEventMapper {
  map(event: DomainEvent): readonly OutboxMessage[] {
    if (!isSelectionEvent(event)) return [];
    switch (event.name) {
      case 'RoundAnnounced':
        return [
          outboxMessage(
            ClustersRoundAnnouncedV1,
            event.aggregateId,
            {
              roundId: event.aggregateId,
              ruleSetId: event.ruleSetId,
              title: event.title,
              announcedOn: event.announcedOn,
              applicationDeadline: event.applicationDeadline.toISOString(),
            },
            event.aggregateId,
          ),
        ];
      case 'ApplicationFiled':
        return [
          outboxMessage(
            ClustersApplicationFiledV1,
            event.aggregateId,
            {
              applicationId: event.aggregateId,
              roundId: event.roundId,
              bin: event.bin,
              filedOn: event.filedOn,
              complianceDueOn: event.complianceDueOn,
              // Issue #10: the members' consents by id, for documents to attach.
              documentIds: [...event.documentIds],
            },
            event.bin,
          ),
        ];
      case 'ApplicationChanged':
        // C-9 with ADR 0049: a revision's consents are attached by documents as those of the filing.
        return [
          outboxMessage(
            ClustersApplicationChangedV1,
            event.aggregateId,
            {
              applicationId: event.aggregateId,
              roundId: event.roundId,
              bin: event.bin,
              revision: event.revision,
              changedAt: event.occurredAt.toISOString(),
              documentIds: [...event.documentIds],
            },
            event.bin,
          ),
        ];
      case 'ApplicationWithdrawn':
        return [
          outboxMessage(
            ClustersApplicationWithdrawnV1,
            event.aggregateId,
            { applicationId: event.aggregateId, roundId: event.roundId, bin: event.bin, withdrawnAt: event.occurredAt.toISOString() },
            event.bin,
          ),
        ];
      case 'ApplicationReturned':
        return [
          outboxMessage(
            ClustersApplicationReturnedV1,
            event.aggregateId,
            {
              applicationId: event.aggregateId,
              roundId: event.roundId,
              bin: event.bin,
              returnedAt: event.occurredAt.toISOString(),
              deficiencies: [...event.deficiencies],
            },
            event.bin,
          ),
        ];
      case 'ResultsPublished':
        return [
          outboxMessage(
            ClustersResultsPublishedV1,
            event.aggregateId,
            {
              roundId: event.aggregateId,
              ruleSetId: event.ruleSetId,
              protocolNumber: event.protocolNumber,
              publishedAt: event.occurredAt.toISOString(),
              winners: event.winners.map((w) => ({ applicationId: w.applicationId, bin: w.bin, clusterName: w.clusterName })),
            },
            event.aggregateId,
          ),
        ];
      case 'ApplicationSentToInstitute':
        return [
          outboxMessage(
            ClustersApplicationSentToInstituteV1,
            event.aggregateId,
            {
              applicationId: event.aggregateId,
              roundId: event.roundId,
              bin: event.bin,
              sentAt: event.occurredAt.toISOString(),
              documentRef: event.documentRef,
              documentId: event.documentId,
              opinionsDueOn: event.opinionsDueOn,
            },
            event.bin,
          ),
        ];
      case 'OpinionGiven':
        return [
          outboxMessage(
            ClustersOpinionGivenV1,
            event.aggregateId,
            {
              applicationId: event.aggregateId,
              roundId: event.roundId,
              bin: event.bin,
              givenAt: event.occurredAt.toISOString(),
              recommendation: event.recommendation,
              findings: event.findings.map((f) => ({ criterion: f.code, finding: f.finding })),
            },
            event.bin,
          ),
        ];
      case 'ComparativeAssessmentGiven':
        return [
          outboxMessage(
            ClustersComparativeAssessmentGivenV1,
            event.aggregateId,
            { roundId: event.aggregateId, givenAt: event.occurredAt.toISOString(), opinionsDueOn: event.opinionsDueOn, ranking: [...event.ranking] },
            event.aggregateId,
          ),
        ];
      case 'OpinionsForwarded':
        return [
          outboxMessage(
            ClustersOpinionsForwardedV1,
            event.aggregateId,
            {
              roundId: event.aggregateId,
              ruleId: event.ruleId,
              recipient: event.recipient,
              forwardedAt: event.occurredAt.toISOString(),
              dueOn: event.dueOn,
              documentRef: event.documentRef,
              documentId: event.documentId,
              applicationIds: [...event.applicationIds],
              commissionDueOn: event.nextDueOn,
            },
            event.aggregateId,
          ),
        ];
      case 'ExpertStageOverdue':
        return [
          outboxMessage(
            ClustersDeadlineOverdueV1,
            event.aggregateId,
            {
              roundId: event.roundId,
              applicationId: event.applicationId,
              ruleId: event.ruleId,
              step: event.step,
              dueOn: event.dueOn,
              overdueAt: event.occurredAt.toISOString(),
            },
            event.roundId,
          ),
        ];
      case 'OfficeDocumentUsed':
        // ADR 0122: documents attaches the office's document to what the step used it for.
        return [
          outboxMessage(
            ClustersOfficeDocumentUsedV1,
            event.aggregateId,
            {
              documentId: event.documentId,
              office: event.office,
              kind: event.kind,
              ruleId: event.ruleId,
              roundId: event.aggregateId,
              usedFor: event.usedFor,
              usedAt: event.occurredAt.toISOString(),
            },
            event.aggregateId,
          ),
        ];
      case 'WinnersDecided':
      case 'PublicationOverdue':
      case 'ApplicationFoundCompliant':
      case 'ComplianceCheckOverdue':
        // Internal for now: publish them (new event definitions) once another context needs them.
        return [];
    }
  }
}
