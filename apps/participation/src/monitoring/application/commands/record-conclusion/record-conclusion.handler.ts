import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, ConflictError, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ParticipationRepository } from '../../../../participation/application/ports/participation.repository.js';
import { today } from '../../../../shared/application/today.js';
import { MonitoringConclusion } from '../../../domain/monitoring-conclusion.js';
import { MonitoringConclusionRepository } from '../../ports/monitoring-conclusion.repository.js';
import { RecordConclusionCommand } from './record-conclusion.command.js';

/** F-36, F-40: the Fund's conclusion per project and period; "not expedient" notifies the participant (published from the recorded event). */
@CommandHandler(RecordConclusionCommand)
export class RecordConclusionHandler implements ICommandHandler<RecordConclusionCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ParticipationRepository) private readonly participations: ParticipationRepository,
    @Inject(MonitoringConclusionRepository) private readonly conclusions: MonitoringConclusionRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute(c: RecordConclusionCommand): Promise<MonitoringConclusion> {
    return this.uow.run(async () => {
      const p = await this.participations.get(c.participationId);
      const existing = await this.conclusions.findFor(p.id, c.input.project, c.input.periodFrom, c.input.periodTo);
      if (existing)
        throw new ConflictError('monitoring.duplicate', `a conclusion on this project for ${c.input.periodFrom} … ${c.input.periodTo} is already recorded`, {
          conclusionId: existing.id,
        });
      const conclusion = MonitoringConclusion.record(
        { id: uuidv7(), participationId: p.id, bin: p.bin, ...c.input, concludedOn: today(this.clock), concludedBy: c.actor.subject },
        this.clock.now(),
      );
      this.conclusions.add(conclusion);
      return conclusion;
    });
  }
}
