import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { almatyDate } from '@hub/calendar';
import type { Actor } from '@hub/contracts';
import { Clock, NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ParticipantRepository } from '../../ports/participant.repository.js';

export class ReportAddressChangeCommand extends Command<void> {
  constructor(
    readonly bin: string,
    readonly change: { address: string; proofDocumentRef: string },
    readonly actor: Actor,
  ) {
    super();
  }
}

/** F-9(3): a participant reports a change of the address where it operates; the Fund's record follows at once. */
@CommandHandler(ReportAddressChangeCommand)
export class ReportAddressChangeHandler implements ICommandHandler<ReportAddressChangeCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ParticipantRepository) private readonly participants: ParticipantRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ bin, change, actor }: ReportAddressChangeCommand): Promise<void> {
    if (!actor.roles.includes('applicant') || !actor.companies.includes(bin)) throw new NotFoundError('participant', bin);
    await this.uow.run(async () => {
      const participant = await this.participants.findByBin(bin);
      if (!participant) throw new NotFoundError('participant', bin);
      const now = this.clock.now();
      participant.changeAddress(change.address, almatyDate(now), now);
    });
  }
}
