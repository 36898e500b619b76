import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditOpinionSubmittedV1, CorporateNoticeFiledV1, InformationRequestAnsweredV1, type EventEnvelope, type PayloadOf } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import type { EventHandler } from '@hub/messaging';
import { DocumentRepository } from '../ports/document.repository.js';
import { attachReferenced } from './attach-referenced.js';

/** participation.information-request-answered v1 → the answer's documents (F-32, F-38; F-33 on request) are attached to the request. */
@Injectable()
export class InformationRequestAnsweredHandler implements EventHandler<typeof InformationRequestAnsweredV1> {
  readonly event = InformationRequestAnsweredV1;
  private readonly log = new Logger(InformationRequestAnsweredHandler.name);

  constructor(
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  handle(envelope: EventEnvelope<PayloadOf<typeof InformationRequestAnsweredV1>>): Promise<void> {
    const e = envelope.payload;
    return attachReferenced(this.documents, this.log, {
      bin: e.bin,
      to: `participation/information-request/${e.requestId}`,
      documentIds: e.documentIds,
      at: this.clock.now(),
    });
  }
}

/** participation.audit-opinion-submitted v1 → the F-33 opinion is attached to the audit obligation. */
@Injectable()
export class AuditOpinionSubmittedHandler implements EventHandler<typeof AuditOpinionSubmittedV1> {
  readonly event = AuditOpinionSubmittedV1;
  private readonly log = new Logger(AuditOpinionSubmittedHandler.name);

  constructor(
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  handle(envelope: EventEnvelope<PayloadOf<typeof AuditOpinionSubmittedV1>>): Promise<void> {
    const e = envelope.payload;
    return attachReferenced(this.documents, this.log, {
      bin: e.bin,
      to: `participation/audit-obligation/${e.obligationId}`,
      documentIds: e.documentIds,
      at: this.clock.now(),
    });
  }
}

/** participation.corporate-notice-filed v1 → the F-34 copies of the decision are attached to the notice. */
@Injectable()
export class CorporateNoticeFiledHandler implements EventHandler<typeof CorporateNoticeFiledV1> {
  readonly event = CorporateNoticeFiledV1;
  private readonly log = new Logger(CorporateNoticeFiledHandler.name);

  constructor(
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  handle(envelope: EventEnvelope<PayloadOf<typeof CorporateNoticeFiledV1>>): Promise<void> {
    const e = envelope.payload;
    return attachReferenced(this.documents, this.log, {
      bin: e.bin,
      to: `participation/corporate-notice/${e.noticeId}`,
      documentIds: e.documentIds,
      at: this.clock.now(),
    });
  }
}
