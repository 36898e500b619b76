import { Inject, Injectable, Logger } from '@nestjs/common';
import { HousingActSignedV1, HousingPremisesHandedBackV1, type EventEnvelope, type PayloadOf } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import type { EventHandler } from '@hub/messaging';
import { DocumentRepository } from '../ports/document.repository.js';
import { FundOwner } from '../ports/fund-owner.js';
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

/**
 * housing.act-signed v1 → the scan of a dwelling's signed act (the Fund's own `dwelling-act` document,
 * ADR 0110) is attached to the allocation. An act without a scan is a no-op; a scan named while the
 * Fund's BIN is not configured here is a broken deployment: the event goes to the dead-letter topic.
 */
@Injectable()
export class DwellingActSignedHandler implements EventHandler<typeof HousingActSignedV1> {
  readonly event = HousingActSignedV1;
  private readonly log = new Logger(DwellingActSignedHandler.name);

  constructor(
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(FundOwner) private readonly fund: FundOwner,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof HousingActSignedV1>>): Promise<void> {
    const e = envelope.payload;
    if (e.documentIds.length === 0) return;
    if (!this.fund.bin)
      throw new Error(`housing/allocation/${e.allocationId} names a dwelling act's scan, but the Fund's BIN (HUB_FUND_BIN) is not configured`);
    await attachReferenced(this.documents, this.log, {
      bin: this.fund.bin,
      to: `housing/allocation/${e.allocationId}`,
      documentIds: e.documentIds,
      at: this.clock.now(),
    });
  }
}
