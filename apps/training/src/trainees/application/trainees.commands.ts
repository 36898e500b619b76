import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type Actor, TRAINING_FILE_ROLES, hasAnyRole } from '@hub/contracts';
import { Clock, ConflictError, ForbiddenError, NotFoundError, uuidv7 } from '@hub/kernel';
import { MessageContexts } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { ProviderApplicationRepository } from '../../intakes/application/ports/intakes.ports.js';
import { PiiAccess, Trainee } from '../domain/trainee.js';
import { assertValidTraineeList } from '../domain/rules/trainee-list.rule.js';
import { PiiCipher } from '@hub/pii';
import { TraineeRepository } from './ports/trainee.repository.js';

export interface TraineeInput {
  readonly iin: string;
  readonly fullName: string;
}

/** F-76: the admitted provider lists (replaces) its trainees — valid IINs, at most its quotas, nobody listed by another provider of the intake. */
export class ListTraineesCommand extends Command<{ count: number }> {
  constructor(
    readonly applicationId: string,
    readonly trainees: TraineeInput[],
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(ListTraineesCommand)
export class ListTraineesHandler implements ICommandHandler<ListTraineesCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ProviderApplicationRepository) private readonly applications: ProviderApplicationRepository,
    @Inject(TraineeRepository) private readonly trainees: TraineeRepository,
    @Inject(PiiCipher) private readonly cipher: PiiCipher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ applicationId, trainees, actor }: ListTraineesCommand): Promise<{ count: number }> {
    assertValidTraineeList(trainees); // F-76: IINs valid, nobody twice in the list
    return this.uow.run(async () => {
      const now = this.clock.now();
      const application = await this.applications.get(applicationId);
      // F-35: its existence is not disclosed to another company's representative
      if (!actor.companies.includes(application.bin)) throw new NotFoundError('provider application', applicationId);
      application.traineesListed(trainees.length, now); // F-76 ≤ quotas, after the contract (F-75)
      const indexes = trainees.map((t) => this.cipher.blindIndex(t.iin));
      const elsewhere = await this.trainees.listedElsewhere(application.intakeId, applicationId, indexes);
      if (elsewhere > 0)
        throw new ConflictError(
          'training.trainee-listed-by-another-provider',
          `F-76: ${elsewhere} of these people are already listed by another provider of this intake`,
          {
            ruleId: 'F-76',
            count: elsewhere,
          },
        );
      await this.trainees.clear(applicationId);
      trainees.forEach((t, i) => {
        const id = uuidv7();
        this.trainees.add(
          Trainee.list({
            id,
            intakeId: application.intakeId,
            applicationId,
            iinIndex: indexes[i]!,
            iinCipher: this.cipher.encrypt(t.iin, id),
            nameCipher: this.cipher.encrypt(t.fullName, id),
            at: now,
          }),
        );
      });
      return { count: trainees.length };
    });
  }
}

export interface TraineeView {
  readonly iin: string;
  readonly fullName: string;
  readonly listedAt: string;
}

/** F-42, F-76: the trainees' IIN and name, for the provider itself and the Fund's training staff; every read is logged. */
export class ReadTraineesCommand extends Command<TraineeView[]> {
  constructor(
    readonly applicationId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(ReadTraineesCommand)
export class ReadTraineesHandler implements ICommandHandler<ReadTraineesCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ProviderApplicationRepository) private readonly applications: ProviderApplicationRepository,
    @Inject(TraineeRepository) private readonly trainees: TraineeRepository,
    @Inject(PiiCipher) private readonly cipher: PiiCipher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ applicationId, actor }: ReadTraineesCommand): Promise<TraineeView[]> {
    return this.uow.run(async () => {
      const application = await this.applications.get(applicationId);
      const staff = hasAnyRole(actor, TRAINING_FILE_ROLES);
      if (!staff && !actor.companies.includes(application.bin)) throw new NotFoundError('provider application', applicationId);
      if (!staff && !hasAnyRole(actor, ['applicant'])) throw new ForbiddenError();
      const rows = await this.trainees.ofApplication(applicationId);
      this.trainees.logAccess(
        PiiAccess.record({
          id: uuidv7(),
          actorSubject: actor.subject,
          actorRoles: [...actor.roles],
          applicationId,
          what: `trainee list (IIN, name) of ${rows.length}`,
          correlationId: MessageContexts.current()?.correlationId ?? null,
          at: this.clock.now(),
        }),
      );
      return rows.map((t) => ({
        iin: this.cipher.decrypt(t.iinCipher, t.id),
        fullName: this.cipher.decrypt(t.nameCipher, t.id),
        listedAt: t.listedAt.toISOString(),
      }));
    });
  }
}
