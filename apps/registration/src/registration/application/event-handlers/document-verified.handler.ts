import { Inject, Injectable } from '@nestjs/common';
import { DocumentVerifiedV1, type EventEnvelope, type PayloadOf } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import type { EventHandler } from '@hub/messaging';
import { KnownDocument } from '../../domain/known-document.js';
import { KnownDocuments } from '../ports/known-documents.js';

/**
 * documents.document-verified v1 → registration's local copy of the verified document (issue #10):
 * its company and kind, so that an application can refer to it by id (F-9(2), F-9(3)). Runs in the
 * inbox's transaction; a document already known is left as it is (a correction is a new document).
 */
@Injectable()
export class DocumentVerifiedHandler implements EventHandler<typeof DocumentVerifiedV1> {
  readonly event = DocumentVerifiedV1;

  constructor(
    @Inject(KnownDocuments) private readonly documents: KnownDocuments,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof DocumentVerifiedV1>>): Promise<void> {
    const e = envelope.payload;
    if (await this.documents.find(e.documentId)) return;
    this.documents.add(
      KnownDocument.record({ id: e.documentId, bin: e.bin, kind: e.kind, sha256: e.sha256, verifiedAt: new Date(e.verifiedAt) }, this.clock.now()),
    );
  }
}
