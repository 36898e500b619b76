import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { ParticipantAddressChangedV1, type Actor } from '@hub/contracts';
import { NotFoundError } from '@hub/kernel';
import { flushOrConflict } from '../../../infrastructure/flush.js';
import { ParticipantRowSchema } from '../../../infrastructure/registration.schemas.js';
import { RegistrationServices } from '../../registration.services.js';

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
  constructor(@Inject(RegistrationServices) private readonly r: RegistrationServices) {}

  async execute({ bin, change, actor }: ReportAddressChangeCommand): Promise<void> {
    if (!actor.roles.includes('applicant') || !actor.companies.includes(bin)) throw new NotFoundError('participant', bin);
    await this.r.uow.run(async (em) => {
      const participant = await em.findOne(ParticipantRowSchema, { bin });
      if (!participant) throw new NotFoundError('participant', bin);
      participant.address = change.address;
      participant.updatedAt = this.r.clock.now();
      await flushOrConflict(em, `the participant ${bin}`);
      await this.r.outbox.add(em, ParticipantAddressChangedV1, participant.id, { participantId: participant.id, bin, address: change.address, reportedOn: this.r.today() }, { key: bin });
    });
  }
}
