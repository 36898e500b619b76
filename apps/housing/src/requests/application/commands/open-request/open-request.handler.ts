import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { endOfAlmatyDay, almatyDate } from '@hub/calendar';
import { Clock, ForbiddenError, uuidv7 } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { HousingRequest } from '../../../domain/request.aggregate.js';
import { HousingRequestRepository } from '../../ports/request.repository.js';
import { REQUEST_REVIEW_DUE_TIMER } from '../../timers/request-review-due.timer-handler.js';
import { OpenRequestCommand } from './open-request.command.js';

/**
 * The shape of every handler (ADR 0035 §5): inject what it uses; in one unit of work load, call
 * the domain (which checks the rules), save, schedule timers. The recorded RequestOpened becomes
 * an outbox row in the same transaction (the context's IntegrationEventMapper).
 */
@CommandHandler(OpenRequestCommand)
export class OpenRequestHandler implements ICommandHandler<OpenRequestCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(HousingRequestRepository) private readonly requests: HousingRequestRepository,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ input, actor }: OpenRequestCommand): Promise<{ id: string }> {
    // F-35: a representative acts only for the companies in its token.
    if (!actor.companies.includes(input.bin)) throw new ForbiddenError(`you do not represent the company ${input.bin}`);
    return this.uow.run(async (em) => {
      const now = this.clock.now();
      const request = HousingRequest.open({
        id: uuidv7(),
        bin: input.bin,
        subject: input.subject,
        openedOn: almatyDate(now),
        at: now,
        openRequestsOfCompany: await this.requests.countOpenOf(input.bin),
      });
      this.requests.add(request);
      await this.timers.schedule(em, {
        kind: REQUEST_REVIEW_DUE_TIMER,
        key: request.id,
        dueAt: endOfAlmatyDay(request.reviewDueOn),
        payload: { requestId: request.id },
      });
      return { id: request.id };
    });
  }
}
