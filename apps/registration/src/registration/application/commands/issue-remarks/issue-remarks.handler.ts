import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { RemarksIssuedV1, type Actor } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { RegistrationServices } from '../../registration.services.js';

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
  constructor(@Inject(RegistrationServices) private readonly r: RegistrationServices) {}

  async execute({ id, remarks, actor }: IssueRemarksCommand): Promise<void> {
    await this.r.uow.run(async (em) => {
      const repo = this.r.repo(em);
      const app = await repo.get(id);
      const now = this.r.clock.now();
      const added = app.issueRemarks(remarks.map((r) => ({ id: uuidv7(now.getTime()), ...r })), actor.subject, now);
      await repo.save(app);
      await this.r.deadlines.close(em, app.id, 'completeness-review');
      await this.r.outbox.add(em, RemarksIssuedV1, app.id, { applicationId: app.id, bin: app.bin, remarks: added.map((r) => ({ field: r.field, message: r.message })), issuedAt: now.toISOString() }, { key: app.bin });
    });
  }
}
