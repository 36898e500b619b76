import { Inject, Injectable, Logger } from '@nestjs/common';
import { TrainingProviderApplicationFiledV1, TrainingRemarksFixedV1, type EventEnvelope, type PayloadOf } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import type { EventHandler } from '@hub/messaging';
import { DocumentRepository } from '../ports/document.repository.js';
import { attachReferenced } from './attach-referenced.js';

/** training.provider-application-filed v1 → the syllabi (F-65(1)) and rights documents (F-65(2)–(6)) are attached to the application. */
@Injectable()
export class ProviderApplicationFiledHandler implements EventHandler<typeof TrainingProviderApplicationFiledV1> {
  readonly event = TrainingProviderApplicationFiledV1;
  private readonly log = new Logger(ProviderApplicationFiledHandler.name);

  constructor(
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  handle(envelope: EventEnvelope<PayloadOf<typeof TrainingProviderApplicationFiledV1>>): Promise<void> {
    const e = envelope.payload;
    return attachReferenced(this.documents, this.log, {
      bin: e.bin,
      to: `training/provider-application/${e.applicationId}`,
      documentIds: e.documentIds,
      at: this.clock.now(),
    });
  }
}

/**
 * training.remarks-fixed v1 → the syllabi and rights documents named in the F-71 fix are attached to
 * the same application (those of the filing stay attached; the same target again is a no-op).
 */
@Injectable()
export class RemarksFixedHandler implements EventHandler<typeof TrainingRemarksFixedV1> {
  readonly event = TrainingRemarksFixedV1;
  private readonly log = new Logger(RemarksFixedHandler.name);

  constructor(
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  handle(envelope: EventEnvelope<PayloadOf<typeof TrainingRemarksFixedV1>>): Promise<void> {
    const e = envelope.payload;
    return attachReferenced(this.documents, this.log, {
      bin: e.bin,
      to: `training/provider-application/${e.applicationId}`,
      documentIds: e.documentIds,
      at: this.clock.now(),
    });
  }
}
