import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ParticipationRepository } from '../../../../participation/application/ports/participation.repository.js';
import { DeadlineTimers } from '../../../../shared/application/ports/deadline-timers.js';
import { TIMER } from '../../../../shared/application/timer-kinds.js';
import { today } from '../../../../shared/application/today.js';
import { Deadlines } from '../../../../shared/domain/deadlines.js';
import { InformationRequest } from '../../../domain/information-request.aggregate.js';
import { InformationRequestRepository } from '../../ports/obligation.repositories.js';
import { RequestInformationCommand } from './request-information.command.js';

/** F-32, F-38 (F-33 for the audit report): the Fund requests documents, due in 10 WD. */
@CommandHandler(RequestInformationCommand)
export class RequestInformationHandler implements ICommandHandler<RequestInformationCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ParticipationRepository) private readonly participations: ParticipationRepository,
    @Inject(InformationRequestRepository) private readonly requests: InformationRequestRepository,
    @Inject(DeadlineTimers) private readonly timers: DeadlineTimers,
    @Inject(Deadlines) private readonly deadlines: Deadlines,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute(c: RequestInformationCommand): Promise<InformationRequest> {
    return this.uow.run(async () => {
      const p = await this.participations.get(c.participationId);
      const on = today(this.clock);
      const dueDate = c.kind === 'audit-report' ? this.deadlines.auditReportRequestDueDate(on) : this.deadlines.informationRequestDueDate(on);
      const r = InformationRequest.open(
        { id: uuidv7(), participation: p, kind: c.kind, description: c.description, requestedOn: on, requestedBy: c.actor.subject, dueDate },
        this.clock.now(),
      );
      this.requests.add(r);
      await this.timers.scheduleDeadline(TIMER.informationRequestDue, r.id, dueDate);
      return r;
    });
  }
}
