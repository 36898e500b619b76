import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, ForbiddenError, NotFoundError, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { TIMER } from '../../../../shared/application/timer-kinds.js';
import { DeadlineTimers } from '../../../../shared/application/ports/deadline-timers.js';
import { today } from '../../../../shared/application/today.js';
import { startOfAlmatyDay } from '../../../../shared/domain/calendar.js';
import { Deadlines } from '../../../../shared/domain/deadlines.js';
import { EarlyTermination } from '../../../domain/early-termination.aggregate.js';
import type { TerminationInitiator } from '../../../domain/rules/early-termination-initiator.rule.js';
import { ParticipationLifecycle } from '../../participation-lifecycle.service.js';
import { EarlyTerminationRepository } from '../../ports/early-termination.repository.js';
import { ParticipationRepository } from '../../ports/participation.repository.js';
import { TerminationBasisReader } from '../../ports/termination-basis.reader.js';
import { OpenEarlyTerminationCommand } from './open-early-termination.command.js';

/**
 * F-28 … F-30: opens early termination (the rules are the case's: EarlyTermination.open). The
 * handler says who the actor is for this participation, loads what the rules look at, and arms the
 * timers the outcome needs: the withdrawal date (F-29), or no planned end any more (terminated).
 */
@CommandHandler(OpenEarlyTerminationCommand)
export class OpenEarlyTerminationHandler implements ICommandHandler<OpenEarlyTerminationCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ParticipationRepository) private readonly participations: ParticipationRepository,
    @Inject(EarlyTerminationRepository) private readonly cases: EarlyTerminationRepository,
    @Inject(TerminationBasisReader) private readonly bases: TerminationBasisReader,
    @Inject(ParticipationLifecycle) private readonly lifecycle: ParticipationLifecycle,
    @Inject(DeadlineTimers) private readonly timers: DeadlineTimers,
    @Inject(Deadlines) private readonly deadlines: Deadlines,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute(c: OpenEarlyTerminationCommand): Promise<EarlyTermination> {
    return this.uow.run(async () => {
      const p = await this.participations.get(c.participationId);
      const initiator = this.initiatorOf(c, p.bin);
      const on = today(this.clock);
      const kase = EarlyTermination.open(
        {
          id: uuidv7(),
          participation: p,
          openCase: await this.cases.findOpen(p.id),
          initiator,
          openedBy: c.actor.subject,
          ground: c.input.ground,
          reason: c.input.reason,
          basisId: c.input.basisId ?? null,
          basis: c.input.basisId ? await this.bases.find(p.id, c.input.basisId) : null,
          today: on,
          withdrawalDate: c.input.withdrawalDate ?? null,
          earliestWithdrawalDate: this.deadlines.earliestWithdrawalDate(on),
        },
        this.clock.now(),
      );
      this.cases.add(kase);
      if (kase.status === 'scheduled') {
        await this.timers.scheduleAt(TIMER.withdrawalEffective, kase.id, startOfAlmatyDay(kase.effectiveDate!), { participationId: p.id });
      } else if (!p.isActive()) {
        await this.lifecycle.disarmPlannedEnd(p);
      }
      return kase;
    });
  }

  /**
   * The Fund's officer, or the company's own applicant (F-35); another company's applicant gets the 404 of an
   * unknown participation (F-35: its existence is not disclosed, ADR 0141); any other role may not terminate it.
   */
  private initiatorOf(c: OpenEarlyTerminationCommand, bin: string): TerminationInitiator {
    if (c.actor.roles.includes('fund-officer')) return 'fund';
    if (c.actor.roles.includes('applicant')) {
      if (c.actor.companies.includes(bin)) return 'participant';
      throw new NotFoundError('participation', c.participationId); // F-35
    }
    throw new ForbiddenError('you may not terminate this participation');
  }
}
