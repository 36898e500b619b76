import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { almatyDate, endOfAlmatyDay, type IsoDate } from '@hub/calendar';
import type { Actor } from '@hub/contracts';
import { Clock, ForbiddenError, uuidv7 } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { KnownDocuments, UnitOfWork } from '@hub/nest-commons';
import { Intake } from '../domain/intake.aggregate.js';
import type { CourseSyllabus, TypedAttachment, VersionedDocument } from '../domain/intake.types.js';
import { ProviderApplication } from '../domain/provider-application.aggregate.js';
import { applicationDocuments, applicationTarget } from '../domain/rules/application-documents.rule.js';
import { IntakeRepository, ParticipationStatus, ProviderApplicationRepository, TrainingThresholds, WorkingDays } from './ports/intakes.ports.js';
import { COMPLETENESS_REVIEW_DUE_TIMER } from './timers/completeness-review-due.timer-handler.js';

/** The Fund's training officer announces an intake (F-64) with its selection criteria and intake order (F-77). */
export class AnnounceIntakeCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { title: string; opensOn: IsoDate; closesOn: IsoDate; selectionCriteria: VersionedDocument; intakeOrder: VersionedDocument },
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(AnnounceIntakeCommand)
export class AnnounceIntakeHandler implements ICommandHandler<AnnounceIntakeCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(IntakeRepository) private readonly intakes: IntakeRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ input, actor }: AnnounceIntakeCommand): Promise<{ id: string }> {
    return this.uow.run(async () => {
      const intake = Intake.announce({ id: uuidv7(), ...input, announcedBy: actor.subject, at: this.clock.now() });
      this.intakes.add(intake);
      return { id: intake.id };
    });
  }
}

/** A training company's representative files an application to an intake (F-65 … F-67). */
export class FileProviderApplicationCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      intakeId: string;
      bin: string;
      language: 'kk' | 'ru' | 'en';
      courses: CourseSyllabus[];
      attachments: TypedAttachment[];
      declarationOfAccuracy: boolean;
    },
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(FileProviderApplicationCommand)
export class FileProviderApplicationHandler implements ICommandHandler<FileProviderApplicationCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(IntakeRepository) private readonly intakes: IntakeRepository,
    @Inject(ProviderApplicationRepository) private readonly applications: ProviderApplicationRepository,
    @Inject(ParticipationStatus) private readonly participation: ParticipationStatus,
    @Inject(WorkingDays) private readonly workingDays: WorkingDays,
    @Inject(TrainingThresholds) private readonly thresholds: TrainingThresholds,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(KnownDocuments) private readonly documents: KnownDocuments,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ input, actor }: FileProviderApplicationCommand): Promise<{ id: string }> {
    // F-35: a representative acts only for the companies in its token.
    if (!actor.companies.includes(input.bin)) throw new ForbiddenError(`you do not represent the company ${input.bin}`);
    return this.uow.run(async (em) => {
      const now = this.clock.now();
      const filedOn = almatyDate(now);
      const intake = await this.intakes.get(input.intakeId);
      // F-68: the completeness review is due on the n-th working day after filing (n effective-dated in packages/reference-data).
      const reviewDueOn = this.workingDays.add(filedOn, this.thresholds.reviewWorkingDays(filedOn));
      const id = uuidv7();
      // F-65, issue #10: the syllabi and rights documents are the company's own verified uploads of the right kind (422 naming the field).
      await this.documents.assertReferences(input.bin, applicationDocuments(input.courses, input.attachments), applicationTarget(id));
      const application = ProviderApplication.file({
        id,
        intake,
        bin: input.bin,
        activeParticipant: await this.participation.isActiveOn(input.bin, filedOn),
        language: input.language,
        courses: input.courses,
        attachments: input.attachments,
        declarationOfAccuracy: input.declarationOfAccuracy,
        filedBy: actor.subject,
        filedOn,
        reviewDueOn,
        at: now,
      });
      this.applications.add(application);
      await this.timers.schedule(em, {
        kind: COMPLETENESS_REVIEW_DUE_TIMER,
        key: application.id,
        dueAt: endOfAlmatyDay(reviewDueOn),
        payload: { applicationId: application.id },
      });
      return { id: application.id };
    });
  }
}
