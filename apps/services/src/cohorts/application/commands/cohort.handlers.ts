import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { almatyDate } from '@hub/calendar';
import { validateIin } from '@hub/identifiers';
import { Clock, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { PiiCipher } from '@hub/pii';
import { RecipientPseudonyms } from '../../../applications/application/ports/recipient-pseudonyms.js';
import { ServiceApplicationRepository } from '../../../applications/application/ports/application.repository.js';
import { CatalogueRepository } from '../../../catalogue/application/ports/catalogue.repository.js';
import { Cohort } from '../../domain/cohort.aggregate.js';
import { CohortEnrolment } from '../../domain/enrolment.aggregate.js';
import { assertSeatFree } from '../../domain/rules/cohort-capacity.rule.js';
import { CohortRepository } from '../ports/cohort.repository.js';
import { CompleteEnrolmentCommand, EnrolPersonCommand, ExpelPersonCommand, OpenCohortCommand } from './cohort.commands.js';

@CommandHandler(OpenCohortCommand)
export class OpenCohortHandler implements ICommandHandler<OpenCohortCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(CohortRepository) private readonly cohorts: CohortRepository,
    @Inject(CatalogueRepository) private readonly catalogue: CatalogueRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ input }: OpenCohortCommand): Promise<{ id: string }> {
    return this.uow.run(async () => {
      const service = await this.catalogue.getService(input.serviceId);
      const firstIntakeOpensOn = await this.catalogue.firstIntakeOpensOn(service.id);
      const cohort = Cohort.open({ id: uuidv7(), ...input, serviceDirection: service.direction, firstIntakeOpensOn, at: this.clock.now() });
      this.cohorts.add(cohort);
      return { id: cohort.id };
    });
  }
}

/** F-44: the cohort's row is locked, the seats counted and the enrolment written in one transaction — the last seat goes once. */
@CommandHandler(EnrolPersonCommand)
export class EnrolPersonHandler implements ICommandHandler<EnrolPersonCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(CohortRepository) private readonly cohorts: CohortRepository,
    @Inject(ServiceApplicationRepository) private readonly applications: ServiceApplicationRepository,
    @Inject(PiiCipher) private readonly cipher: PiiCipher,
    @Inject(RecipientPseudonyms) private readonly pseudonyms: RecipientPseudonyms,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ cohortId, input }: EnrolPersonCommand): Promise<{ id: string }> {
    const iin = validateIin(input.personIin, 'personIin');
    if (!iin.ok) throw iin.error;
    return this.uow.run(async () => {
      const now = this.clock.now();
      const cohort = await this.cohorts.getForEnrolment(cohortId);
      const application = await this.applications.get(input.applicationId);
      assertSeatFree(cohort.capacity, await this.cohorts.seatsTaken(cohort.id), cohort.id);
      const id = uuidv7();
      // F-42 (ADR 0068): the IIN is stored encrypted with the row's id bound in; the blind index keeps one enrolment per person and cohort
      const protectedIin = { index: this.cipher.blindIndex(input.personIin), cipher: this.cipher.encrypt(input.personIin, id) };
      // F-43 + F-42 (ADR 0069): an individual's contract names the person by a pseudonym; the person enrolled must be that one
      const personPseudonym = application.recipientKind === 'individual' ? await this.pseudonyms.find(input.personIin) : null;
      const enrolment = CohortEnrolment.enrol({
        id,
        cohort,
        application,
        personPseudonym,
        protectedIin,
        today: almatyDate(now),
        at: now,
      });
      this.cohorts.addEnrolment(enrolment);
      return { id: enrolment.id };
    });
  }
}

@CommandHandler(ExpelPersonCommand)
export class ExpelPersonHandler implements ICommandHandler<ExpelPersonCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(CohortRepository) private readonly cohorts: CohortRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ cohortId, enrolmentId, input }: ExpelPersonCommand): Promise<void> {
    return this.uow.run(async () => {
      const now = this.clock.now();
      const e = await this.cohorts.enrolment(cohortId, enrolmentId);
      e.expel(input.ground, input.reasons, almatyDate(now), now); // housing's event names the person by the blind index (F-61, ADR 0123)
    });
  }
}

@CommandHandler(CompleteEnrolmentCommand)
export class CompleteEnrolmentHandler implements ICommandHandler<CompleteEnrolmentCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(CohortRepository) private readonly cohorts: CohortRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ cohortId, enrolmentId }: CompleteEnrolmentCommand): Promise<void> {
    return this.uow.run(async () => {
      const now = this.clock.now();
      const cohort = await this.cohorts.get(cohortId);
      const e = await this.cohorts.enrolment(cohortId, enrolmentId);
      e.complete(cohort, almatyDate(now), now); // housing's event names the person by the blind index (F-60, ADR 0123)
    });
  }
}
