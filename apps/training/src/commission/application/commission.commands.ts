import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { almatyDate, endOfAlmatyDay } from '@hub/calendar';
import type { Actor } from '@hub/contracts';
import { Clock, ConflictError, RuleViolationError, ValidationError, uuidv7 } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import {
  IntakeRepository,
  ParticipationStatus,
  ProviderApplicationRepository,
  TrainingThresholds,
  WorkingDays,
} from '../../intakes/application/ports/intakes.ports.js';
import { CommissionDecision, type CommissionProtocol } from '../domain/commission-decision.js';
import { type Affiliation, CommissionMember } from '../domain/commission-member.js';
import { allocateQuotas, type QuotaInput, QUOTA_FORMULA_V1 } from '../domain/quota/quota-formula.js';
import { assertCommissionComposition } from '../domain/rules/commission-composition.rule.js';
import { assertMayReviewApplicant } from '../domain/rules/conflict-of-interest.rule.js';
import { commissionScoreMilli, outcomeOfVotes } from '../domain/rules/decision-follows-votes.rule.js';
import { assertPresentationHeard } from '../../intakes/domain/rules/presentation-schedule.rule.js';
import { CommissionVote, type VoteChoice } from '../domain/vote.js';
import { CommissionAgendaPublisher } from './commission-agenda.publisher.js';
import { CommissionRepository } from './ports/commission.ports.js';

export const DECISION_NOTICE_DUE_TIMER = 'training.decision-notice-due';
export const CONTRACT_DUE_TIMER = 'training.contract-due';

/** F-69: the training officer appoints a member of an intake's Independent Commission. */
export class AppointCommissionMemberCommand extends Command<{ id: string }> {
  constructor(
    readonly intakeId: string,
    readonly input: { subject: string; fullName: string; affiliation: Affiliation },
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(AppointCommissionMemberCommand)
export class AppointCommissionMemberHandler implements ICommandHandler<AppointCommissionMemberCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(IntakeRepository) private readonly intakes: IntakeRepository,
    @Inject(CommissionRepository) private readonly commission: CommissionRepository,
    @Inject(CommissionAgendaPublisher) private readonly agenda: CommissionAgendaPublisher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ intakeId, input, actor }: AppointCommissionMemberCommand): Promise<{ id: string }> {
    return this.uow.run(async () => {
      await this.intakes.get(intakeId);
      if (await this.commission.decision(intakeId)) throw new ConflictError('training.commission-decided', 'the Commission has decided on this intake');
      if (await this.commission.memberBySubject(intakeId, input.subject)) throw new ConflictError('duplicate', `${input.subject} is already a member`);
      const member = CommissionMember.appoint({ id: uuidv7(), intakeId, ...input, appointedBy: actor.subject, at: this.clock.now() });
      this.commission.addMember(member);
      await this.agenda.publish(intakeId); // ADR 0138 §1: a new member (awaiting nothing until they declare)
      return { id: member.id };
    });
  }
}

/** F-69: a member declares conflicts of interest (once) before seeing applications. */
export class DeclareConflictsCommand extends Command<void> {
  constructor(
    readonly intakeId: string,
    readonly input: { hasConflict: boolean; conflictingBins: string[]; statement: string },
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(DeclareConflictsCommand)
export class DeclareConflictsHandler implements ICommandHandler<DeclareConflictsCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(CommissionRepository) private readonly commission: CommissionRepository,
    @Inject(CommissionAgendaPublisher) private readonly agenda: CommissionAgendaPublisher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ intakeId, input, actor }: DeclareConflictsCommand): Promise<void> {
    return this.uow.run(async () => {
      const member = await this.commission.memberBySubject(intakeId, actor.subject);
      if (!member) throw new RuleViolationError('F-69', 'you are not a member of this intake’s Independent Commission');
      const now = this.clock.now();
      member.declare({ ...input, on: almatyDate(now), at: now });
      await this.agenda.publish(intakeId); // ADR 0138 §1: the member now awaits the applications F-69 lets them see
    });
  }
}

/** F-72: the Commission secretary schedules an applicant's presentation in the intake's schedule. */
export class SchedulePresentationCommand extends Command<void> {
  constructor(
    readonly applicationId: string,
    readonly at: Date,
    readonly minutes: number,
  ) {
    super();
  }
}

