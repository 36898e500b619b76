import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type IsoDate, endOfAlmatyDay } from '@hub/calendar';
import { Clock, RuleViolationError, ValidationError } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { KnownOfficeDocuments, UnitOfWork } from '@hub/nest-commons';
import type { Actor } from '@hub/contracts';
import { ruleSetById } from '../../domain/rule-set.js';
import type { CommissionVote } from '../../domain/commission-vote.js';
import { type RecordedVote, assertDecisionFollowsVotes, tallyCommissionVotes } from '../../domain/rules/commission-decision.rule.js';
import { CommissionAgendaPublisher } from '../commission-agenda.publisher.js';
import { ApplicationRepository, CommissionVoteRepository, RoundRepository, RuleSetSource, WorkingDays } from '../ports/selection.ports.js';
import { PUBLICATION_DUE_TIMER } from '../timers/publication-due.timer-handler.js';
import { EXPERT_STAGE_DOCUMENTS, resolveExpertStageDocument } from './office-documents.js';

/**
 * C-19, C-20: the Commission's secretary records its protocol; the winners are those the members'
 * votes decided (ADR 0083). `winnerApplicationIds` is deprecated: when given it must name exactly them.
 */
export class RecordProtocolCommand extends Command<void> {
  constructor(
    readonly roundId: string,
    readonly input: {
      readonly number: string;
      readonly decidedOn: IsoDate;
      /** Deprecated (ADR 0113): a free-text reference; give `documentId`. */
      readonly documentRef?: string | undefined;
      /** ADR 0113: the signed protocol, an office's (the Commission's) document in documents. */
      readonly documentId?: string | undefined;
      readonly winnerApplicationIds?: readonly string[] | undefined;
    },
    readonly actor?: Actor,
  ) {
    super();
  }
}

@CommandHandler(RecordProtocolCommand)
export class RecordProtocolHandler implements ICommandHandler<RecordProtocolCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(RoundRepository) private readonly rounds: RoundRepository,
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(CommissionVoteRepository) private readonly votes: CommissionVoteRepository,
    @Inject(RuleSetSource) private readonly ruleSets: RuleSetSource,
    @Inject(WorkingDays) private readonly workingDays: WorkingDays,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(KnownOfficeDocuments) private readonly known: KnownOfficeDocuments,
    @Inject(CommissionAgendaPublisher) private readonly agenda: CommissionAgendaPublisher,
  ) {}

  async execute({ roundId, input, actor }: RecordProtocolCommand): Promise<void> {
    await this.uow.run(async (em) => {
      const round = await this.rounds.getForUpdate(roundId); // no vote lands while the protocol reads them
      const ruleSet = ruleSetById(this.ruleSets.all(), round.ruleSetId);
      const byId = new Map((await this.applications.ofRound(round.id)).map((a) => [a.id, a]));
      const compliantApplications = [...byId.values()].filter((a) => a.status === 'compliant').length;
      const now = this.clock.now();
      round.assertCommissionMayDecide(now, compliantApplications); // C-18, C-19 before the winners are looked at
      const signed = await resolveExpertStageDocument(
        this.known,
        { documentId: input.documentId, documentRef: input.documentRef },
        EXPERT_STAGE_DOCUMENTS.protocol,
        round,
        now,
      ); // ADR 0113, 0122
      const named = input.winnerApplicationIds ?? [];
      named.forEach((id, i) => {
        const a = byId.get(id);
        // Only an application found compliant (C-12), with the institute's opinion (C-14, C-15), is before the Commission (C-18).
        if (!a || a.status !== 'compliant' || a.expertOpinion === null)
          throw ValidationError.field(`winnerApplicationIds.${i}`, `${id} is not a compliant application of this round with the institute's opinion`);
      });
      if (new Set(named).size !== named.length) throw ValidationError.field('winnerApplicationIds', 'a winner is listed twice');
      // C-18: before the Commission are the applications the institute compared (compliant, with the opinion).
      const before = [...byId.values()].filter((a) => a.status === 'compliant' && a.expertOpinion !== null).map((a) => a.id);
      const tallies =
        before.length === 0 ? [] : tallyCommissionVotes(round.commission?.members ?? [], before, (await this.votes.ofRound(round.id)).map(toRecorded));
      if (before.length > 0 && round.commission === null)
        throw new RuleViolationError('C-19', 'the Commission has not been formed (POST /rounds/:id/commission) and no member has voted', { field: 'votes' });
      const decided = assertDecisionFollowsVotes(tallies, input.winnerApplicationIds); // C-19, C-20
      const winners = decided.map((id) => {
        const a = byId.get(id)!;
        return { applicationId: a.id, bin: a.bin, clusterName: a.content.form.clusterName };
      });
      round.recordProtocol({
        protocol: {
          number: input.number,
          decidedOn: input.decidedOn,
          documentRef: signed.documentRef,
          documentId: signed.documentId,
          votes: tallies,
          ...(actor ? { recordedBy: actor.subject } : {}),
        },
        winners,
        compliantApplications,
        publicationDueOn: (receivedOn) => this.workingDays.add(receivedOn, ruleSet.publicationWorkingDays), // C-21
        at: now,
      });
      await this.timers.schedule(em, {
        kind: PUBLICATION_DUE_TIMER,
        key: round.id,
        dueAt: endOfAlmatyDay(round.publicationDueOn!),
        payload: { roundId: round.id },
      });
      await this.agenda.publish(round); // ADR 0138 §1: the protocol (C-20) closes the agenda
    });
  }
}

/** C-21: the organiser publishes the results. */
export class PublishResultsCommand extends Command<void> {
  constructor(readonly roundId: string) {
    super();
  }
}

@CommandHandler(PublishResultsCommand)
export class PublishResultsHandler implements ICommandHandler<PublishResultsCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(RoundRepository) private readonly rounds: RoundRepository,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ roundId }: PublishResultsCommand): Promise<void> {
    await this.uow.run(async (em) => {
      const round = await this.rounds.get(roundId);
      round.publishResults(this.clock.now());
      await this.timers.cancel(em, PUBLICATION_DUE_TIMER, round.id);
    });
  }
}

const toRecorded = (v: CommissionVote): RecordedVote => ({
  applicationId: v.applicationId,
  memberSubject: v.memberSubject,
  memberName: v.memberName,
  choice: v.choice,
  comment: v.comment,
  castAt: v.castAt.toISOString(),
});
