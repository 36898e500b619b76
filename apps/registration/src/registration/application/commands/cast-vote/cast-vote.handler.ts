import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
import type { RefusalGround, Vote } from '../../../domain/application.aggregate.js';
import { RegistrationServices } from '../../registration.services.js';

export class CastVoteCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly vote: { vote: Vote; grounds: RefusalGround[]; comment?: string | undefined },
    readonly actor: Actor,
  ) {
    super();
  }
}

/** F-15: a Commission member records its vote (one per member; voting again replaces it). */
@CommandHandler(CastVoteCommand)
export class CastVoteHandler implements ICommandHandler<CastVoteCommand> {
  constructor(@Inject(RegistrationServices) private readonly r: RegistrationServices) {}

  async execute({ id, vote, actor }: CastVoteCommand): Promise<void> {
    await this.r.uow.run(async (em) => {
      const repo = this.r.repo(em);
      const app = await repo.get(id);
      app.castVote({ member: actor.subject, ...(actor.name ? { memberName: actor.name } : {}), vote: vote.vote, grounds: vote.grounds, ...(vote.comment ? { comment: vote.comment } : {}) }, this.r.clock.now());
      await repo.save(app);
    });
  }
}
