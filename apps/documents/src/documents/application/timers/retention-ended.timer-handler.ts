import { Inject, Injectable } from '@nestjs/common';
import { addCalendarDays, almatyDate, startOfAlmatyDay, type IsoDate } from '@hub/calendar';
import { Clock } from '@hub/kernel';
import type { Em, TimerHandler, TimerRecord, Timers } from '@hub/messaging';
import { ObjectStorage } from '@hub/object-storage';
import { DocumentRepository } from '../ports/document.repository.js';

export const RETENTION_ENDED_TIMER = 'documents.retention-ended';

/** The retention timer of a document: due at the start of the Almaty day after `retainUntil` (ADR 0045). */
export function scheduleRetentionEnd(timers: Timers, em: Em, documentId: string, retainUntil: IsoDate): Promise<void> {
  return timers.schedule(em, {
    kind: RETENTION_ENDED_TIMER,
    key: documentId,
    dueAt: startOfAlmatyDay(addCalendarDays(retainUntil, 1)),
    payload: { documentId },
  });
}

/**
 * Records schedule (ADR 0045, issue #10): when a document's retention has ended its bytes are
 * deleted from the store and the document is marked purged — metadata and hash kept, a
 * `document-purged` fact published — in the timer's transaction. A store that does not answer fails
 * the timer, which is retried with backoff (nothing is marked purged while the bytes are there). The
 * delete comes first: if the transaction then fails, the timer runs again and the delete is
 * idempotent.
 */
@Injectable()
export class RetentionEndedTimerHandler implements TimerHandler {
  readonly kind = RETENTION_ENDED_TIMER;

  constructor(
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(ObjectStorage) private readonly storage: ObjectStorage,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fire(timer: TimerRecord): Promise<void> {
    const documentId = timer.payload['documentId'];
    if (typeof documentId !== 'string') throw new Error(`timer ${timer.id} has no documentId`);
    const d = await this.documents.get(documentId);
    if (!d.downloadable) return; // already purged, or never had bytes
    const now = this.clock.now();
    await this.storage.delete(d.objectKey);
    d.purge(almatyDate(now), now);
  }
}
