import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { endOfAlmatyDay } from '@hub/calendar';
import { validateIin } from '@hub/identifiers';
import { Clock, IllegalStateError, ValidationError, uuidv7 } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { ServiceApplicationRepository } from '../../../applications/application/ports/application.repository.js';
import { CatalogueRepository } from '../../../catalogue/application/ports/catalogue.repository.js';
import { Cohort } from '../../domain/cohort.aggregate.js';
import { CohortRepository } from '../ports/cohort.repository.js';
import { COHORT_ENDS_TIMER } from '../timers/cohort-ends.timer-handler.js';
import { CompleteEnrolmentCommand, EnrolCommand, ExpelCommand, OpenCohortCommand } from './cohort.commands.js';

@CommandHandler(OpenCohortCommand)
export class OpenCohortHandler implements ICommandHandler<OpenCohortCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(CohortRepository) private readonly cohorts: CohortRepository,
    @Inject(CatalogueRepository) private readonly catalogue: CatalogueRepository,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ input }: OpenCohortCommand): Promise<{ id: string }> {
    return this.uow.run(async (em) => {
      const service = await this.catalogue.getService(input.serviceId);
      const cohort = Cohort.open({ id: uuidv7(), ...input, serviceDirection: service.direction, at: this.clock.now() });
      this.cohorts.add(cohort);
      // The programme ends for everyone still enrolled at the end of the cohort's last day (F-60 for housing).
      await this.timers.schedule(em, { kind: COHORT_ENDS_TIMER, key: cohort.id, dueAt: endOfAlmatyDay(cohort.endsOn), payload: { cohortId: cohort.id } });
      return { id: cohort.id };
    });
  }
}

@CommandHandler(EnrolCommand)
export class EnrolHandler implements ICommandHandler<EnrolCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(CohortRepository) private readonly cohorts: CohortRepository,
    @Inject(ServiceApplicationRepository) private readonly applications: ServiceApplicationRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ cohortId, input }: EnrolCommand): Promise<{ id: string }> {
    return this.uow.run(async () => {
      const application = await this.applications.get(input.applicationId);
      // The person in acceleration: the individual recipient, or — for a company — the person it names.
      const personIin = input.personIin ?? (application.recipientKind === 'individual' ? application.recipientId : undefined);
      if (!personIin) throw ValidationError.field('personIin', 'the IIN of the person in acceleration is required when the recipient is a company');
      const iin = validateIin(personIin, 'personIin');
      if (!iin.ok) throw iin.error;
      const cohort = await this.cohorts.get(cohortId, { forUpdate: true }); // F-44: one enrolment at a time per cohort
      const enrolment = cohort.enrol({ enrolmentId: uuidv7(), application, personIin, enrolledOn: input.enrolledOn, at: this.clock.now() });
      this.cohorts.addEnrolment(enrolment);
      return { id: enrolment.id };
    });
  }
}

@CommandHandler(ExpelCommand)
export class ExpelHandler implements ICommandHandler<ExpelCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(CohortRepository) private readonly cohorts: CohortRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ enrolmentId, input }: ExpelCommand): Promise<void> {
    return this.uow.run(async () => {
      const enrolment = await this.cohorts.getEnrolment(enrolmentId);
      const cohort = await this.cohorts.get(enrolment.cohortId, { forUpdate: true });
      enrolment.expel(input.ground, input.reasons, input.expelledOn, this.clock.now());
      cohort.releasePlace();
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
  execute({ enrolmentId, completedOn }: CompleteEnrolmentCommand): Promise<void> {
    return this.uow.run(async () => {
      const enrolment = await this.cohorts.getEnrolment(enrolmentId);
      if (!enrolment.complete(completedOn, this.clock.now())) {
        throw new IllegalStateError('enrolment', enrolment.status, 'complete', 'only an enrolled person completes the programme');
      }
    });
  }
}
