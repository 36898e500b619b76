import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
import { RegistrationServices } from '../../registration.services.js';

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
  constructor(@Inject(RegistrationServices) private readonly r: RegistrationServices) {}

  async execute({ id }: RecordNotificationCommand): Promise<void> {
    await this.r.uow.run(async (em) => {
      const repo = this.r.repo(em);
      const app = await repo.get(id);
      app.recordNotification(this.r.clock.now());
      await repo.save(app);
      await this.r.deadlines.close(em, app.id, 'decision-notification');
    });
  }
}
