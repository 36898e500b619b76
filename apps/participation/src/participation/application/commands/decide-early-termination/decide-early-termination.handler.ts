import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { today } from '../../../../shared/application/today.js';
import type { EarlyTermination } from '../../../domain/early-termination.aggregate.js';
import { ParticipationLifecycle } from '../../participation-lifecycle.service.js';
import { EarlyTerminationRepository } from '../../ports/early-termination.repository.js';
import { ParticipationRepository } from '../../ports/participation.repository.js';
import { DecideEarlyTerminationCommand } from './decide-early-termination.command.js';

/** F-30: the Commission decides grounds (1), (2), (7); "terminate" ends the participation on the decision date. */
@CommandHandler(DecideEarlyTerminationCommand)
export class DecideEarlyTerminationHandler implements ICommandHandler<DecideEarlyTerminationCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(EarlyTerminationRepository) private readonly cases: EarlyTerminationRepository,
    @Inject(ParticipationRepository) private readonly participations: ParticipationRepository,
    @Inject(ParticipationLifecycle) private readonly lifecycle: ParticipationLifecycle,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute(c: DecideEarlyTerminationCommand): Promise<EarlyTermination> {
    return this.uow.run(async () => {
      const kase = await this.cases.get(c.caseId);
      const p = await this.participations.get(kase.participationId);
      kase.decide(p, c.input.decision, c.input.protocolNumber, c.input.decidedOn, today(this.clock), this.clock.now());
      if (!p.isActive()) await this.lifecycle.disarmPlannedEnd(p);
      return kase;
    });
  }
}
