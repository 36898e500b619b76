import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@hub/kernel';
import { KnownDocuments, UnitOfWork } from '@hub/nest-commons';
import { assertMayActFor } from '../../../../shared/application/access.js';
import { DeadlineTimers } from '../../../../shared/application/ports/deadline-timers.js';
import { TIMER } from '../../../../shared/application/timer-kinds.js';
import { today } from '../../../../shared/application/today.js';
import type { InformationRequest } from '../../../domain/information-request.aggregate.js';
import { answerDocuments, attachmentTarget } from '../../../domain/rules/obligation-documents.rule.js';
import { InformationRequestRepository } from '../../ports/obligation.repositories.js';
import { AnswerInformationRequestCommand } from './answer-information-request.command.js';

/** F-32, F-38: the participant provides the documents (late answers are kept and marked late). */
@CommandHandler(AnswerInformationRequestCommand)
export class AnswerInformationRequestHandler implements ICommandHandler<AnswerInformationRequestCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(InformationRequestRepository) private readonly requests: InformationRequestRepository,
    @Inject(DeadlineTimers) private readonly timers: DeadlineTimers,
    @Inject(KnownDocuments) private readonly documents: KnownDocuments,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute(c: AnswerInformationRequestCommand): Promise<InformationRequest> {
    return this.uow.run(async () => {
      const r = await this.requests.get(c.requestId);
      assertMayActFor(c.actor, r.bin, ['information-request', c.requestId], ['fund-officer']);
      // Issue #10: the company's own verified documents of the kind the rule requires (422 naming the field).
      await this.documents.assertReferences(r.bin, answerDocuments(r.kind, c.documentIds), attachmentTarget('information-request', r.id));
      const timerRuns = r.awaitsAnswer;
      r.answer(today(this.clock), c.note, { documentIds: c.documentIds, attachments: c.attachments }, this.clock.now());
      if (timerRuns) await this.timers.cancel(TIMER.informationRequestDue, r.id);
      return r;
    });
  }
}
