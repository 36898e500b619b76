import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ContextServices } from '../../../../shared/application/platform.js';
import { TIMER } from '../../../../shared/application/timer-kinds.js';
import { assertMayActFor } from '../../../../shared/application/access.js';
import { InformationRequest } from '../../../domain/information-request.aggregate.js';
import { AnswerInformationRequestCommand } from './answer-information-request.command.js';
import { runCommand } from '../../../../shared/application/run-command.js';

/** F-32, F-38: the participant provides the documents (late answers are kept and marked late). */
@CommandHandler(AnswerInformationRequestCommand)
export class AnswerInformationRequestHandler implements ICommandHandler<AnswerInformationRequestCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: AnswerInformationRequestCommand): Promise<InformationRequest> {
    return runCommand(this.uow, async (em) => {
      const r = await em.findOne(InformationRequest, { id: c.requestId });
      if (!r) throw new NotFoundError('information-request', c.requestId);
      assertMayActFor(c.actor, r.bin, ['fund-officer']);
      const wasOpen = r.status === 'open';
      r.answer(this.ctx.today(), c.note, c.attachments);
      if (wasOpen) await this.ctx.timers.cancel(em, TIMER.informationRequestDue, r.id);
      return r;
    });
  }
}
