import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, RuleViolationError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ContextServices } from '../../../../shared/application/platform.js';
import { EarlyTermination } from '../../../domain/early-termination.aggregate.js';
import { ParticipationLifecycle } from '../../participation-lifecycle.service.js';
import { DecideEarlyTerminationCommand } from './decide-early-termination.command.js';
import { runCommand } from '../../../../shared/application/run-command.js';

/** F-30: the Commission decides grounds (1), (2), (7); "terminate" ends the participation on the decision date. */
@CommandHandler(DecideEarlyTerminationCommand)
export class DecideEarlyTerminationHandler implements ICommandHandler<DecideEarlyTerminationCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ContextServices) private readonly ctx: ContextServices,
    @Inject(ParticipationLifecycle) private readonly lifecycle: ParticipationLifecycle,
  ) {}

  execute(c: DecideEarlyTerminationCommand): Promise<EarlyTermination> {
    return runCommand(this.uow, async (em) => {
      const kase = await em.findOne(EarlyTermination, { id: c.caseId });
      if (!kase) throw new NotFoundError('early-termination', c.caseId);
      if (c.input.decidedOn > this.ctx.today()) throw new RuleViolationError('F-30', 'a Commission decision cannot be dated in the future', { field: 'decidedOn' });
      if (c.input.decidedOn < kase.openedOn) throw new RuleViolationError('F-30', `the decision cannot predate the referral of ${kase.openedOn}`, { field: 'decidedOn' });
      kase.decide(c.input.decision, c.input.protocolNumber, c.input.decidedOn);
      if (c.input.decision === 'terminate') {
        const p = await this.ctx.participation(em, kase.participationId);
        await this.lifecycle.terminateEarly(em, p, kase.ground, c.input.decidedOn, 'commission', c.input.protocolNumber);
      }
      return kase;
    });
  }
}
