import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { almatyDate } from '@hub/calendar';
import type { Actor } from '@hub/contracts';
import { Clock, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { TranslationTask } from '../../../domain/translation-task.aggregate.js';
import { assertApplicantOwns } from '../../access.js';
import { DeadlineBook } from '../../deadline-book.js';
import { DocumentReferences } from '../../document-references.js';
import { EligibilityCheck } from '../../eligibility-check.js';
import { ApplicationRepository } from '../../ports/application.repository.js';
import { TranslationTaskRepository } from '../../ports/translation-task.repository.js';

export class SubmitApplicationCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

/**
 * F-8: the applicant files. Completeness (F-9, Annex 1) and eligibility (F-7, F-9(2)) are checked;
 * the outcomes and the rule-set version are stored with the application. Opens the F-12/F-14
 * review deadline (registration) or the F-20 decision deadline (activity change); an English
 * application opens a translation task (F-10). All in one transaction with the outbox event.
 */
@CommandHandler(SubmitApplicationCommand)
export class SubmitApplicationHandler implements ICommandHandler<SubmitApplicationCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(TranslationTaskRepository) private readonly translations: TranslationTaskRepository,
    @Inject(DeadlineBook) private readonly deadlines: DeadlineBook,
    @Inject(EligibilityCheck) private readonly eligibility: EligibilityCheck,
    @Inject(DocumentReferences) private readonly documents: DocumentReferences,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ id, actor }: SubmitApplicationCommand): Promise<void> {
    await this.uow.run(async () => {
      const app = await this.applications.get(id);
      assertApplicantOwns(actor, app);
      const now = this.clock.now();
      const filedOn = almatyDate(now);
      const kind = app.kind === 'registration' ? 'completeness-review' : 'activity-change-decision';
      await this.documents.check(app);
      app.submit(this.eligibility.evaluate(app, filedOn), this.eligibility.catalogue, actor.subject, now, filedOn, this.deadlines.dueDate(kind, filedOn));
      await this.deadlines.open(app, kind);
      if (app.language === 'en') this.translations.add(TranslationTask.open({ id: uuidv7(now.getTime()), applicationId: app.id, bin: app.bin, at: now }));
    });
  }
}
