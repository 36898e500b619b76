import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '@hub/contracts';
import { Clock, ConflictError, uuidv7 } from '@hub/kernel';
import { KnownOfficeDocuments, UnitOfWork } from '@hub/nest-commons';
import { CommissionVote } from '../../domain/commission-vote.js';
import type { CommissionSeat, VoteChoice } from '../../domain/rules/commission-decision.rule.js';
import { CommissionAgendaPublisher } from '../commission-agenda.publisher.js';
import { CommissionVoteRepository, RoundRepository } from '../ports/selection.ports.js';
import { EXPERT_STAGE_DOCUMENTS, resolveExpertStageDocument } from './office-documents.js';

/** C-2, C-19 (ADR 0083): the organiser forms the round's Commission. */
export class FormCommissionCommand extends Command<void> {
  constructor(
    readonly roundId: string,
    /** ADR 0113: the organiser's decision as `decisionDocumentId` (an office's document), or the deprecated `decisionRef`. */
    readonly input: {
      readonly members: readonly CommissionSeat[];
      readonly decisionRef?: string | undefined;
      readonly decisionDocumentId?: string | undefined;
    },
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(FormCommissionCommand)
export class FormCommissionHandler implements ICommandHandler<FormCommissionCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(RoundRepository) private readonly rounds: RoundRepository,
    @Inject(CommissionVoteRepository) private readonly votes: CommissionVoteRepository,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(KnownOfficeDocuments) private readonly known: KnownOfficeDocuments,
    @Inject(CommissionAgendaPublisher) private readonly agenda: CommissionAgendaPublisher,
  ) {}

  async execute({ roundId, input, actor }: FormCommissionCommand): Promise<void> {
    await this.uow.run(async () => {
      const round = await this.rounds.getForUpdate(roundId); // a vote and a new composition never interleave
      const votesCast = (await this.votes.ofRound(round.id)).length;
      const now = this.clock.now();
      const decision = await resolveExpertStageDocument(
        this.known,
        { documentId: input.decisionDocumentId, documentRef: input.decisionRef },
        EXPERT_STAGE_DOCUMENTS.commissionOrder,
        round,
        now,
        'decisionDocumentId',
      );
      round.formCommission({
        members: input.members,
        decisionRef: decision.documentRef,
        decisionDocumentId: decision.documentId,
        by: actor.subject,
        votesCast,
        at: now,
      });
      await this.agenda.publish(round); // ADR 0138 §1: the members (C-2, C-19)
    });
  }
}

/** C-19: a member of the round's Commission votes on one application before it — once. */
export class CastVoteCommand extends Command<void> {
  constructor(
    readonly roundId: string,
    readonly input: { readonly applicationId: string; readonly choice: VoteChoice; readonly comment: string },
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(CastVoteCommand)
export class CastVoteHandler implements ICommandHandler<CastVoteCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(RoundRepository) private readonly rounds: RoundRepository,
    @Inject(CommissionVoteRepository) private readonly votes: CommissionVoteRepository,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CommissionAgendaPublisher) private readonly agenda: CommissionAgendaPublisher,
  ) {}

  async execute({ roundId, input, actor }: CastVoteCommand): Promise<void> {
    await this.uow.run(async () => {
      const round = await this.rounds.getForUpdate(roundId); // the protocol (which reads the votes) and a vote never interleave
      const seat = round.assertMayVote(actor.subject, input.applicationId);
      const mine = (await this.votes.ofRound(round.id)).find((v) => v.applicationId === input.applicationId && v.memberSubject === actor.subject);
      if (mine)
        throw new ConflictError(
          'vote.already-cast',
          `C-19: the member voted '${mine.choice}' on this application at ${mine.castAt.toISOString()}; one vote per member`,
          {
            applicationId: input.applicationId,
          },
        );
      // The unique key (application, member) is the last word when two requests of one member race (409).
      await this.votes.insert(
        CommissionVote.cast({
          id: uuidv7(),
          roundId: round.id,
          applicationId: input.applicationId,
          memberSubject: actor.subject,
          memberName: seat.fullName,
          choice: input.choice,
          comment: input.comment,
          at: this.clock.now(),
        }),
      );
      await this.agenda.publish(round); // ADR 0138 §1: the member no longer awaits this application (C-19)
    });
  }
}
