import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { mayActFor } from '../../../domain/rules/document-access.rule.js';
import { DocumentKinds } from '../../ports/document-kinds.js';
import { DocumentRepository } from '../../ports/document.repository.js';
import { AttachDocumentCommand } from './attach-document.command.js';

@CommandHandler(AttachDocumentCommand)
export class AttachDocumentHandler implements ICommandHandler<AttachDocumentCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(DocumentKinds) private readonly kinds: DocumentKinds,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute({ documentId, to, actor }: AttachDocumentCommand): Promise<void> {
    return this.uow.run(async () => {
      const d = await this.documents.get(documentId);
      if (!mayActFor(actor, d.ownerBin, this.kinds.get(d.kind))) throw new NotFoundError('document', documentId);
      d.attach(to, this.clock.now());
    });
  }
}
