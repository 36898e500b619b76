import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { almatyDate } from '@hub/calendar';
import type { Actor } from '@hub/contracts';
import { Clock, ConflictError, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ActivityTypeCatalogue, describeActivityTypes } from '../../../domain/activity-type-catalogue.js';
import { Participant } from '../../../domain/participant.aggregate.js';
import { DeadlineBook } from '../../deadline-book.js';
import { ApplicationRepository } from '../../ports/application.repository.js';
import { NumberSequences, documentNumber } from '../../ports/numbering.port.js';
import { ParticipantRepository } from '../../ports/participant.repository.js';
import { ReferenceValues } from '../../ports/reference-values.port.js';

export class SignContractCommand extends Command<{ participantId: string; certificateNumber: string }> {
  constructor(
    readonly id: string,
    readonly contract: { contractNumber: string; signedOn: string; termMonths?: number | undefined },
    readonly actor: Actor,
  ) {
    super();
  }
}

/**
 * F-18, F-19, F-24: the standard participant contract is signed. The company becomes a participant
 * from the signing date for the term (the rules: `Application.signContract`); the certificate
 * number is assigned; the certificate (F-18) and registry listing (F-19) deadlines start (3 WD from
 * `signedOn`; a signing date in the future or before the decision is refused, 422 on `signedOn`).
 */
@CommandHandler(SignContractCommand)
export class SignContractHandler implements ICommandHandler<SignContractCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(ParticipantRepository) private readonly participants: ParticipantRepository,
    @Inject(DeadlineBook) private readonly deadlines: DeadlineBook,
    @Inject(NumberSequences) private readonly numbers: NumberSequences,
    @Inject(ReferenceValues) private readonly reference: ReferenceValues,
    @Inject(ActivityTypeCatalogue) private readonly catalogue: ActivityTypeCatalogue,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ id, contract, actor }: SignContractCommand): Promise<{ participantId: string; certificateNumber: string }> {
    return this.uow.run(async () => {
      const app = await this.applications.get(id);
      const now = this.clock.now();
      const today = almatyDate(now);
      // F-25 → F-8: a company registering anew has no active participation left (one at a time).
      const current = await this.participants.findByBin(app.bin);
      if (current?.isActiveOn(today))
        throw new ConflictError(
          'registration.already-participant',
          `the company is still a participant (certificate ${current.certificateNumber}, valid to ${current.validTo})`,
        );
      const participantId = uuidv7(now.getTime());
      const minimumTermMonths = this.reference.numberAt('participation-min-term-months', contract.signedOn);
      const certificateNumber = documentNumber('AH', today, await this.numbers.next('certificate'));
      const term = app.signContract(
        { number: contract.contractNumber, signedOn: contract.signedOn, termMonths: contract.termMonths },
        { today, minimumTermMonths },
        certificateNumber,
        participantId,
        actor.subject,
        now,
      );
      // F-18, F-19: the 3 WD run from the day the contract was signed, not from the day it is recorded.
      const certificate = await this.deadlines.open(app, 'certificate', contract.signedOn);
      await this.deadlines.open(app, 'registry-listing', contract.signedOn);
      this.participants.add(
        Participant.register({
          id: participantId,
          applicationId: app.id,
          bin: app.bin,
          companyName: app.companyName,
          address: app.address,
          activityTypes: describeActivityTypes(app.activityTypes, this.catalogue),
          contractNumber: contract.contractNumber,
          contractSignedOn: contract.signedOn,
          termStart: term.termStart,
          termEnd: term.termEnd,
          certificateNumber,
          certificateDueDate: certificate.dueDate,
          at: now,
        }),
      );
      return { participantId, certificateNumber };
    });
  }
}
