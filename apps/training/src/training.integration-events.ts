import { Injectable } from '@nestjs/common';
import {
  TrainingContractSignedV1,
  TrainingDecisionMadeV1,
  TrainingIntakeAnnouncedV1,
  TrainingProviderApplicationFiledV1,
  TrainingRemarksFixedV1,
  TrainingRemarksIssuedV1,
  TrainingTraineeListChangedV1,
} from '@hub/contracts';
import type { DomainEvent } from '@hub/kernel';
import { IntegrationEventMapper, type OutboxMessage, outboxMessage } from '@hub/nest-commons';
import { isTrainingEvent } from './intakes/domain/intake.events.js';
import { applicationDocumentIds } from './intakes/domain/rules/application-documents.rule.js';

/**
 * ICT training's published language seen from its domain (ADR 0035 §3): which recorded domain event
 * becomes which integration event (packages/contracts/src/training/events.ts). It runs in the
 * command's transaction. A domain event mapped to nothing stays internal.
 */
@Injectable()
export class TrainingIntegrationEvents extends IntegrationEventMapper {
  map(event: DomainEvent): readonly OutboxMessage[] {
    // ParticipantJoined (participants/domain) stays internal: registration already published the fact.
    if (!isTrainingEvent(event)) return [];
    switch (event.name) {
      case 'IntakeAnnounced':
        return [
          outboxMessage(
            TrainingIntakeAnnouncedV1,
            event.aggregateId,
            {
              intakeId: event.aggregateId,
              title: event.title,
              opensOn: event.opensOn,
              closesOn: event.closesOn,
              selectionCriteria: event.selectionCriteria,
              intakeOrder: event.intakeOrder,
              announcedAt: event.occurredAt.toISOString(),
            },
            event.aggregateId,
          ),
        ];
      case 'ProviderApplicationFiled':
        return [
          outboxMessage(
            TrainingProviderApplicationFiledV1,
            event.aggregateId,
            {
              applicationId: event.aggregateId,
              intakeId: event.intakeId,
              bin: event.bin,
              language: event.language,
              courses: event.courses.map((c) => ({
                name: c.name,
                durationMonths: c.durationMonths,
                academicHours: c.curriculum.reduce((sum, w) => sum + w.academicHours, 0),
                priceTiyn: c.priceTiyn,
              })),
              attachmentKinds: event.attachments.map((a) => a.kind),
              // Issue #10: the uploaded syllabi and rights documents, for documents to attach.
              documentIds: applicationDocumentIds(event.courses, event.attachments),
              filedOn: event.filedOn,
              reviewDueOn: event.reviewDueOn,
              filedAt: event.occurredAt.toISOString(),
            },
            event.bin,
          ),
        ];
      case 'RemarksIssued':
        // F-70: the remarks notice is notifications' to deliver (issue #16); keyed by BIN like the application's other events.
        return [
          outboxMessage(
            TrainingRemarksIssuedV1,
            event.aggregateId,
            {
              applicationId: event.aggregateId,
              intakeId: event.intakeId,
              bin: event.bin,
              remarks: [...event.items],
              issuedOn: event.issuedOn,
              fixDueOn: event.fixDueOn,
              issuedAt: event.occurredAt.toISOString(),
            },
            event.bin,
          ),
        ];
      case 'RemarksFixed':
        // F-71 with issue #10 (ADR 0049): the documents named in the fix were checked in the command; documents attaches them.
        return [
          outboxMessage(
            TrainingRemarksFixedV1,
            event.aggregateId,
            {
              applicationId: event.aggregateId,
              intakeId: event.intakeId,
              bin: event.bin,
              courses: event.courses.map((c) => ({
                name: c.name,
                durationMonths: c.durationMonths,
                academicHours: c.curriculum.reduce((sum, w) => sum + w.academicHours, 0),
                priceTiyn: c.priceTiyn,
              })),
              attachmentKinds: event.attachments.map((a) => a.kind),
              documentIds: applicationDocumentIds(event.courses, event.attachments),
              fixedOn: event.fixedOn,
              fixedAt: event.occurredAt.toISOString(),
            },
            event.bin,
          ),
        ];
      case 'CompletenessReviewBecameOverdue':
      case 'CompletenessReviewed':
      case 'ProviderApplicationLapsed':
        return [];
      case 'CommissionDecided':
        return [
          outboxMessage(
            TrainingDecisionMadeV1,
            event.aggregateId,
            {
              applicationId: event.aggregateId,
              intakeId: event.intakeId,
              bin: event.bin,
              outcome: event.outcome,
              quotas: event.quotas,
              reasons: [...event.reasons],
              decidedOn: event.decidedOn,
              noticeDueOn: event.noticeDueOn,
              contractDueOn: event.contractDueOn,
              decidedAt: event.occurredAt.toISOString(),
            },
            event.bin,
          ),
        ];
      case 'TrainingContractSigned':
        return [
          outboxMessage(
            TrainingContractSignedV1,
            event.aggregateId,
            {
              applicationId: event.aggregateId,
              intakeId: event.intakeId,
              bin: event.bin,
              contractNumber: event.contractNumber,
              signedOn: event.signedOn,
              quotas: event.quotas,
              recordedAt: event.occurredAt.toISOString(),
            },
            event.bin,
          ),
        ];
      case 'TraineeListChanged':
        return [
          outboxMessage(
            TrainingTraineeListChangedV1,
            event.aggregateId,
            {
              applicationId: event.aggregateId,
              intakeId: event.intakeId,
              bin: event.bin,
              traineeCount: event.traineeCount,
              quotas: event.quotas,
              changedAt: event.occurredAt.toISOString(),
            },
            event.bin,
          ),
        ]; // internal: on the application and the deadlines board (GET /deadlines)
    }
  }
}
