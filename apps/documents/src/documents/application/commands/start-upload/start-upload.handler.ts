import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, ForbiddenError, IllegalStateError, ValidationError, uuidv7 } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { ObjectStorage, PRESIGN_LIMITS, mimeOf, typeOfFileName } from '@hub/object-storage';
import { Document } from '../../../domain/document.aggregate.js';
import type { DocumentKind } from '../../../domain/document-kind.js';
import { mayActFor } from '../../../domain/rules/document-access.rule.js';
import { DocumentKinds } from '../../ports/document-kinds.js';
import { FundOwner } from '../../ports/fund-owner.js';
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
    @Inject(FundOwner) private readonly fund: FundOwner,
  ) {}

  async execute({ input, actor }: StartUploadCommand): Promise<StartUploadResult> {
    const kind = this.kinds.get(input.kind, 'kind');
    const owner = this.ownerOf(kind, input.ownerBin, input.ownerOffice);
    // F-35: a representative acts only for the companies in its token (a fund officer for any);
    // ADR 0110: the roles a kind names act on documents of that kind; ADR 0113: an office's uploaders.
    const ownerBin = typeof owner === 'string' ? owner : null;
    if (!mayActFor(actor, ownerBin, kind))
      throw new ForbiddenError(`you may not upload a ${kind.code} of ${typeof owner === 'string' ? owner : `the office ${owner.office}`}`);
    const document = await this.uow.run(async (em) => {
      const now = this.clock.now();
      const previous = input.supersedes ? await this.documents.get(input.supersedes) : undefined;
      const d = Document.startUpload({
        id: uuidv7(),
        ownerBin: owner,
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

  /**
   * ADR 0110: a company's document belongs to the BIN the uploader names; a kind the Fund owns to the
   * Fund's BIN from configuration (the client names none, or exactly that one).
   */
  private ownerOf(kind: DocumentKind, named: string | undefined, office: string | undefined): string | { readonly office: string } {
    // ADR 0113: an office's document belongs to the office its kind names; it has no BIN
    if (kind.owner === 'office') {
      if (named) throw ValidationError.field('ownerBin', `a ${kind.code} is the document of an office (${kind.office}), not of a company: leave the BIN out`);
      if (office && office !== kind.office) throw ValidationError.field('ownerOffice', `a ${kind.code} is the document of the office ${kind.office}`);
      return { office: kind.office! };
    }
    if (office) throw ValidationError.field('ownerOffice', `a ${kind.code} is not an office's document`);
    if (kind.owner === 'company') {
      if (!named) throw ValidationError.field('ownerBin', `a ${kind.code} belongs to a company: name its BIN`);
      return named;
    }
    if (!this.fund.bin) throw new IllegalStateError('document kind', kind.code, 'be uploaded', "the Fund's BIN (HUB_FUND_BIN) is not configured");
    if (named && named !== this.fund.bin) throw ValidationError.field('ownerBin', `a ${kind.code} is the Fund's own document: leave the owner out`);
    return this.fund.bin;
  }
}
