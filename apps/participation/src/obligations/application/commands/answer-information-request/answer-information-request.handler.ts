import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { assertMayActFor } from '../../../../shared/application/access.js';
import { DeadlineTimers } from '../../../../shared/application/ports/deadline-timers.js';
import { TIMER } from '../../../../shared/application/timer-kinds.js';
import { today } from '../../../../shared/application/today.js';
import type { InformationRequest } from '../../../domain/information-request.aggregate.js';
import { InformationRequestRepository } from '../../ports/obligation.repositories.js';
import { AnswerInformationRequestCommand } from './answer-information-request.command.js';

/** F-32, F-38: the participant provides the documents (late answers are kept and marked late). */
@CommandHandler(AnswerInformationRequestCommand)
export class AnswerInformationRequestHandler implements ICommandHandler<AnswerInformationRequestCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(InformationRequestRepository) private readonly requests: InformationRequestRepository,
    @Inject(DeadlineTimers) private readonly timers: DeadlineTimers,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute(c: AnswerInformationRequestCommand): Promise<InformationRequest> {
    return this.uow.run(async () => {
      const r = await this.requests.get(c.requestId);
      assertMayActFor(c.actor, r.bin, ['fund-officer']);
      const timerRuns = r.awaitsAnswer;
      r.answer(today(this.clock), c.note, c.attachments, this.clock.now());
      if (timerRuns) await this.timers.cancel(TIMER.informationRequestDue, r.id);
      return r;
    });
  }
}
