import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { ParticipantListedV1, type Actor } from '@hub/contracts';
import { ParticipantRowSchema } from '../../../infrastructure/registration.schemas.js';
import { RegistrationServices } from '../../registration.services.js';

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
  constructor(@Inject(RegistrationServices) private readonly r: RegistrationServices) {}

  async execute({ id, actor }: ListInRegistryCommand): Promise<void> {
    await this.r.uow.run(async (em) => {
      const repo = this.r.repo(em);
      const app = await repo.get(id);
      const now = this.r.clock.now();
      const listedOn = this.r.today();
      app.listInRegistry(listedOn, actor.subject, now);
      await repo.save(app);
      const participant = await em.findOneOrFail(ParticipantRowSchema, { id: app.participantId! });
      participant.listedOn = listedOn;
      participant.updatedAt = now;
      await em.flush();
      await this.r.deadlines.close(em, app.id, 'registry-listing');
      await this.r.outbox.add(em, ParticipantListedV1, participant.id, { participantId: participant.id, bin: participant.bin, listedOn }, { key: participant.bin });
    });
  }
}
