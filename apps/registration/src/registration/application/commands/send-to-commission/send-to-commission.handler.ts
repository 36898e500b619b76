import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { SentToCommissionV1, type Actor } from '@hub/contracts';
import { RegistrationServices } from '../../registration.services.js';

export class SendToCommissionCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** F-13, F-15: a complete application goes to the Commission; the review deadline (F-12) is met and the decision deadline (F-15: 10 WD) starts. F-20 keeps its own deadline from receipt. */
@CommandHandler(SendToCommissionCommand)
export class SendToCommissionHandler implements ICommandHandler<SendToCommissionCommand> {
  constructor(@Inject(RegistrationServices) private readonly r: RegistrationServices) {}

  async execute({ id, actor }: SendToCommissionCommand): Promise<void> {
    await this.r.uow.run(async (em) => {
      const repo = this.r.repo(em);
      const app = await repo.get(id);
      const now = this.r.clock.now();
      app.sendToCommission(actor.subject, now);
      await repo.save(app);
      let decisionDueDate: string;
      if (app.kind === 'registration') {
        await this.r.deadlines.close(em, app.id, 'completeness-review');
        decisionDueDate = (await this.r.deadlines.open(em, app, 'commission-decision')).dueDate;
      } else {
        decisionDueDate = this.r.deadlines.dueDate('activity-change-decision', app.filedOn ?? this.r.today());
      }
      await this.r.outbox.add(em, SentToCommissionV1, app.id, { applicationId: app.id, bin: app.bin, sentAt: now.toISOString(), decisionDueDate }, { key: app.bin });
    });
  }
}
