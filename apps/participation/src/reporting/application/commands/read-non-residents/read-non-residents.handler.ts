import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { NonResidents } from '@hub/contracts';
import { NotFoundError, uuidv7 } from '@hub/kernel';
import { MessageContexts } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { ContextServices } from '../../../../shared/application/platform.js';
import { assertMayActFor } from '../../../../shared/application/access.js';
import { NonResidentRecord, PiiAccessLogEntry, QuarterlyReport } from '../../../domain/quarterly-report.aggregate.js';
import { ReadNonResidentsCommand } from './read-non-residents.command.js';
import { runCommand } from '../../../../shared/application/run-command.js';

/**
 * F-42 restricted personal data: readable by the fund-officer and by the participant's own
 * applicant; every read is recorded (who, which company, what, when, correlation id) in the same
 * transaction that decrypts — no read without its log line.
 */
@CommandHandler(ReadNonResidentsCommand)
export class ReadNonResidentsHandler implements ICommandHandler<ReadNonResidentsCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: ReadNonResidentsCommand): Promise<NonResidents> {
    return runCommand(this.uow, async (em) => {
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
