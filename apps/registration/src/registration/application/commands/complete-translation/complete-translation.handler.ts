import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import { KnownDocuments, UnitOfWork } from '@hub/nest-commons';
import { TranslationTaskRepository } from '../../ports/translation-task.repository.js';

export class CompleteTranslationCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly body: { targetLanguage: 'kk' | 'ru'; documentId: string },
    readonly actor: Actor,
  ) {
    super();
  }
}

/**
 * F-10: the Fund records the Kazakh or Russian translation of an English application — a verified
 * upload of kind `application-translation` of the application's company, attached to nothing else
 * (422 naming `documentId` otherwise); documents attaches it on `registration.translation-recorded` (ADR 0137).
 */
@CommandHandler(CompleteTranslationCommand)
export class CompleteTranslationHandler implements ICommandHandler<CompleteTranslationCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(TranslationTaskRepository) private readonly tasks: TranslationTaskRepository,
    @Inject(KnownDocuments) private readonly documents: KnownDocuments,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ id, body, actor }: CompleteTranslationCommand): Promise<void> {
    await this.uow.run(async () => {
      const task = await this.tasks.get(id);
      await this.documents.assertReferences(
        task.bin,
        [{ path: 'documentId', documentId: body.documentId, kind: 'application-translation', ruleId: 'F-10' }],
        translationTarget(task.applicationId),
      );
      task.complete(body.targetLanguage, body.documentId, actor.subject, this.clock.now());
    });
  }
}

/** Where documents attaches the translation (ADR 0137): next to the application's own documents. */
export const translationTarget = (applicationId: string): string => `registration/application/${applicationId}/translation`;
