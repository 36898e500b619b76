import { Inject, Injectable, Logger } from '@nestjs/common';
import { TranslationRecordedV1, type EventEnvelope, type PayloadOf } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import type { EventHandler } from '@hub/messaging';
import { DocumentRepository } from '../ports/document.repository.js';
import { attachReferenced } from './attach-referenced.js';

/**
 * registration.translation-recorded v1 → the Fund's translation of an English application (F-10; the
 * company's `application-translation` document, ADR 0137) is attached next to the application:
 * immutable from then on. Runs in the inbox's transaction; the target is the one registration checked
 * the document against (`registration/application/<id>/translation`).
 */
@Injectable()
export class TranslationRecordedHandler implements EventHandler<typeof TranslationRecordedV1> {
  readonly event = TranslationRecordedV1;
  private readonly log = new Logger(TranslationRecordedHandler.name);

  constructor(
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  handle(envelope: EventEnvelope<PayloadOf<typeof TranslationRecordedV1>>): Promise<void> {
    const e = envelope.payload;
    return attachReferenced(this.documents, this.log, {
      bin: e.bin,
      to: `registration/application/${e.applicationId}/translation`,
      documentIds: [e.documentId],
      at: this.clock.now(),
    });
  }
}
