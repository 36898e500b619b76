import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '@hub/contracts';
import { Clock, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ruleSetById } from '../../domain/rule-set.js';
import { SelectionRound } from '../../domain/round.aggregate.js';
import { RoundRepository, RuleSetSource } from '../ports/selection.ports.js';

/** C-3 … C-5: the organiser announces a round of selection under a rule set, with its application deadline. */
export class AnnounceRoundCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { readonly ruleSetId: string; readonly title: string; readonly description: string; readonly applicationDeadline: Date },
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(AnnounceRoundCommand)
export class AnnounceRoundHandler implements ICommandHandler<AnnounceRoundCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(RoundRepository) private readonly rounds: RoundRepository,
    @Inject(RuleSetSource) private readonly ruleSets: RuleSetSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ input, actor }: AnnounceRoundCommand): Promise<{ id: string }> {
    const ruleSet = ruleSetById(this.ruleSets.all(), input.ruleSetId);
    return this.uow.run(async () => {
      const round = SelectionRound.announce({ id: uuidv7(), ruleSet, ...input, announcedBy: actor.subject, at: this.clock.now() });
      this.rounds.add(round);
      return { id: round.id };
    });
  }
}
