import { Injectable } from '@nestjs/common';
import {
  DocumentAttachedV1,
  DocumentIssuedV1,
  DocumentPurgedV1,
  DocumentVerifiedV1,
  OfficeDocumentAttachedV1,
  OfficeDocumentPurgedV1,
  OfficeDocumentVerifiedV1,
} from '@hub/contracts';
import type { DomainEvent } from '@hub/kernel';
import { IntegrationEventMapper, type OutboxMessage, outboxMessage } from '@hub/nest-commons';
import { isDocumentEvent } from './documents/domain/document.events.js';

/**
 * Documents's published language seen from its domain (ADR 0035 §3, ADR 0045): which recorded
 * domain event becomes which integration event (packages/contracts/src/documents/events.ts), keyed
 * by the owner company's BIN. Upload sessions, rejections and expiries stay internal: nothing
 * exists for another context until the bytes are verified.
 */
@Injectable()
export class DocumentsIntegrationEvents extends IntegrationEventMapper {
  map(event: DomainEvent): readonly OutboxMessage[] {
    // ParticipantJoined (participants/domain) stays internal: registration already published the fact.
    if (!isDocumentEvent(event)) return [];
    const at = event.occurredAt.toISOString();
    // ADR 0113: an office's documents have no BIN; their facts go out as the office events, keyed by the office.
    if (event.ownerOffice !== null) {
      const key = `office:${event.ownerOffice}`;
      const office = event.ownerOffice;
      switch (event.name) {
        case 'DocumentVerified':
          return [
            outboxMessage(
              OfficeDocumentVerifiedV1,
              event.aggregateId,
              {
                documentId: event.aggregateId,
                office,
                kind: event.kind,
                seriesId: event.seriesId,
                versionNo: event.versionNo,
                supersedesId: event.supersedesId,
                sha256: event.sha256,
                size: event.size,
                mediaType: event.mediaType,
                verifiedAt: at,
              },
              key,
            ),
          ];
        case 'DocumentAttached':
          return [
            outboxMessage(
              OfficeDocumentAttachedV1,
              event.aggregateId,
              { documentId: event.aggregateId, office, kind: event.kind, attachedTo: event.attachedTo, sha256: event.sha256, attachedAt: at },
              key,
            ),
          ];
        case 'DocumentPurged': // ADR 0122: the contexts' copies (clusters') drop it
          return [
            outboxMessage(
              OfficeDocumentPurgedV1,
              event.aggregateId,
              { documentId: event.aggregateId, office, kind: event.kind, sha256: event.sha256, retainUntil: event.retainUntil, purgedAt: at },
              key,
            ),
          ];
        case 'DocumentIssued': // never: an office's kinds are uploaded, not issued (the catalogue refuses it)
        case 'DocumentUploadStarted':
        case 'DocumentRejected':
        case 'DocumentUploadExpired':
          return [];
      }
    }
    if (event.ownerBin === null) throw new Error(`document ${event.aggregateId} has neither an owner BIN nor an office`);
    const bin = event.ownerBin;
    switch (event.name) {
      case 'DocumentVerified':
        return [
          outboxMessage(
            DocumentVerifiedV1,
            event.aggregateId,
            {
              documentId: event.aggregateId,
              bin,
              kind: event.kind,
              seriesId: event.seriesId,
              versionNo: event.versionNo,
              supersedesId: event.supersedesId,
              sha256: event.sha256,
              size: event.size,
              mediaType: event.mediaType,
              verifiedAt: at,
            },
            bin,
          ),
        ];
      case 'DocumentAttached':
        return [
          outboxMessage(
            DocumentAttachedV1,
            event.aggregateId,
            { documentId: event.aggregateId, bin, kind: event.kind, attachedTo: event.attachedTo, sha256: event.sha256, attachedAt: at },
            bin,
          ),
        ];
      case 'DocumentIssued':
        return [
          outboxMessage(
            DocumentIssuedV1,
            event.aggregateId,
            {
              documentId: event.aggregateId,
              bin,
              kind: event.kind,
              issueKey: event.issueKey,
              sha256: event.sha256,
              size: event.size,
              issuedAt: at,
            },
            bin,
          ),
        ];
      case 'DocumentPurged':
        return [
          outboxMessage(
            DocumentPurgedV1,
            event.aggregateId,
            { documentId: event.aggregateId, bin, kind: event.kind, sha256: event.sha256, retainUntil: event.retainUntil, purgedAt: at },
            bin,
          ),
        ];
      case 'DocumentUploadStarted':
      case 'DocumentRejected':
      case 'DocumentUploadExpired':
        return [];
    }
  }
}
