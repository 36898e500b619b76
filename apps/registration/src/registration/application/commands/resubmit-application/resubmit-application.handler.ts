import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { ApplicationSubmittedV1, type Actor } from '@hub/contracts';
import { RegistrationServices } from '../../registration.services.js';

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
  constructor(@Inject(RegistrationServices) private readonly r: RegistrationServices) {}

  async execute({ id, answers, actor }: ResubmitApplicationCommand): Promise<void> {
    await this.r.uow.run(async (em) => {
      const repo = this.r.repo(em);
      const app = await repo.get(id);
      this.r.assertOwner(actor, app);
      const now = this.r.clock.now();
      app.resubmit(answers, this.r.evaluate(app, app.filedOn ?? this.r.today()), this.r.catalogue, actor.subject, now);
      await repo.save(app);
      const dueDate =
        app.kind === 'registration'
          ? (await this.r.deadlines.open(em, app, 'completeness-review')).dueDate
          : this.r.deadlines.dueDate('activity-change-decision', app.filedOn ?? this.r.today());
      await this.r.outbox.add(
        em,
        ApplicationSubmittedV1,
        app.id,
        { applicationId: app.id, bin: app.bin, companyName: app.companyName, kind: app.kind, language: app.language, resubmission: true, submittedAt: now.toISOString(), reviewDueDate: dueDate },
        { key: app.bin },
      );
    });
  }
}
