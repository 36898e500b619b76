import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
import type { DraftPatch } from '../../../domain/application.aggregate.js';
import { RegistrationServices } from '../../registration.services.js';

export class EditApplicationCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly patch: DraftPatch,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** The applicant fills its draft (business plan of Annex 1, tax certificate, place of business, F-7 declaration), or corrects it under remarks (F-14). */
@CommandHandler(EditApplicationCommand)
export class EditApplicationHandler implements ICommandHandler<EditApplicationCommand> {
  constructor(@Inject(RegistrationServices) private readonly r: RegistrationServices) {}

  async execute({ id, patch, actor }: EditApplicationCommand): Promise<void> {
    await this.r.uow.run(async (em) => {
      const repo = this.r.repo(em);
      const app = await repo.get(id);
      this.r.assertOwner(actor, app);
      app.editDraft(patch, this.r.clock.now());
      await repo.save(app);
    });
  }
}
