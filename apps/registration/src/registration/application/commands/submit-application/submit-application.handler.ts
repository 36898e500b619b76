import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { ApplicationSubmittedV1, type Actor } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { TranslationTaskRowSchema } from '../../../infrastructure/registration.schemas.js';
import { RegistrationServices } from '../../registration.services.js';

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
  constructor(@Inject(RegistrationServices) private readonly r: RegistrationServices) {}

  async execute({ id, actor }: SubmitApplicationCommand): Promise<void> {
    await this.r.uow.run(async (em) => {
      const repo = this.r.repo(em);
      const app = await repo.get(id);
      this.r.assertOwner(actor, app);
      const now = this.r.clock.now();
      const filedOn = this.r.today();
      app.submit(this.r.evaluate(app, filedOn), this.r.catalogue, actor.subject, now, filedOn);
      await repo.save(app);
      const deadline = await this.r.deadlines.open(em, app, app.kind === 'registration' ? 'completeness-review' : 'activity-change-decision');
      if (app.language === 'en') {
        em.create(TranslationTaskRowSchema, { id: uuidv7(now.getTime()), applicationId: app.id, bin: app.bin, sourceLanguage: 'en', targetLanguage: 'ru', status: 'open', documentRef: null, createdAt: now, completedAt: null, completedBy: null });
        await em.flush();
      }
      await this.r.outbox.add(
        em,
        ApplicationSubmittedV1,
        app.id,
        { applicationId: app.id, bin: app.bin, companyName: app.companyName, kind: app.kind, language: app.language, resubmission: false, submittedAt: now.toISOString(), reviewDueDate: deadline.dueDate },
        { key: app.bin },
      );
    });
  }
}
