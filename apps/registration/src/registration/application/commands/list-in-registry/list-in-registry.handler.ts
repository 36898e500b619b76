import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { almatyDate } from '@hub/calendar';
import type { Actor } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { DeadlineBook } from '../../deadline-book.js';
import { ApplicationRepository } from '../../ports/application.repository.js';
import { ParticipantRepository } from '../../ports/participant.repository.js';

export class ListInRegistryCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** F-19: the participant is added to the public list of participants (within 3 WD of signing). */
@CommandHandler(ListInRegistryCommand)
export class ListInRegistryHandler implements ICommandHandler<ListInRegistryCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(ParticipantRepository) private readonly participants: ParticipantRepository,
    @Inject(DeadlineBook) private readonly deadlines: DeadlineBook,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ id, actor }: ListInRegistryCommand): Promise<void> {
    await this.uow.run(async () => {
      const app = await this.applications.get(id);
      const now = this.clock.now();
      const listedOn = almatyDate(now);
      app.listInRegistry(listedOn, actor.subject, now);
      const participant = await this.participants.get(app.participantId!);
      participant.listed(listedOn, now);
      await this.deadlines.close(app.id, 'registry-listing');
    });
  }
}
