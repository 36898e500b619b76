import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { MonitoringNotExpedientV1 } from '@hub/contracts';
import { ConflictError, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ContextServices } from '../../../../shared/application/platform.js';
import { MonitoringConclusion } from '../../../domain/monitoring-conclusion.js';
import { RecordConclusionCommand } from './record-conclusion.command.js';
import { runCommand } from '../../../../shared/application/run-command.js';

/** F-36, F-40: the Fund's conclusion per project and period; "not expedient" notifies the participant (event). */
@CommandHandler(RecordConclusionCommand)
export class RecordConclusionHandler implements ICommandHandler<RecordConclusionCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: RecordConclusionCommand): Promise<MonitoringConclusion> {
    return runCommand(this.uow, async (em) => {
      const p = await this.ctx.participation(em, c.participationId);
      const existing = await em.findOne(MonitoringConclusion, { participationId: p.id, project: c.input.project, periodFrom: c.input.periodFrom, periodTo: c.input.periodTo });
      if (existing) throw new ConflictError('monitoring.duplicate', `a conclusion on this project for ${c.input.periodFrom} … ${c.input.periodTo} is already recorded`, { conclusionId: existing.id });
      const conclusion = MonitoringConclusion.record({ id: uuidv7(), participationId: p.id, bin: p.bin, ...c.input, concludedOn: this.ctx.today(), concludedBy: c.actor.subject }, this.ctx.now());
      em.persist(conclusion);
      if (conclusion.conclusion === 'not-expedient') {
        await this.ctx.publish(em, MonitoringNotExpedientV1, p.id, p.bin, {
          participationId: p.id,
          bin: p.bin,
          conclusionId: conclusion.id,
          project: conclusion.project,
          periodFrom: conclusion.periodFrom,
          periodTo: conclusion.periodTo,
          concludedOn: conclusion.concludedOn,
        });
      }
      return conclusion;
    });
  }
}
