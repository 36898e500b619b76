import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { addCalendarDays, addMonths, compareIsoDates } from '@hub/calendar';
import { ParticipantRegisteredV1, type Actor } from '@hub/contracts';
import { RuleViolationError, ValidationError, uuidv7 } from '@hub/kernel';
import { flushOrConflict } from '../../../infrastructure/flush.js';
import { ParticipantRowSchema } from '../../../infrastructure/registration.schemas.js';
import { RegistrationServices } from '../../registration.services.js';

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
 * from the signing date for the term (at least the minimum of reference-data, F-24); the
 * certificate number is assigned; the certificate (F-18) and registry listing (F-19) deadlines
 * start (3 WD). Publishes registration.participant-registered.
 */
@CommandHandler(SignContractCommand)
export class SignContractHandler implements ICommandHandler<SignContractCommand> {
  constructor(@Inject(RegistrationServices) private readonly r: RegistrationServices) {}

  async execute({ id, contract, actor }: SignContractCommand): Promise<{ participantId: string; certificateNumber: string }> {
    return this.r.uow.run(async (em) => {
      const repo = this.r.repo(em);
      const app = await repo.get(id);
      const now = this.r.clock.now();
      const today = this.r.today();
      if (compareIsoDates(contract.signedOn, today) > 0) throw ValidationError.field('signedOn', `the contract cannot be signed in the future (today is ${today})`, 'date.future');
      if (app.decision && compareIsoDates(contract.signedOn, app.decision.decidedOn) < 0) {
        throw ValidationError.field('signedOn', `the contract cannot be signed before the Commission's decision of ${app.decision.decidedOn}`, 'date.before-decision');
      }
      const minMonths = this.r.reference.numberAt('participation-min-term-months', contract.signedOn);
      const months = contract.termMonths ?? minMonths;
      if (months < minMonths) throw new RuleViolationError('F-24', `the participation term is at least ${minMonths} months; ${months} was given`);
      const termStart = contract.signedOn;
      const termEnd = addCalendarDays(addMonths(termStart, months), -1);
      const participantId = uuidv7(now.getTime());
      const certificateNumber = await this.r.nextNumber(em, 'registration_certificate_seq', 'AH');
      app.signContract({ number: contract.contractNumber, signedOn: contract.signedOn, termStart, termEnd }, certificateNumber, participantId, actor.subject, now);
      await repo.save(app);
      const snapshot = app.snapshot();
      const activityTypes = this.r.describeActivityTypes(app.activityTypes);
      em.create(ParticipantRowSchema, {
        id: participantId,
        bin: app.bin,
        companyName: app.companyName,
        address: snapshot.address,
        activityTypes,
        registrationApplicationId: app.id,
        contractNumber: contract.contractNumber,
        contractSignedOn: contract.signedOn,
        termStart,
        termEnd,
        certificateNumber,
        certificateIssuedOn: null,
        listedOn: null,
        createdAt: now,
        updatedAt: now,
      });
      await flushOrConflict(em, `the participant with BIN ${app.bin}`);
      const certificate = await this.r.deadlines.open(em, app, 'certificate');
      await this.r.deadlines.open(em, app, 'registry-listing');
      await this.r.outbox.add(
        em,
        ParticipantRegisteredV1,
        app.id,
        {
          participantId,
          applicationId: app.id,
          bin: app.bin,
          companyName: app.companyName,
          address: snapshot.address,
          activityTypes,
          contractNumber: contract.contractNumber,
          contractSignedOn: contract.signedOn,
          termStart,
          termEnd,
          certificateNumber,
          certificateDueDate: certificate.dueDate,
        },
        { key: app.bin },
      );
      return { participantId, certificateNumber };
    });
  }
}
