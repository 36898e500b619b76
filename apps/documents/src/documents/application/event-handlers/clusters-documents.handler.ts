import { Inject, Injectable, Logger } from '@nestjs/common';
import { ClustersApplicationChangedV1, ClustersApplicationFiledV1, ClustersOfficeDocumentUsedV1, type EventEnvelope, type PayloadOf } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import type { EventHandler } from '@hub/messaging';
import { DocumentRepository } from '../ports/document.repository.js';
import { attachReferenced } from './attach-referenced.js';

/** clusters.application-filed v1 → the members' signed consents (C-7, Annex 2) are attached to the application. */
@Injectable()
export class ClustersApplicationFiledHandler implements EventHandler<typeof ClustersApplicationFiledV1> {
  readonly event = ClustersApplicationFiledV1;
  private readonly log = new Logger(ClustersApplicationFiledHandler.name);

  constructor(
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  handle(envelope: EventEnvelope<PayloadOf<typeof ClustersApplicationFiledV1>>): Promise<void> {
    const e = envelope.payload;
    return attachReferenced(this.documents, this.log, {
      bin: e.bin,
      to: `clusters/application/${e.applicationId}`,
      documentIds: e.documentIds,
      at: this.clock.now(),
    });
  }
}

/** clusters.application-changed v1 → the consents a new revision names (C-9, C-7) are attached to the application too. */
@Injectable()
export class ClustersApplicationChangedHandler implements EventHandler<typeof ClustersApplicationChangedV1> {
  readonly event = ClustersApplicationChangedV1;
  private readonly log = new Logger(ClustersApplicationChangedHandler.name);

  constructor(
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  handle(envelope: EventEnvelope<PayloadOf<typeof ClustersApplicationChangedV1>>): Promise<void> {
    const e = envelope.payload;
    return attachReferenced(this.documents, this.log, {
      bin: e.bin,
      to: `clusters/application/${e.applicationId}`,
      documentIds: e.documentIds,
      at: this.clock.now(),
    });
  }
}

/**
 * clusters.office-document-used v1 (ADR 0122) → the office's document a step recorded (C-2, C-13, C-17,
 * C-18, C-19/C-20) is attached to `usedFor` (`clusters/<step>/<roundId>`): immutable from then on, so that
 * documents itself refuses its deletion and its attachment elsewhere, not only clusters' copy. A repeat
 * of the same target is a no-op (one C-13 letter covers a round's applications). A document that is not
 * that office's is a broken contract (clusters checked it): dead-letter, nothing attached. One already
 * attached elsewhere stays where it is.
 */
@Injectable()
export class ClustersOfficeDocumentUsedHandler implements EventHandler<typeof ClustersOfficeDocumentUsedV1> {
  readonly event = ClustersOfficeDocumentUsedV1;
  private readonly log = new Logger(ClustersOfficeDocumentUsedHandler.name);

  constructor(
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ClustersOfficeDocumentUsedV1>>): Promise<void> {
    const e = envelope.payload;
    const d = await this.documents.get(e.documentId);
    if (d.ownerOffice !== e.office || d.kind !== e.kind)
      throw new Error(`${e.usedFor} (${e.ruleId}) names document ${d.id}, which is not a ${e.kind} of the ${e.office}`);
    if (d.status === 'attached' && d.attachedTo !== e.usedFor) {
      this.log.log({ documentId: d.id, attachedTo: d.attachedTo, to: e.usedFor }, 'document already attached elsewhere; it stays immutable there');
      return;
    }
    d.attach(e.usedFor, this.clock.now());
  }
}
