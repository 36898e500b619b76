import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { endOfAlmatyDay } from '@hub/calendar';
import type { Actor } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { KnownOfficeDocuments, UnitOfWork } from '@hub/nest-commons';
import type { CriterionAnalysis, RankedApplication } from '../../domain/rules/expert-analysis.rule.js';
import { expertOpinionsDueOn } from '../../domain/rules/opinion-period.rule.js';
import { opinionsToOrganiserDueOn, toCommissionDueOn } from '../../domain/rules/opinions-hand-over.rule.js';
import { ruleSetById } from '../../domain/rule-set.js';
import { CommissionAgendaPublisher } from '../commission-agenda.publisher.js';
import { ApplicationRepository, RoundRepository, RuleSetSource, WorkingDays } from '../ports/selection.ports.js';
import {
  EXPERT_OPINIONS_DUE_TIMER,
  INSTITUTE_TRANSFER_DUE_TIMER,
  OPINIONS_TO_ORGANISER_DUE_TIMER,
  TO_COMMISSION_DUE_TIMER,
} from '../timers/expert-stage-due.timer-handlers.js';
import { EXPERT_STAGE_DOCUMENTS, type ExpertStageDocumentInput, resolveExpertStageDocument } from './office-documents.js';

/** C-13: the organiser sends a compliant application to the national institute (a recorded hand-over). */
export class SendToInstituteCommand extends Command<void> {
  constructor(
    readonly applicationId: string,
    /** ADR 0113: the organiser's covering letter (`documentId`), or a deprecated reference. */
    readonly document: ExpertStageDocumentInput,
  ) {
    super();
  }
}

@CommandHandler(SendToInstituteCommand)
export class SendToInstituteHandler implements ICommandHandler<SendToInstituteCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(RoundRepository) private readonly rounds: RoundRepository,
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(RuleSetSource) private readonly ruleSets: RuleSetSource,
    @Inject(WorkingDays) private readonly workingDays: WorkingDays,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(KnownOfficeDocuments) private readonly known: KnownOfficeDocuments,
  ) {}

  async execute({ applicationId, document }: SendToInstituteCommand): Promise<void> {
    await this.uow.run(async (em) => {
      const roundId = (await this.applications.get(applicationId)).roundId;
      const round = await this.rounds.getForUpdate(roundId); // one expert-stage step per round at a time
      const now = this.clock.now();
      const { documentRef, documentId } = await resolveExpertStageDocument(this.known, document, EXPERT_STAGE_DOCUMENTS.instituteTransfer, round, now);
      const application = await this.applications.get(applicationId, { fresh: true });
      const ruleSet = ruleSetById(this.ruleSets.all(), round.ruleSetId);
      const opinionsDueOn = round.opinionsDueOn ?? expertOpinionsDueOn(round.deadlineOn, ruleSet.expertOpinionCalendarDaysAfterDeadline); // C-16
      application.sendToInstitute({ documentRef, documentId, opinionsDueOn, at: now }); // C-13
      await this.timers.cancel(em, INSTITUTE_TRANSFER_DUE_TIMER, application.id);
      const opened = round.openExpertStage({
        opinionsDueOn,
        opinionsToOrganiserDueOn: opinionsToOrganiserDueOn(opinionsDueOn, ruleSet.opinionsToOrganiserWorkingDays, (d, n) => this.workingDays.add(d, n)), // C-17
        at: now,
      });
      if (opened) {
        await this.timers.schedule(em, {
          kind: EXPERT_OPINIONS_DUE_TIMER,
          key: round.id,
          dueAt: endOfAlmatyDay(round.opinionsDueOn!),
          payload: { roundId: round.id },
        });
        await this.timers.schedule(em, {
          kind: OPINIONS_TO_ORGANISER_DUE_TIMER,
          key: round.id,
          dueAt: endOfAlmatyDay(round.opinionsToOrganiserDueOn!),
          payload: { roundId: round.id },
        });
      }
    });
  }
}

/** C-14, C-15: an expert of the national institute gives the opinion on one application. */
export class GiveOpinionCommand extends Command<void> {
  constructor(
    readonly applicationId: string,
    readonly input: {
      readonly criteria: readonly CriterionAnalysis[];
      readonly conclusion: string;
      readonly recommendation: 'recommended' | 'not-recommended';
    },
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(GiveOpinionCommand)
export class GiveOpinionHandler implements ICommandHandler<GiveOpinionCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(RoundRepository) private readonly rounds: RoundRepository,
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(RuleSetSource) private readonly ruleSets: RuleSetSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ applicationId, input, actor }: GiveOpinionCommand): Promise<void> {
    await this.uow.run(async () => {
      const roundId = (await this.applications.get(applicationId)).roundId;
      const round = await this.rounds.getForUpdate(roundId); // serialised with the comparison (C-14)
      const application = await this.applications.get(applicationId, { fresh: true });
      const ruleSet = ruleSetById(this.ruleSets.all(), round.ruleSetId);
      application.giveOpinion({
        criteria: ruleSet.criteria, // C-15: the round's set's Annex 4 criteria (data)
        analyses: input.criteria,
        conclusion: input.conclusion,
        recommendation: input.recommendation,
        by: actor.subject,
        analysisClosed: round.comparativeAssessment !== null,
        at: this.clock.now(),
      });
    });
  }
}

