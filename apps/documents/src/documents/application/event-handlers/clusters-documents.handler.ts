import { Inject, Injectable, Logger } from '@nestjs/common';
import { ClustersApplicationChangedV1, ClustersApplicationFiledV1, type EventEnvelope, type PayloadOf } from '@hub/contracts';
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
