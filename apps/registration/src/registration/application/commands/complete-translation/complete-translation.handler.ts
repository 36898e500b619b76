import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { TranslationTaskRepository } from '../../ports/translation-task.repository.js';

export class CompleteTranslationCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly body: { targetLanguage: 'kk' | 'ru'; documentRef: string },
    readonly actor: Actor,
  ) {
    super();
  }
}

/** F-10: the Fund records the Kazakh or Russian translation of an English application. */
@CommandHandler(CompleteTranslationCommand)
export class CompleteTranslationHandler implements ICommandHandler<CompleteTranslationCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(TranslationTaskRepository) private readonly tasks: TranslationTaskRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ id, body, actor }: CompleteTranslationCommand): Promise<void> {
    await this.uow.run(async () => {
      const task = await this.tasks.get(id);
      task.complete(body.targetLanguage, body.documentRef, actor.subject, this.clock.now());
    });
  }
}
