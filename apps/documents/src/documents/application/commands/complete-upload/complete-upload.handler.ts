import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { almatyDate } from '@hub/calendar';
import { Clock, NotFoundError, RuleViolationError } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { MalwareScanner, ObjectStorage, type VerificationResult } from '@hub/object-storage';
import { mayActFor } from '../../../domain/rules/document-access.rule.js';
import { DocumentKinds } from '../../ports/document-kinds.js';
import { DocumentRepository } from '../../ports/document.repository.js';
import { scheduleRetentionEnd } from '../../timers/retention-ended.timer-handler.js';
import { CompleteUploadCommand } from './complete-upload.command.js';

/**
 * Verifies what the client uploaded: the size, the real type from the bytes against the kind's
 * allow-list and the declared name, a malware scan (ADR 0117), the SHA-256 computed here. A failure deletes the object
 * (ObjectStorage.verify) and records the document as rejected, then answers 422 naming the
 * kind's rule: nothing rejected stays in the bucket. Completing a verified document again is a no-op.
 */
@CommandHandler(CompleteUploadCommand)
export class CompleteUploadHandler implements ICommandHandler<CompleteUploadCommand> {
  private readonly log = new Logger('documents.malware');

  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(DocumentKinds) private readonly kinds: DocumentKinds,
    @Inject(ObjectStorage) private readonly storage: ObjectStorage,
    @Inject(MalwareScanner) private readonly scanner: MalwareScanner,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ documentId, actor }: CompleteUploadCommand): Promise<void> {
    const pending = await this.uow.run(async () => {
      const d = await this.documents.get(documentId);
      if (!mayActFor(actor, d.ownerBin, this.kinds.get(d.kind))) throw new NotFoundError('document', documentId);
      return d.status === 'awaiting-upload' ? { key: d.objectKey, kind: d.kind, declaredSize: d.declaredSize, declaredName: d.declaredName } : null;
    });
    if (!pending) {
      // Already decided: verified/attached is a no-op; rejected/expired says so.
      await this.uow.run(async () => {
        const d = await this.documents.get(documentId);
        if (d.status === 'rejected' || d.status === 'expired') {
          throw new RuleViolationError(this.kinds.get(d.kind).rule, `this upload was ${d.status}${d.rejection ? `: ${d.rejection}` : ''}; start a new one`);
        }
      });
      return;
    }
    const kind = this.kinds.get(pending.kind);
    // Outside the transaction: reading the bytes from the store holds no database lock.
    const result: VerificationResult = await this.storage.verify(pending.key, {
      maxBytes: kind.maxBytes,
      allowedTypes: kind.types,
      declaredSize: pending.declaredSize,
      declaredName: pending.declaredName,
      // ADR 0117: scanned once size and type passed; a scanner away throws (503), the upload waits.
      scanner: this.scanner,
    });
    await this.uow.run(async (em) => {
      const d = await this.documents.get(documentId);
      if (d.status !== 'awaiting-upload') return; // a concurrent completion decided first
      const now = this.clock.now();
      if (result.ok) {
        d.markVerified({ size: result.size, sha256: result.sha256, mediaType: result.mime }, kind, almatyDate(now), now);
        await scheduleRetentionEnd(this.timers, em, d.id, d.retainUntil!); // ADR 0045: the records schedule
      } else d.markRejected(`${result.reason}: ${result.detail}`, now);
    });
    if (!result.ok) {
      // A security event (ASVS 7.1.3): who uploaded what the scanner named; the bytes are already deleted.
      if (result.reason === 'malware')
        this.log.warn({ documentId, kind: pending.kind, actor: actor.subject, finding: result.detail }, 'upload refused: malware');
      throw new RuleViolationError(kind.rule, `the uploaded file was refused (${result.reason}): ${result.detail}`, { reason: result.reason });
    }
  }
}
