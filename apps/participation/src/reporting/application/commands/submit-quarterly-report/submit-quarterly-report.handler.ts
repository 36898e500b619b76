import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, RuleViolationError, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ContextServices } from '../../../../shared/application/platform.js';
import { TIMER } from '../../../../shared/application/timer-kinds.js';
import { assertMayActFor } from '../../../../shared/application/access.js';
import { compareIsoDates, quarterEnd } from '../../../../shared/domain/calendar.js';
import { NonResidentRecord, QuarterlyReport } from '../../../domain/quarterly-report.aggregate.js';
import { SubmitQuarterlyReportCommand } from './submit-quarterly-report.command.js';
import { runCommand } from '../../../../shared/application/run-command.js';

/**
 * F-37, F-39: the participant submits the quarter's activity report with the analysis of results.
 * F-42: engaged non-residents and their family members are stored one record per person, the
 * personal data encrypted (AES-256-GCM, ADR 0022); nothing personal goes to events or logs.
 */
@CommandHandler(SubmitQuarterlyReportCommand)
export class SubmitQuarterlyReportHandler implements ICommandHandler<SubmitQuarterlyReportCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: SubmitQuarterlyReportCommand): Promise<QuarterlyReport> {
    return runCommand(this.uow, async (em) => {
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
