import { Inject, Injectable, Logger } from '@nestjs/common';
import { HousingPremisesHandedBackV1, type EventEnvelope, type PayloadOf } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import type { EventHandler } from '@hub/messaging';
import { DocumentRepository } from '../ports/document.repository.js';
import { attachReferenced } from './attach-referenced.js';

/** housing.premises-handed-back v1 → the scan of the signed act (the participant's handover-act document, ADR 0053) is attached to the lease. */
@Injectable()
export class PremisesHandedBackHandler implements EventHandler<typeof HousingPremisesHandedBackV1> {
  readonly event = HousingPremisesHandedBackV1;
  private readonly log = new Logger(PremisesHandedBackHandler.name);

  constructor(
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  handle(envelope: EventEnvelope<PayloadOf<typeof HousingPremisesHandedBackV1>>): Promise<void> {
    const e = envelope.payload;
    return attachReferenced(this.documents, this.log, {
      bin: e.bin,
      to: `housing/premises-lease/${e.leaseId}`,
      documentIds: e.documentIds,
      at: this.clock.now(),
    });
  }
}
