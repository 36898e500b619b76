import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import type { TimerHandler, TimerRecord } from '@hub/messaging';
import { ObjectStorage } from '@hub/object-storage';
import { DocumentRepository } from '../ports/document.repository.js';

export const UPLOAD_EXPIRED_TIMER = 'documents.upload-expired';
/** After the presigned PUT has expired, a minute for a PUT in flight to finish. */
export const UPLOAD_EXPIRY_GRACE_MS = 60_000;

/**
 * An upload never completed: whatever reached the store under its key is deleted and the
 * document is marked expired — an interrupted upload (the client or the store went away) leaves
 * no half document. Runs in the timer's transaction; a store that does not answer fails the timer,
 * which is retried.
 */
@Injectable()
export class UploadExpiredTimerHandler implements TimerHandler {
  readonly kind = UPLOAD_EXPIRED_TIMER;

  constructor(
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(ObjectStorage) private readonly storage: ObjectStorage,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fire(timer: TimerRecord): Promise<void> {
    const documentId = timer.payload['documentId'];
    if (typeof documentId !== 'string') throw new Error(`timer ${timer.id} has no documentId`);
    const d = await this.documents.get(documentId);
    if (d.status !== 'awaiting-upload') return;
    await this.storage.delete(d.objectKey);
    d.markExpired(this.clock.now());
  }
}
