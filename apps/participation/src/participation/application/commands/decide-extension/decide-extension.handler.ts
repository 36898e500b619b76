import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ParticipationExtendedV1 } from '@hub/contracts';
import { NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ContextServices } from '../../../../shared/application/platform.js';
import { Extension } from '../../../domain/extension.aggregate.js';
import { ParticipationLifecycle } from '../../participation-lifecycle.service.js';
import { DecideExtensionCommand } from './decide-extension.command.js';
import { runCommand } from '../../../../shared/application/run-command.js';

@CommandHandler(DecideExtensionCommand)
export class DecideExtensionHandler implements ICommandHandler<DecideExtensionCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ContextServices) private readonly ctx: ContextServices,
    @Inject(ParticipationLifecycle) private readonly lifecycle: ParticipationLifecycle,
  ) {}

  execute(c: DecideExtensionCommand): Promise<Extension> {
    return runCommand(this.uow, async (em) => {
      const extension = await em.findOne(Extension, { id: c.extensionId, participationId: c.participationId });
      if (!extension) throw new NotFoundError('extension', c.extensionId);
      const p = await this.ctx.participation(em, extension.participationId);
      const today = this.ctx.today();
      if (c.decision === 'reject') {
        extension.reject(today, c.reason);
        return extension;
      }
      extension.assertSubmitted();
      const number = `EXT-${p.certificateNumber}-${extension.requestedTermEnd.replace(/-/g, '')}`;
      extension.approve(today, number);
      const { previousTermEnd } = p.extendTo(extension.requestedTermEnd, this.ctx.now());
      await this.lifecycle.armPlannedEnd(em, p); // re-arms the live F-27 timer with the new end
      await this.ctx.publish(em, ParticipationExtendedV1, p.id, p.bin, {
        participationId: p.id,
        participantId: p.participantId,
        bin: p.bin,
        extensionId: extension.id,
        previousTermEnd,
        newTermEnd: p.termEnd,
        certificateNumber: number,
        issuedOn: today,
      });
      return extension;
    });
  }
}
