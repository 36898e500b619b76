import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
import { ConflictError, NotFoundError } from '@hub/kernel';
import { TranslationTaskRowSchema } from '../../../infrastructure/registration.schemas.js';
import { RegistrationServices } from '../../registration.services.js';

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
  constructor(@Inject(RegistrationServices) private readonly r: RegistrationServices) {}

  async execute({ id, body, actor }: CompleteTranslationCommand): Promise<void> {
    await this.r.uow.run(async (em) => {
      const task = await em.findOne(TranslationTaskRowSchema, { id });
      if (!task) throw new NotFoundError('translation-task', id);
      if (task.status === 'done') throw new ConflictError('registration.translation.done', `the translation task ${id} is already done`);
      Object.assign(task, { status: 'done', targetLanguage: body.targetLanguage, documentRef: body.documentRef, completedAt: this.r.clock.now(), completedBy: actor.subject });
      await em.flush();
    });
  }
}
