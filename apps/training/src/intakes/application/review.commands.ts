import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { almatyDate, endOfAlmatyDay, type IsoDate } from '@hub/calendar';
import type { Actor } from '@hub/contracts';
import { Clock, ForbiddenError, RuleViolationError, uuidv7 } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { KnownDocuments, UnitOfWork } from '@hub/nest-commons';
import { CommissionAgendaPublisher } from '../../commission/application/commission-agenda.publisher.js';
import { CompletenessReview } from '../domain/completeness-review.js';
import type { CourseSyllabus, TypedAttachment } from '../domain/intake.types.js';
import { applicationDocuments, applicationTarget } from '../domain/rules/application-documents.rule.js';
import type { Evidence, SourcedFact } from '../domain/rules/refusal-grounds/ground-outcome.js';
import { type CompletenessFacts, evaluateRefusalGrounds } from '../domain/rules/refusal-grounds/refusal-grounds.js';
import { ProviderApplicationRepository, TrainingThresholds, WorkingDays } from './ports/intakes.ports.js';
import { DebtorsRegister, type RegisterAnswer, TaxDebtData, UnfairProcurementRegister } from './ports/registers.ports.js';
import { COMPLETENESS_REVIEW_DUE_TIMER } from './timers/completeness-review-due.timer-handler.js';
import { REMARKS_FIX_DUE_TIMER } from './timers/remarks-fix-due.timer-handler.js';

/** The officer's recorded check of a register (the fallback of ADR 0071): what it showed, where, when, and the evidence kept. */
export interface OfficerCheck<T> {
  readonly value: T;
  readonly source: string;
  readonly checkedOn: IsoDate;
  readonly evidence: Evidence;
}

export interface CompletenessReviewInput {
  /** Recorded checks for grounds (1), (4), (5); each replaces the register's answer. */
  readonly checks: {
    readonly taxDebt?: OfficerCheck<{ taxDebtTiyn: number; pensionSocialArrearsTiyn: number }> | undefined;
    readonly unfairProcurement?: OfficerCheck<{ listed: boolean }> | undefined;
    readonly debtors?: OfficerCheck<{ listed: boolean }> | undefined;
  };
  /** The officer's findings for grounds (2), (3), (8). */
  readonly findings: {
    readonly falseInformation: { found: boolean; note: string | null; evidence: Evidence | null };
    readonly bankruptcyOrLiquidation: { inProceedings: boolean; source: string; evidence: Evidence | null };
    readonly internetResource: { url: string | null; statesParticipation: boolean; evidence: Evidence | null };
  };
}

/** F-68: the training officer reviews a filed (or resubmitted) application against the eight refusal grounds. */
export class ReviewCompletenessCommand extends Command<{ reviewId: string }> {
  constructor(
    readonly applicationId: string,
    readonly input: CompletenessReviewInput,
    readonly actor: Actor,
  ) {
    super();
  }
}

const OFFICER = (actor: Actor, source: string) => `officer-check by ${actor.subject}: ${source}`;

