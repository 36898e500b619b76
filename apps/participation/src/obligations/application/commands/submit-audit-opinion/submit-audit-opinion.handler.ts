import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ContextServices } from '../../../../shared/application/platform.js';
import { TIMER } from '../../../../shared/application/timer-kinds.js';
import { assertMayActFor } from '../../../../shared/application/access.js';
import { AuditObligation } from '../../../domain/audit-obligation.aggregate.js';
import { SubmitAuditOpinionCommand } from './submit-audit-opinion.command.js';
import { runCommand } from '../../../../shared/application/run-command.js';

/** F-33: the audit opinion is submitted (by 1 July). */
@CommandHandler(SubmitAuditOpinionCommand)
export class SubmitAuditOpinionHandler implements ICommandHandler<SubmitAuditOpinionCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: SubmitAuditOpinionCommand): Promise<AuditObligation> {
    return runCommand(this.uow, async (em) => {
      const a = await em.findOne(AuditObligation, { id: c.obligationId });
      if (!a) throw new NotFoundError('audit-obligation', c.obligationId);
      assertMayActFor(c.actor, a.bin, ['fund-officer']);
      const wasOwed = a.status === 'owed';
      a.submit(this.ctx.today(), c.opinion);
      if (wasOwed) await this.ctx.timers.cancel(em, TIMER.auditOpinionDue, a.id);
      return a;
    });
  }
}