/** C-14, C-16: the institute's comparative assessment across the round's applications; it completes the analysis. */
export class GiveComparativeAssessmentCommand extends Command<void> {
  constructor(
    readonly roundId: string,
    readonly input: { readonly summary: string; readonly ranking: readonly RankedApplication[] },
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(GiveComparativeAssessmentCommand)
export class GiveComparativeAssessmentHandler implements ICommandHandler<GiveComparativeAssessmentCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(RoundRepository) private readonly rounds: RoundRepository,
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ roundId, input, actor }: GiveComparativeAssessmentCommand): Promise<void> {
    await this.uow.run(async (em) => {
      const round = await this.rounds.getForUpdate(roundId);
      // Every application must be settled: a compliant one not yet sent, or one without an opinion, refuses the comparison (C-14).
      const all = await this.applications.ofRound(round.id);
      round.giveComparativeAssessment({
        summary: input.summary,
        ranking: input.ranking,
        underReview: all
          .filter((a) => a.sentToInstituteAt !== null && a.status !== 'withdrawn')
          .map((a) => ({ id: a.id, hasOpinion: a.expertOpinion !== null })),
        uncheckedOrUnsent: all.filter((a) => a.status === 'filed' || (a.status === 'compliant' && a.sentToInstituteAt === null)).map((a) => a.id),
        by: actor.subject,
        at: this.clock.now(),
      });
      await this.timers.cancel(em, EXPERT_OPINIONS_DUE_TIMER, round.id);
    });
  }
}

/** C-17: the institute hands the opinions to the organiser; C-18's period starts. */
export class HandOpinionsToOrganiserCommand extends Command<void> {
  constructor(
    readonly roundId: string,
    /** ADR 0113: the institute's covering letter with the opinions (`documentId`), or a deprecated reference. */
    readonly document: ExpertStageDocumentInput,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(HandOpinionsToOrganiserCommand)
export class HandOpinionsToOrganiserHandler implements ICommandHandler<HandOpinionsToOrganiserCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(RoundRepository) private readonly rounds: RoundRepository,
    @Inject(RuleSetSource) private readonly ruleSets: RuleSetSource,
    @Inject(WorkingDays) private readonly workingDays: WorkingDays,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(KnownOfficeDocuments) private readonly known: KnownOfficeDocuments,
  ) {}

  async execute({ roundId, document, actor }: HandOpinionsToOrganiserCommand): Promise<void> {
    await this.uow.run(async (em) => {
      const round = await this.rounds.get(roundId);
      const now = this.clock.now();
      const { documentRef, documentId } = await resolveExpertStageDocument(this.known, document, EXPERT_STAGE_DOCUMENTS.opinionsToOrganiser, round, now);
      const ruleSet = ruleSetById(this.ruleSets.all(), round.ruleSetId);
      round.handOpinionsToOrganiser({
        documentRef,
        documentId,
        by: actor.subject,
        toCommissionDueOn: (receivedOn) => toCommissionDueOn(receivedOn, ruleSet.toCommissionWorkingDays, (d, n) => this.workingDays.add(d, n)), // C-18
        at: now,
      });
      await this.timers.cancel(em, OPINIONS_TO_ORGANISER_DUE_TIMER, round.id);
      await this.timers.schedule(em, {
        kind: TO_COMMISSION_DUE_TIMER,
        key: round.id,
        dueAt: endOfAlmatyDay(round.toCommissionDueOn!),
        payload: { roundId: round.id },
      });
    });
  }
}

/** C-18: the organiser puts the materials and the opinions before the Commission. */
export class PutBeforeCommissionCommand extends Command<void> {
  constructor(
    readonly roundId: string,
    /** ADR 0113: the organiser's covering letter (`documentId`), or a deprecated reference. */
    readonly document: ExpertStageDocumentInput,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(PutBeforeCommissionCommand)
export class PutBeforeCommissionHandler implements ICommandHandler<PutBeforeCommissionCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(RoundRepository) private readonly rounds: RoundRepository,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(KnownOfficeDocuments) private readonly known: KnownOfficeDocuments,
    @Inject(CommissionAgendaPublisher) private readonly agenda: CommissionAgendaPublisher,
  ) {}

  async execute({ roundId, document, actor }: PutBeforeCommissionCommand): Promise<void> {
    await this.uow.run(async (em) => {
      const round = await this.rounds.getForUpdate(roundId); // serialised with the votes and the composition (the agenda, ADR 0138)
      const now = this.clock.now();
      const { documentRef, documentId } = await resolveExpertStageDocument(this.known, document, EXPERT_STAGE_DOCUMENTS.toCommission, round, now);
      round.putOpinionsBeforeCommission({ documentRef, documentId, by: actor.subject, at: now });
      await this.timers.cancel(em, TO_COMMISSION_DUE_TIMER, round.id);
      await this.agenda.publish(round); // ADR 0138 §1: the applications come before the Commission (C-18)
    });
  }
}
