import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
import { Clock, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { DeadlineBook } from '../../deadline-book.js';
import { ApplicationRepository } from '../../ports/application.repository.js';

export class IssueRemarksCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly remarks: readonly { field: string; message: string }[],
    readonly actor: Actor,
  ) {
    super();
  }
}

/** F-14: the Fund sends remarks tied to fields; this is the completeness review's outcome, so the F-12 deadline is met. */
@CommandHandler(IssueRemarksCommand)
export class IssueRemarksHandler implements ICommandHandler<IssueRemarksCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(DeadlineBook) private readonly deadlines: DeadlineBook,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ id, remarks, actor }: IssueRemarksCommand): Promise<void> {
    await this.uow.run(async () => {
      const app = await this.applications.get(id);
      const now = this.clock.now();
      app.issueRemarks(
        remarks.map((r) => ({ id: uuidv7(now.getTime()), ...r })),
        actor.subject,
        now,
      );
      await this.deadlines.close(app.id, 'completeness-review');
    });
  }
}
