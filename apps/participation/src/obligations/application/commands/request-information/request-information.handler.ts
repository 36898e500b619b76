import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IllegalStateError, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ContextServices } from '../../../../shared/application/platform.js';
import { TIMER } from '../../../../shared/application/timer-kinds.js';
import { InformationRequest } from '../../../domain/information-request.aggregate.js';
import { RequestInformationCommand } from './request-information.command.js';
import { runCommand } from '../../../../shared/application/run-command.js';

/** F-32, F-38 (F-33 for the audit report): the Fund requests documents, due in 10 WD. */
@CommandHandler(RequestInformationCommand)
export class RequestInformationHandler implements ICommandHandler<RequestInformationCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: RequestInformationCommand): Promise<InformationRequest> {
    return runCommand(this.uow, async (em) => {
      const p = await this.ctx.participation(em, c.participationId);
      if (!p.isActive()) throw new IllegalStateError('participation', p.status, 'request information from');
      const today = this.ctx.today();
      const due = c.kind === 'audit-report' ? this.ctx.deadlines.auditReportRequestDueDate(today) : this.ctx.deadlines.informationRequestDueDate(today);
      const r = InformationRequest.open({ id: uuidv7(), participationId: p.id, bin: p.bin, kind: c.kind, description: c.description, requestedOn: today, requestedBy: c.actor.subject, dueDate: due }, this.ctx.now());
      em.persist(r);
      await this.ctx.scheduleDeadline(em, TIMER.informationRequestDue, r.id, due);
      return r;
    });
  }
}