@CommandHandler(SchedulePresentationCommand)
export class SchedulePresentationHandler implements ICommandHandler<SchedulePresentationCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ProviderApplicationRepository) private readonly applications: ProviderApplicationRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ applicationId, at, minutes }: SchedulePresentationCommand): Promise<void> {
    return this.uow.run(async () => {
      const application = await this.applications.get(applicationId);
      const schedule = (await this.applications.listByIntake(application.intakeId, ['complete', 'admitted', 'rejected']))
        .filter((a) => a.presentationAt !== null && a.presentationMinutes !== null)
        .map((a) => ({ applicationId: a.id, at: a.presentationAt!, minutes: a.presentationMinutes! }));
      application.schedulePresentation({ at, minutes }, schedule, this.clock.now()); // F-72: ahead, no overlap
      await this.applications.flushPresentation(); // F-72: the database's exclusion constraint decides a race
    });
  }
}

/** F-72: a declared, unconflicted member votes on a complete application (once; a second vote is 409). */
export class CastVoteCommand extends Command<{ id: string }> {
  constructor(
    readonly applicationId: string,
    readonly input: { choice: VoteChoice; score: number; reason: string },
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(CastVoteCommand)
export class CastVoteHandler implements ICommandHandler<CastVoteCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ProviderApplicationRepository) private readonly applications: ProviderApplicationRepository,
    @Inject(CommissionRepository) private readonly commission: CommissionRepository,
    @Inject(CommissionAgendaPublisher) private readonly agenda: CommissionAgendaPublisher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ applicationId, input, actor }: CastVoteCommand): Promise<{ id: string }> {
    return this.uow.run(async () => {
      const application = await this.applications.get(applicationId);
      const member = await this.commission.memberBySubject(application.intakeId, actor.subject);
      assertMayReviewApplicant(member, application.bin); // F-69: 403 / 409 before anything else is disclosed
      if (application.status !== 'complete')
        throw new ConflictError('training.not-before-commission', `the application is ${application.status}: only a complete application is voted on (F-69)`);
      assertPresentationHeard(application.presentationAt, this.clock.now()); // F-72: the vote follows the presentation
      const votes = await this.commission.votes(application.intakeId);
      if (votes.some((v) => v.applicationId === applicationId && v.memberId === member.id))
        throw new ConflictError('duplicate', 'you have voted on this application');
      const vote = CommissionVote.cast({ id: uuidv7(), intakeId: application.intakeId, applicationId, memberId: member.id, ...input, at: this.clock.now() });
      this.commission.addVote(vote);
      await this.agenda.publish(application.intakeId); // ADR 0138 §1: the member no longer awaits this application
      return { id: vote.id };
    });
  }
}

/**
 * F-72 … F-75, F-77: the Commission's decision on an intake, recorded by its secretary. The outcome
 * of each complete application follows its votes; eligibility (F-77) is checked again; the quotas
 * are the F-73 formula over the admitted applications' snapshotted inputs; the notice (5 WD) and
 * contract (10 WD) deadlines start. One decision per intake (a second, or a race, is 409).
 */
