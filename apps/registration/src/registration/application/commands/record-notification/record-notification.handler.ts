import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { DeadlineBook } from '../../deadline-book.js';
import { ApplicationRepository } from '../../ports/application.repository.js';

export class RecordNotificationCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** F-17: the Fund notified the applicant of the registration or the reasoned refusal; the 5 WD deadline is met. */
@CommandHandler(RecordNotificationCommand)
export class RecordNotificationHandler implements ICommandHandler<RecordNotificationCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(DeadlineBook) private readonly deadlines: DeadlineBook,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ id }: RecordNotificationCommand): Promise<void> {
    await this.uow.run(async () => {
      const app = await this.applications.get(id);
      app.recordNotification(this.clock.now());
      await this.deadlines.close(app.id, 'decision-notification');
    });
  }
}