@CommandHandler(ReviewCompletenessCommand)
export class ReviewCompletenessHandler implements ICommandHandler<ReviewCompletenessCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ProviderApplicationRepository) private readonly applications: ProviderApplicationRepository,
    @Inject(TrainingThresholds) private readonly thresholds: TrainingThresholds,
    @Inject(TaxDebtData) private readonly tax: TaxDebtData,
    @Inject(UnfairProcurementRegister) private readonly unfairProcurement: UnfairProcurementRegister,
    @Inject(DebtorsRegister) private readonly debtors: DebtorsRegister,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(CommissionAgendaPublisher) private readonly agenda: CommissionAgendaPublisher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The officer's check when recorded, else the register's answer; neither → 422 naming the ground. */
  private async fact<T>(
    ruleId: string,
    actor: Actor,
    check: OfficerCheck<T> | undefined,
    ask: () => Promise<RegisterAnswer<T> | null>,
  ): Promise<SourcedFact<T>> {
    if (check) return { value: check.value, source: OFFICER(actor, check.source), checkedOn: check.checkedOn, evidence: check.evidence };
    const answer = await ask();
    if (!answer) throw new RuleViolationError(ruleId, 'the register is not connected: record the officer’s check with its evidence', { ground: ruleId });
    return { ...answer, evidence: null };
  }

  async execute({ applicationId, input, actor }: ReviewCompletenessCommand): Promise<{ reviewId: string }> {
    return this.uow.run(async (em) => {
      const now = this.clock.now();
      const today = almatyDate(now);
      const application = await this.applications.get(applicationId);
      const { checks, findings } = input;
      const officer = (source: string, evidence: Evidence | null) => ({ source: OFFICER(actor, source), checkedOn: today, evidence });
      const facts: CompletenessFacts = {
        taxDebt: await this.fact('F-68(1)', actor, checks.taxDebt, () => this.tax.debtOf(application.bin, today)),
        unfairProcurement: await this.fact('F-68(4)', actor, checks.unfairProcurement, () => this.unfairProcurement.lookup(application.bin, today)),
        debtors: await this.fact('F-68(5)', actor, checks.debtors, () => this.debtors.lookup(application.bin, today)),
        falseInformation: {
          value: { found: findings.falseInformation.found, note: findings.falseInformation.note },
          ...officer('review of the application', findings.falseInformation.evidence),
        },
        bankruptcyOrLiquidation: {
          value: { inProceedings: findings.bankruptcyOrLiquidation.inProceedings },
          ...officer(findings.bankruptcyOrLiquidation.source, findings.bankruptcyOrLiquidation.evidence),
        },
        internetResource: {
          value: { url: findings.internetResource.url, statesParticipation: findings.internetResource.statesParticipation },
          ...officer(findings.internetResource.url ?? 'no internet resource given', findings.internetResource.evidence),
        },
      };
      // Thresholds and grounds in force on the filing day (an application is judged by the rules it was filed under).
      const outcomes = evaluateRefusalGrounds({
        on: application.filedOn,
        reviewedOn: today,
        courses: application.courses,
        facts,
        thresholds: {
          taxDebtLimitTiyn: this.thresholds.taxDebtLimitTiyn(application.filedOn),
          minCourseMonths: this.thresholds.minCourseMonths(application.filedOn),
        },
      });
      const review = CompletenessReview.record({ id: uuidv7(), applicationId, outcomes, reviewedBy: actor.subject, reviewedOn: today, at: now });
      application.applyCompletenessReview(review, now);
      this.applications.addReview(review);
      await this.timers.cancel(em, COMPLETENESS_REVIEW_DUE_TIMER, application.id);
      // F-69, ADR 0138 §1: a complete application comes before the Commission — its agenda changed (a refusal changes nothing there)
      if (review.result === 'complete') await this.agenda.publish(application.intakeId);
      return { reviewId: review.id };
    });
  }
}

/** F-70: the training officer issues remarks on an incomplete application within 10 WD of filing. */
export class IssueRemarksCommand extends Command<void> {
  constructor(
    readonly applicationId: string,
    readonly items: string[],
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(IssueRemarksCommand)
export class IssueRemarksHandler implements ICommandHandler<IssueRemarksCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ProviderApplicationRepository) private readonly applications: ProviderApplicationRepository,
    @Inject(WorkingDays) private readonly workingDays: WorkingDays,
    @Inject(TrainingThresholds) private readonly thresholds: TrainingThresholds,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ applicationId, items }: IssueRemarksCommand): Promise<void> {
    return this.uow.run(async (em) => {
      const now = this.clock.now();
      const issuedOn = almatyDate(now);
      const application = await this.applications.get(applicationId);
      // F-71: remarks are delivered electronically on the day they are issued — receipt = issue day (ADR 0071).
      const fixDueOn = this.workingDays.add(issuedOn, this.thresholds.remarksFixWorkingDays(issuedOn));
      application.issueRemarks({ items, issuedOn, fixDueOn, at: now });
      await this.timers.cancel(em, COMPLETENESS_REVIEW_DUE_TIMER, application.id);
      await this.timers.schedule(em, { kind: REMARKS_FIX_DUE_TIMER, key: application.id, dueAt: endOfAlmatyDay(fixDueOn), payload: { applicationId } });
    });
  }
}

/** F-71: the applicant fixes the remarks with new syllabi/attachments by the due day. */
export class FixRemarksCommand extends Command<void> {
  constructor(
    readonly applicationId: string,
    readonly input: { courses: CourseSyllabus[]; attachments: TypedAttachment[] },
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(FixRemarksCommand)
export class FixRemarksHandler implements ICommandHandler<FixRemarksCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ProviderApplicationRepository) private readonly applications: ProviderApplicationRepository,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(KnownDocuments) private readonly documents: KnownDocuments,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ applicationId, input, actor }: FixRemarksCommand): Promise<void> {
    return this.uow.run(async (em) => {
      const now = this.clock.now();
      const application = await this.applications.get(applicationId);
      if (!actor.companies.includes(application.bin)) throw new ForbiddenError(`you do not represent the company ${application.bin}`);
      // F-65, issue #10: the new syllabi and rights documents are checked as at filing (422 naming the field).
      await this.documents.assertReferences(application.bin, applicationDocuments(input.courses, input.attachments), applicationTarget(application.id));
      application.fixRemarks({ ...input, fixedOn: almatyDate(now), at: now });
      await this.timers.cancel(em, REMARKS_FIX_DUE_TIMER, application.id);
    });
  }
}