export class DecideIntakeCommand extends Command<{ id: string }> {
  constructor(
    readonly intakeId: string,
    readonly input: { budget: number; reasons: Record<string, string> },
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(DecideIntakeCommand)
export class DecideIntakeHandler implements ICommandHandler<DecideIntakeCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(IntakeRepository) private readonly intakes: IntakeRepository,
    @Inject(ProviderApplicationRepository) private readonly applications: ProviderApplicationRepository,
    @Inject(CommissionRepository) private readonly commission: CommissionRepository,
    @Inject(ParticipationStatus) private readonly participation: ParticipationStatus,
    @Inject(WorkingDays) private readonly workingDays: WorkingDays,
    @Inject(TrainingThresholds) private readonly thresholds: TrainingThresholds,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(CommissionAgendaPublisher) private readonly agenda: CommissionAgendaPublisher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute({ intakeId, input, actor }: DecideIntakeCommand): Promise<{ id: string }> {
    return this.uow.run(async (em) => {
      const now = this.clock.now();
      const today = almatyDate(now);
      await this.intakes.get(intakeId);
      if (await this.commission.decision(intakeId)) throw new ConflictError('training.commission-decided', 'the Commission has decided on this intake');
      const members = await this.commission.members(intakeId);
      assertCommissionComposition(members); // F-69
      const undeclared = members.filter((m) => !m.declaration);
      if (undeclared.length > 0)
        throw new ConflictError('training.conflict-declaration-required', `${undeclared.length} member(s) have not declared conflicts of interest (F-69)`);
      const candidates = await this.applications.listByIntake(intakeId, ['complete']);
      if (candidates.length === 0) {
        // a concurrent decision committed between the check above and this read (each statement sees the
        // latest commit): it decided these applications, so this request lost the race — 409, not 422
        if (await this.commission.decision(intakeId)) throw new ConflictError('training.commission-decided', 'the Commission has decided on this intake');
        throw new RuleViolationError('F-72', 'there is no complete application to decide on');
      }
      const votes = await this.commission.votes(intakeId);

      const results = [];
      for (const a of candidates) {
        const own = votes.filter((v) => v.applicationId === a.id);
        const eligible = members.filter((m) => !m.declaration?.conflictingBins.includes(a.bin)).map((m) => m.id);
        const tally = outcomeOfVotes(a.id, own, eligible); // F-72: follows the recorded votes
        const reasons: string[] = [];
        let admitted = tally.outcome === 'admit';
        if (admitted && !(await this.participation.isActiveOn(a.bin, today))) {
          admitted = false; // F-77: checked again at the decision
          reasons.push(`F-77: ${a.bin} is no longer an active Astana Hub participant on ${today}`);
        }
        if (!admitted && reasons.length === 0) {
          const reason = input.reasons[a.id]?.trim();
          if (!reason) throw ValidationError.field(`reasons.${a.id}`, 'a refusal states its reasons (F-72, F-74)');
          reasons.push(`F-72: ${reason}`);
        }
        results.push({ a, own, tally, admitted, reasons });
      }

      const inputs: QuotaInput[] = results
        .filter((r) => r.admitted)
        .map((r) => ({
          applicationId: r.a.id,
          commissionScoreMilli: commissionScoreMilli(r.own),
          courseMonths: Math.max(...r.a.courses.map((c) => c.durationMonths)),
          pricePerTraineeTiyn: Math.min(...r.a.courses.map((c) => c.priceTiyn)),
        }));
      const calculation = allocateQuotas({ formulaVersion: QUOTA_FORMULA_V1.version, budget: input.budget, inputs });
      const quotaOf = new Map(calculation.lines.map((l) => [l.applicationId, l.quota]));

      const noticeDueOn = this.workingDays.add(today, this.thresholds.decisionNoticeWorkingDays(today));
      const contractDueOn = this.workingDays.add(today, this.thresholds.contractWorkingDays(today));
      for (const r of results) {
        r.a.decide({
          outcome: r.admitted ? 'admitted' : 'rejected',
          quotas: r.admitted ? (quotaOf.get(r.a.id) ?? 0) : null,
          reasons: r.reasons,
          decidedOn: today,
          noticeDueOn,
          contractDueOn: r.admitted ? contractDueOn : null,
          at: now,
        });
        await this.timers.schedule(em, {
          kind: DECISION_NOTICE_DUE_TIMER,
          key: r.a.id,
          dueAt: endOfAlmatyDay(noticeDueOn),
          payload: { applicationId: r.a.id },
        });
        if (r.admitted)
          await this.timers.schedule(em, { kind: CONTRACT_DUE_TIMER, key: r.a.id, dueAt: endOfAlmatyDay(contractDueOn), payload: { applicationId: r.a.id } });
      }

      const protocol: CommissionProtocol = {
        intakeId,
        decidedOn: today,
        members: members.map((m) => ({
          memberId: m.id,
          fullName: m.fullName,
          affiliation: m.affiliation,
          declaredOn: m.declaration?.declaredOn ?? null,
          hasConflict: m.declaration?.hasConflict ?? false,
          conflictingBins: [...(m.declaration?.conflictingBins ?? [])],
        })),
        applications: results.map((r) => ({
          applicationId: r.a.id,
          bin: r.a.bin,
          presentationAt: r.a.presentationAt?.toISOString() ?? null,
          votes: r.own.map((v) => ({ memberId: v.memberId, choice: v.choice, score: v.score, reason: v.reason })),
          admitVotes: r.tally.admit,
          refuseVotes: r.tally.refuse,
          outcome: r.admitted ? 'admitted' : 'rejected',
          quotas: r.admitted ? (quotaOf.get(r.a.id) ?? 0) : null,
          reasons: r.reasons,
        })),
      };
      const decision = CommissionDecision.record({ id: uuidv7(), intakeId, decidedOn: today, decidedBy: actor.subject, at: now, calculation, protocol });
      this.commission.addDecision(decision);
      await this.agenda.publish(intakeId); // ADR 0138 §1: decided — the agenda is closed
      return { id: decision.id };
    });
  }
}
