import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IllegalStateError, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { assertMayActFor } from '../../../../shared/application/access.js';
import { ContextServices } from '../../../../shared/application/platform.js';
import { addCalendarDays } from '../../../../shared/domain/calendar.js';
import { Extension } from '../../../domain/extension.aggregate.js';
import { FileExtensionCommand } from './file-extension.command.js';
import { runCommand } from '../../../../shared/application/run-command.js';

@CommandHandler(FileExtensionCommand)
export class FileExtensionHandler implements ICommandHandler<FileExtensionCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: FileExtensionCommand): Promise<Extension> {
    return runCommand(this.uow, async (em) => {
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
