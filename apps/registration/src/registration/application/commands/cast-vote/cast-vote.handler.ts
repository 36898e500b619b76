import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import type { RefusalGround, Vote } from '../../../domain/application.aggregate.js';
import { ApplicationRepository } from '../../ports/application.repository.js';

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
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ id, vote, actor }: CastVoteCommand): Promise<void> {
    await this.uow.run(async () => {
      const app = await this.applications.get(id);
      app.castVote(
        {
          member: actor.subject,
          ...(actor.name ? { memberName: actor.name } : {}),
          vote: vote.vote,
          grounds: vote.grounds,
          ...(vote.comment ? { comment: vote.comment } : {}),
        },
        this.clock.now(),
      );
    });
  }
}
