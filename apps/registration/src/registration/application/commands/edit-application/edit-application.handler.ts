import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import type { DraftPatch } from '../../../domain/application.aggregate.js';
import { assertApplicantOwns } from '../../access.js';
import { ApplicationRepository } from '../../ports/application.repository.js';

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
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ id, patch, actor }: EditApplicationCommand): Promise<void> {
    await this.uow.run(async () => {
      const app = await this.applications.get(id);
      assertApplicantOwns(actor, app);
      app.editDraft(patch, this.clock.now());
    });
  }
}
