import { Inject, Injectable, Logger } from '@nestjs/common';
import { ApplicationSubmittedV1, type EventEnvelope, type PayloadOf } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import type { EventHandler } from '@hub/messaging';
import { DocumentRepository } from '../ports/document.repository.js';
import { attachReferenced } from './attach-referenced.js';

/**
 * registration.application-submitted v1 → the documents the application refers to (F-9(2), F-9(3);
 * issue #10) are attached to it: immutable from the filing on; a correction is a new version. Runs in
 * the inbox's transaction (one effect per event); a resubmission names the same documents and changes
 * nothing. A document of another company is a broken contract (dead letter); one already attached to
 * another application (reused after a refusal) stays as it is — it is immutable already.
 */
@Injectable()
export class ApplicationSubmittedHandler implements EventHandler<typeof ApplicationSubmittedV1> {
  readonly event = ApplicationSubmittedV1;
  private readonly log = new Logger(ApplicationSubmittedHandler.name);

  constructor(
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  handle(envelope: EventEnvelope<PayloadOf<typeof ApplicationSubmittedV1>>): Promise<void> {
    const e = envelope.payload;
    return attachReferenced(this.documents, this.log, {
      bin: e.bin,
      to: `registration/application/${e.applicationId}`,
      documentIds: e.documentIds,
      at: this.clock.now(),
    });
  }
}
