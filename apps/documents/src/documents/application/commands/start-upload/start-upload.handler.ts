import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, ForbiddenError, uuidv7 } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { ObjectStorage, PRESIGN_LIMITS, mimeOf, typeOfFileName } from '@hub/object-storage';
import { Document } from '../../../domain/document.aggregate.js';
import { mayActFor } from '../../../domain/rules/document-access.rule.js';
import { DocumentKinds } from '../../ports/document-kinds.js';
import { DocumentRepository } from '../../ports/document.repository.js';
import { UPLOAD_EXPIRED_TIMER, UPLOAD_EXPIRY_GRACE_MS } from '../../timers/upload-expired.timer-handler.js';
import { StartUploadCommand, type StartUploadResult } from './start-upload.command.js';

/**
 * Opens an upload session: the document row (awaiting-upload), a timer that removes whatever was
 * uploaded if it is never completed, and a presigned PUT of 5 minutes signed for the declared
 * length and type. No byte passes through the app (ADR 0045).
 */
@CommandHandler(StartUploadCommand)
export class StartUploadHandler implements ICommandHandler<StartUploadCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(DocumentKinds) private readonly kinds: DocumentKinds,
    @Inject(ObjectStorage) private readonly storage: ObjectStorage,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ input, actor }: StartUploadCommand): Promise<StartUploadResult> {
    // F-35: a representative acts only for the companies in its token (a fund officer for any).
    if (!mayActFor(actor, input.ownerBin)) throw new ForbiddenError(`you do not represent the company ${input.ownerBin}`);
    const kind = this.kinds.get(input.kind, 'kind');
    const document = await this.uow.run(async (em) => {
      const now = this.clock.now();
      const previous = input.supersedes ? await this.documents.get(input.supersedes) : undefined;
      const d = Document.startUpload({
        id: uuidv7(),
        ownerBin: input.ownerBin,
        kind,
        declaredName: input.fileName,
        declaredSize: input.size,
        by: actor.subject,
        at: now,
        uploadExpiresAt: new Date(now.getTime() + PRESIGN_LIMITS.uploadDefault * 1000),
        ...(previous ? { previous } : {}),
      });
      this.documents.add(d);
      await this.timers.schedule(em, {
        kind: UPLOAD_EXPIRED_TIMER,
        key: d.id,
        dueAt: new Date(now.getTime() + PRESIGN_LIMITS.uploadDefault * 1000 + UPLOAD_EXPIRY_GRACE_MS),
        payload: { documentId: d.id },
      });
      return d;
    });
    const type = typeOfFileName(document.declaredName);
    const upload = await this.storage.presignUpload({
      key: document.objectKey,
      contentLength: document.declaredSize,
      contentType: type ? mimeOf(type) : 'application/octet-stream',
      expiresInSeconds: PRESIGN_LIMITS.uploadDefault,
    });
    return { documentId: document.id, upload };
  }
}
