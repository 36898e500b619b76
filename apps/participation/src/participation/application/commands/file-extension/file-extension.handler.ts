import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { assertMayActFor } from '../../../../shared/application/access.js';
import { today } from '../../../../shared/application/today.js';
import { Deadlines } from '../../../../shared/domain/deadlines.js';
import { Extension } from '../../../domain/extension.aggregate.js';
import { ExtensionTermBounds } from '../../../domain/extension-term-bounds.js';
import { ExtensionRepository } from '../../ports/extension.repository.js';
import { ParticipationRepository } from '../../ports/participation.repository.js';
import { FileExtensionCommand } from './file-extension.command.js';

/** F-25: the participant (or the Fund for it) applies to extend the term. */
@CommandHandler(FileExtensionCommand)
export class FileExtensionHandler implements ICommandHandler<FileExtensionCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ParticipationRepository) private readonly participations: ParticipationRepository,
    @Inject(ExtensionRepository) private readonly extensions: ExtensionRepository,
    @Inject(Deadlines) private readonly deadlines: Deadlines,
    @Inject(ExtensionTermBounds) private readonly bounds: ExtensionTermBounds,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute(c: FileExtensionCommand): Promise<Extension> {
    return this.uow.run(async () => {
      const p = await this.participations.get(c.participationId);
      assertMayActFor(c.actor, p.bin, ['participation', c.participationId], ['fund-officer']);
      const extension = Extension.file(
        {
          id: uuidv7(),
          participation: p,
          pending: p.isActive() ? await this.extensions.findPending(p.id) : null,
          filedOn: today(this.clock),
          extensionDeadline: this.deadlines.extensionDeadline(p.termEnd),
          requestedTermEnd: c.requestedTermEnd,
          bounds: this.bounds.rangeAfter(p.termEnd),
        },
        this.clock.now(),
      );
      this.extensions.add(extension);
      return extension;
    });
  }
}
