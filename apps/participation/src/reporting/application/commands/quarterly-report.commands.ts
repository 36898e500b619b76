import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Actor, NonResidents } from '@hub/contracts';
import { NotFoundError, RuleViolationError, uuidv7 } from '@hub/kernel';
import { MessageContexts } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { ContextServices } from '../../../shared/application/platform.js';
import { TIMER } from '../../../shared/application/timer-kinds.js';
import { assertMayActFor } from '../../../shared/domain/access-policy.js';
import { compareIsoDates, quarterEnd } from '../../../shared/domain/calendar.js';
import { NonResidentRecord, PiiAccessLogEntry, QuarterlyReport, type ReportIndicators } from '../../domain/quarterly-report.aggregate.js';

export class SubmitQuarterlyReportCommand extends Command<QuarterlyReport> {
  constructor(
    readonly actor: Actor,
    readonly participationId: string,
    readonly year: number,
    readonly quarter: number,
    readonly input: { resultsAnalysis: string; indicators: ReportIndicators; nonResidents: NonResidents },
  ) {
    super();
  }
}

/**
 * F-37, F-39: the participant submits the quarter's activity report with the analysis of results.
 * F-42: engaged non-residents and their family members are stored one record per person, the
 * personal data encrypted (AES-256-GCM, ADR 0022); nothing personal goes to events or logs.
 */
@CommandHandler(SubmitQuarterlyReportCommand)
export class SubmitQuarterlyReportHandler implements ICommandHandler<SubmitQuarterlyReportCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: SubmitQuarterlyReportCommand): Promise<QuarterlyReport> {
    return this.uow.run(async (em) => {
      const p = await this.ctx.participation(em, c.participationId);
      assertMayActFor(c.actor, p.bin, ['fund-officer']);
      if (compareIsoDates(quarterEnd(c.year, c.quarter), this.ctx.today()) >= 0) {
        throw new RuleViolationError('F-37', `the report on ${c.year}-Q${c.quarter} can be submitted once the quarter has ended`, { field: 'quarter' });
      }
      const report = await em.findOne(QuarterlyReport, { participationId: p.id, year: c.year, quarter: c.quarter });
      if (!report) throw new NotFoundError('quarterly-report', `${c.year}-Q${c.quarter}`);
      const wasOverdue = report.status === 'overdue';
      report.submit(c.input, this.ctx.now());
      const now = this.ctx.now();
      const people = [
        ...c.input.nonResidents.engaged.map((person, i) => ({ kind: 'engaged' as const, position: i, person })),
        ...c.input.nonResidents.familyMembers.map((person, i) => ({ kind: 'family-member' as const, position: i, person })),
      ];
      for (const { kind, position, person } of people) {
        const id = uuidv7();
        const { ciphertext, keyId } = this.ctx.pii.encrypt(JSON.stringify(person), id);
        em.persist(Object.assign(new NonResidentRecord(), { id, reportId: report.id, participationId: p.id, bin: p.bin, kind, position, personalData: ciphertext, keyId, createdAt: now }));
      }
      if (!wasOverdue) await this.ctx.timers.cancel(em, TIMER.reportDue, report.id);
      return report;
    });
  }
}

export class ReadNonResidentsCommand extends Command<NonResidents> {
  constructor(readonly actor: Actor, readonly reportId: string) {
    super();
  }
}

/**
 * F-42 restricted personal data: readable by the fund-officer and by the participant's own
 * applicant; every read is recorded (who, which company, what, when, correlation id) in the same
 * transaction that decrypts — no read without its log line.
 */
@CommandHandler(ReadNonResidentsCommand)
export class ReadNonResidentsHandler implements ICommandHandler<ReadNonResidentsCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: ReadNonResidentsCommand): Promise<NonResidents> {
    return this.uow.run(async (em) => {
      const report = await em.findOne(QuarterlyReport, { id: c.reportId });
      if (!report) throw new NotFoundError('quarterly-report', c.reportId);
      assertMayActFor(c.actor, report.bin, ['fund-officer']);
      const records = await em.find(NonResidentRecord, { reportId: report.id }, { orderBy: { kind: 'asc', position: 'asc' } });
      em.persist(
        Object.assign(new PiiAccessLogEntry(), {
          id: uuidv7(),
          actorSubject: c.actor.subject,
          actorRoles: [...c.actor.roles],
          bin: report.bin,
          participationId: report.participationId,
          reportId: report.id,
          what: `F-42 non-residents of quarterly report ${report.year}-Q${report.quarter} (${records.length} record(s))`,
          correlationId: MessageContexts.current()?.correlationId ?? null,
          accessedAt: this.ctx.now(),
        }),
      );
      const decoded = records.map((r) => ({ kind: r.kind, person: JSON.parse(this.ctx.pii.decrypt(r.personalData, r.id)) as Record<string, unknown> }));
      return {
        engaged: decoded.filter((d) => d.kind === 'engaged').map((d) => d.person) as NonResidents['engaged'],
        familyMembers: decoded.filter((d) => d.kind === 'family-member').map((d) => d.person) as NonResidents['familyMembers'],
      };
    });
  }
}
