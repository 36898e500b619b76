import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { almatyDate } from '@hub/calendar';
import type { Actor } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { DeadlineBook } from '../../deadline-book.js';
import { ApplicationRepository } from '../../ports/application.repository.js';

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
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(DeadlineBook) private readonly deadlines: DeadlineBook,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ id, actor }: SendToCommissionCommand): Promise<void> {
    await this.uow.run(async () => {
      const app = await this.applications.get(id);
      const now = this.clock.now();
      const decisionDueDate =
        app.kind === 'registration'
          ? this.deadlines.dueDateFromToday('commission-decision')
          : this.deadlines.dueDate('activity-change-decision', app.filedOn ?? almatyDate(now));
      app.sendToCommission(actor.subject, now, decisionDueDate);
      if (app.kind === 'registration') {
        await this.deadlines.close(app.id, 'completeness-review');
        await this.deadlines.open(app, 'commission-decision');
      }
    });
  }
}
