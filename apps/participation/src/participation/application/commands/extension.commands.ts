import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ParticipationExtendedV1, type Actor } from '@hub/contracts';
import { IllegalStateError, NotFoundError, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { assertMayActFor } from '../../../shared/domain/access-policy.js';
import { ContextServices } from '../../../shared/application/platform.js';
import { addCalendarDays } from '../../../shared/domain/calendar.js';
import { Extension } from '../../domain/extension.aggregate.js';
import { ParticipationLifecycle } from '../participation-lifecycle.service.js';

/** F-25: the participant (or the Fund on its behalf) applies to extend the term. */
export class FileExtensionCommand extends Command<Extension> {
  constructor(readonly actor: Actor, readonly participationId: string, readonly requestedTermEnd: string) {
    super();
  }
}

@CommandHandler(FileExtensionCommand)
export class FileExtensionHandler implements ICommandHandler<FileExtensionCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: FileExtensionCommand): Promise<Extension> {
    return this.uow.run(async (em) => {
      const p = await this.ctx.participation(em, c.participationId);
      assertMayActFor(c.actor, p.bin, ['fund-officer']);
      if (!p.isActive()) throw new IllegalStateError('participation', p.status, 'extend');
      const pending = await em.findOne(Extension, { participationId: p.id, status: 'submitted' });
      if (pending) throw new IllegalStateError('extension', 'submitted', 'file another extension', `extension ${pending.id} awaits the Fund's decision`);
      const extension = Extension.file(
        {
          id: uuidv7(),
          participationId: p.id,
          filedOn: this.ctx.today(),
          termEnd: p.termEnd,
          extensionDeadline: this.ctx.deadlines.extensionDeadline(p.termEnd),
          requestedTermEnd: c.requestedTermEnd,
          earliestEnd: this.ctx.deadlines.earliestTermEnd(addCalendarDays(p.termEnd, 1)),
        },
        this.ctx.now(),
      );
      em.persist(extension);
      return extension;
    });
  }
}

/** F-25: the Fund decides; approval issues the Annex 3 certificate and moves the planned end. */
export class DecideExtensionCommand extends Command<Extension> {
  constructor(readonly actor: Actor, readonly participationId: string, readonly extensionId: string, readonly decision: 'approve' | 'reject', readonly reason?: string) {
    super();
  }
}

@CommandHandler(DecideExtensionCommand)
export class DecideExtensionHandler implements ICommandHandler<DecideExtensionCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ContextServices) private readonly ctx: ContextServices,
    @Inject(ParticipationLifecycle) private readonly lifecycle: ParticipationLifecycle,
  ) {}

  execute(c: DecideExtensionCommand): Promise<Extension> {
    return this.uow.run(async (em) => {
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
