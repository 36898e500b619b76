import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, IllegalStateError, NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ObjectStorage, PRESIGN_LIMITS } from '@hub/object-storage';
import { mayRead } from '../../../domain/rules/document-access.rule.js';
import { DocumentKinds } from '../../ports/document-kinds.js';
import { DocumentRepository } from '../../ports/document.repository.js';
import { DownloadLog } from '../../ports/download-log.js';
import { type DownloadGrant, RequestDownloadCommand } from './request-download.command.js';

/**
 * F-35 / F-42: the authorisation check, then the download record in the same transaction as the
 * grant (no URL leaves without its record: the URL is returned only after the commit), then a
 * presigned GET of 60 s. Anyone not allowed gets 404 — the document's existence is not disclosed.
 */
@CommandHandler(RequestDownloadCommand)
export class RequestDownloadHandler implements ICommandHandler<RequestDownloadCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(DownloadLog) private readonly log: DownloadLog,
    @Inject(ObjectStorage) private readonly storage: ObjectStorage,
    @Inject(DocumentKinds) private readonly kinds: DocumentKinds,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute({ documentId, actor }: RequestDownloadCommand): Promise<DownloadGrant> {
    return this.uow.run(async () => {
      const d = await this.documents.get(documentId);
      if (!mayRead(actor, d, this.kinds.get(d.kind))) throw new NotFoundError('document', documentId);
      if (!d.downloadable || d.sha256 === null || d.size === null) {
        throw new IllegalStateError('document', d.status, 'be downloaded', 'only verified, attached or issued documents have bytes');
      }
      this.log.record({
        documentId: d.id,
        ownerBin: d.ownerBin,
        ownerOffice: d.ownerOffice,
        kind: d.kind,
        restricted: d.restricted,
        subject: actor.subject,
        roles: actor.roles,
        at: this.clock.now(),
      });
      const grant = await this.storage.presignDownload({
        key: d.objectKey,
        fileName: d.declaredName,
        ...(d.mediaType ? { contentType: d.mediaType } : {}),
        expiresInSeconds: PRESIGN_LIMITS.downloadDefault,
      });
      return { url: grant.url, expiresAt: grant.expiresAt.toISOString(), fileName: d.declaredName, sha256: d.sha256, size: d.size };
    });
  }
}
