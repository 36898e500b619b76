import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { endOfAlmatyDay } from '@hub/calendar';
import type { Actor } from '@hub/contracts';
import { Clock, ConflictError, ForbiddenError, uuidv7 } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { KnownDocuments, UnitOfWork } from '@hub/nest-commons';
import { type ApplicationContent, type Deficiency, SelectionApplication } from '../../domain/application.aggregate.js';
import { ruleSetById } from '../../domain/rule-set.js';
import { ApplicationRepository, RoundRepository, RuleSetSource, WorkingDays } from '../ports/selection.ports.js';
import { instituteTransferDueOn } from '../../domain/rules/institute-transfer.rule.js';
import { applicationTarget, consentDocuments } from '../../domain/rules/member-consents.rule.js';
import { COMPLIANCE_CHECK_DUE_TIMER } from '../timers/compliance-check-due.timer-handler.js';
import { INSTITUTE_TRANSFER_DUE_TIMER } from '../timers/expert-stage-due.timer-handlers.js';

/** F-35 as the clusters context applies it: a representative acts only for the companies in its token. */
function assertRepresents(actor: Actor, bin: string): void {
  if (!actor.companies.includes(bin)) throw new ForbiddenError(`you do not represent the company ${bin}`);
}

/** C-6 … C-11: a participant files its application to a round before the deadline. */
export class FileApplicationCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { readonly roundId: string; readonly bin: string; readonly content: ApplicationContent },
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(FileApplicationCommand)
export class FileApplicationHandler implements ICommandHandler<FileApplicationCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(RoundRepository) private readonly rounds: RoundRepository,
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(RuleSetSource) private readonly ruleSets: RuleSetSource,
    @Inject(WorkingDays) private readonly workingDays: WorkingDays,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(KnownDocuments) private readonly documents: KnownDocuments,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ input, actor }: FileApplicationCommand): Promise<{ id: string }> {
    assertRepresents(actor, input.bin);
    return this.uow.run(async (em) => {
      const round = await this.rounds.get(input.roundId);
      const ruleSet = ruleSetById(this.ruleSets.all(), round.ruleSetId);
      if ((await this.applications.countActiveOf(round.id, input.bin)) > 0)
        throw new ConflictError('clusters.application-exists', `the company ${input.bin} already has an application in this round: change it (C-9) instead`);
      const id = uuidv7();
      // C-7 (Annex 2), issue #10: the consents given by id are the applicant's own verified member-consent uploads (422 naming the field).
      await this.documents.assertReferences(input.bin, consentDocuments(input.content.memberConsents), applicationTarget(id));
      const application = SelectionApplication.file({
        id,
        roundId: round.id,
        bin: input.bin,
        content: input.content,
        deadline: round.applicationDeadline,
        complianceDueOn: (filedOn) => this.workingDays.add(filedOn, ruleSet.complianceCheckWorkingDays), // C-12
        at: this.clock.now(),
      });
      this.applications.add(application);
      await this.timers.schedule(em, {
        kind: COMPLIANCE_CHECK_DUE_TIMER,
        key: application.id,
        dueAt: endOfAlmatyDay(application.complianceDueOn),
        payload: { applicationId: application.id },
      });
      return { id: application.id };
    });
  }
}

/** C-9: the participant changes its application (a new revision) before the deadline. */
export class ChangeApplicationCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly content: ApplicationContent,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(ChangeApplicationCommand)
export class ChangeApplicationHandler implements ICommandHandler<ChangeApplicationCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(RoundRepository) private readonly rounds: RoundRepository,
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(KnownDocuments) private readonly documents: KnownDocuments,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ id, content, actor }: ChangeApplicationCommand): Promise<void> {
    await this.uow.run(async () => {
      const application = await this.applications.get(id);
      assertRepresents(actor, application.bin);
      // C-9 with issue #10: a change's consents are checked as at filing.
      await this.documents.assertReferences(application.bin, consentDocuments(content.memberConsents), applicationTarget(application.id));
      const round = await this.rounds.get(application.roundId);
      application.change(content, round.applicationDeadline, this.clock.now());
    });
  }
}

/** C-9: the participant withdraws its application before the deadline. */
export class WithdrawApplicationCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(WithdrawApplicationCommand)
export class WithdrawApplicationHandler implements ICommandHandler<WithdrawApplicationCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(RoundRepository) private readonly rounds: RoundRepository,
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ id, actor }: WithdrawApplicationCommand): Promise<void> {
    await this.uow.run(async (em) => {
      const application = await this.applications.get(id);
      assertRepresents(actor, application.bin);
      const round = await this.rounds.get(application.roundId);
      application.withdraw(round.applicationDeadline, this.clock.now());
      await this.timers.cancel(em, COMPLIANCE_CHECK_DUE_TIMER, application.id);
      await this.timers.cancel(em, INSTITUTE_TRANSFER_DUE_TIMER, application.id); // ADR 0084: a compliant one is not sent any more (C-13)
    });
  }
}

/** C-12: the organiser's compliance check — a return with written notice, or compliant. */
export class CheckComplianceCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly outcome: { readonly compliant: true } | { readonly compliant: false; readonly deficiencies: readonly Deficiency[] },
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(CheckComplianceCommand)
export class CheckComplianceHandler implements ICommandHandler<CheckComplianceCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(RoundRepository) private readonly rounds: RoundRepository,
    @Inject(RuleSetSource) private readonly ruleSets: RuleSetSource,
    @Inject(WorkingDays) private readonly workingDays: WorkingDays,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ id, outcome, actor }: CheckComplianceCommand): Promise<void> {
    await this.uow.run(async (em) => {
      const application = await this.applications.get(id);
      const now = this.clock.now();
      if (outcome.compliant) {
        const round = await this.rounds.get(application.roundId);
        const ruleSet = ruleSetById(this.ruleSets.all(), round.ruleSetId);
        application.findCompliant(now, (checkPeriodEndsOn) =>
          instituteTransferDueOn(checkPeriodEndsOn, ruleSet.toInstituteWorkingDays, (d, n) => this.workingDays.add(d, n)),
        ); // C-13
        await this.timers.schedule(em, {
          kind: INSTITUTE_TRANSFER_DUE_TIMER,
          key: application.id,
          dueAt: endOfAlmatyDay(application.instituteDueOn!),
          payload: { applicationId: application.id },
        });
      } else application.returnForNonCompliance(outcome.deficiencies, actor.subject, now);
      await this.timers.cancel(em, COMPLIANCE_CHECK_DUE_TIMER, application.id);
    });
  }
}
