import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { assertMayActFor } from '../../../../shared/application/access.js';
import { DeadlineTimers } from '../../../../shared/application/ports/deadline-timers.js';
import { TIMER } from '../../../../shared/application/timer-kinds.js';
import { today } from '../../../../shared/application/today.js';
import type { AuditObligation } from '../../../domain/audit-obligation.aggregate.js';
import { AuditObligationRepository } from '../../ports/obligation.repositories.js';
import { SubmitAuditOpinionCommand } from './submit-audit-opinion.command.js';

/** F-33: the audit opinion is submitted (by 1 July; later ones are kept and marked late). */
@CommandHandler(SubmitAuditOpinionCommand)
export class SubmitAuditOpinionHandler implements ICommandHandler<SubmitAuditOpinionCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(AuditObligationRepository) private readonly audits: AuditObligationRepository,
    @Inject(DeadlineTimers) private readonly timers: DeadlineTimers,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute(c: SubmitAuditOpinionCommand): Promise<AuditObligation> {
    return this.uow.run(async () => {
      const a = await this.audits.get(c.obligationId);
      assertMayActFor(c.actor, a.bin, ['fund-officer']);
      const timerRuns = a.awaitsOpinion;
      a.submit(today(this.clock), c.opinion, this.clock.now());
      if (timerRuns) await this.timers.cancel(TIMER.auditOpinionDue, a.id);
      return a;
    });
  }
}
