import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { today } from '../../../../shared/application/today.js';
import type { Extension } from '../../../domain/extension.aggregate.js';
import { ExtensionCertificates } from '../../extension-certificates.service.js';
import { ParticipationLifecycle } from '../../participation-lifecycle.service.js';
import { ExtensionRepository } from '../../ports/extension.repository.js';
import { ParticipationRepository } from '../../ports/participation.repository.js';
import { DecideExtensionCommand } from './decide-extension.command.js';

/**
 * F-25: the Fund decides; approval issues the Annex 3 certificate, moves the planned end and re-arms its timer (F-27).
 * An in-time application held the planned end (ADR 0050): approval works after the original end, a refusal then ends the participation as planned.
 */
@CommandHandler(DecideExtensionCommand)
export class DecideExtensionHandler implements ICommandHandler<DecideExtensionCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ParticipationRepository) private readonly participations: ParticipationRepository,
    @Inject(ExtensionRepository) private readonly extensions: ExtensionRepository,
    @Inject(ParticipationLifecycle) private readonly lifecycle: ParticipationLifecycle,
    @Inject(ExtensionCertificates) private readonly certificates: ExtensionCertificates,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute(c: DecideExtensionCommand): Promise<Extension> {
    return this.uow.run(async () => {
      const extension = await this.extensions.get(c.participationId, c.extensionId);
      const p = await this.participations.get(extension.participationId);
      if (c.decision === 'reject') {
        extension.reject(p, today(this.clock), c.reason, this.clock.now());
        if (!p.isActive()) await this.lifecycle.disarmPlannedEnd(p); // ADR 0050: refused after the held end — it ended as planned
        return extension;
      }
      extension.approve(p, today(this.clock), this.clock.now());
      await this.lifecycle.armPlannedEnd(p); // re-arms the live F-27 timer with the new end
      await this.certificates.issuedFor(p, extension); // Annex 3: issued once, stored with its hash (ADR 0051)
      return extension;
    });
  }
}
