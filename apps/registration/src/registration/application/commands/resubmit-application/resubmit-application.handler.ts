import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { almatyDate } from '@hub/calendar';
import type { Actor } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { assertApplicantOwns } from '../../access.js';
import { DeadlineBook } from '../../deadline-book.js';
import { DocumentReferences } from '../../document-references.js';
import { EligibilityCheck } from '../../eligibility-check.js';
import { ApplicationRepository } from '../../ports/application.repository.js';

export class ResubmitApplicationCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly answers: readonly { remarkId: string; answer: string }[],
    readonly actor: Actor,
  ) {
    super();
  }
}

/** F-14, F-15: the applicant answers every remark and files again; the review deadline runs again from the resubmission (ADR 0013). */
@CommandHandler(ResubmitApplicationCommand)
export class ResubmitApplicationHandler implements ICommandHandler<ResubmitApplicationCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(DeadlineBook) private readonly deadlines: DeadlineBook,
    @Inject(EligibilityCheck) private readonly eligibility: EligibilityCheck,
    @Inject(DocumentReferences) private readonly documents: DocumentReferences,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ id, answers, actor }: ResubmitApplicationCommand): Promise<void> {
    await this.uow.run(async () => {
      const app = await this.applications.get(id);
      assertApplicantOwns(actor, app);
      const now = this.clock.now();
      const filedOn = app.filedOn ?? almatyDate(now);
      // F-12 runs again from the resubmission; F-20 keeps its deadline from the first receipt.
      const reviewDueDate =
        app.kind === 'registration' ? this.deadlines.dueDateFromToday('completeness-review') : this.deadlines.dueDate('activity-change-decision', filedOn);
      await this.documents.check(app);
      app.resubmit(answers, this.eligibility.evaluate(app, filedOn), this.eligibility.catalogue, actor.subject, now, reviewDueDate);
      if (app.kind === 'registration') await this.deadlines.open(app, 'completeness-review');
    });
  }
}
