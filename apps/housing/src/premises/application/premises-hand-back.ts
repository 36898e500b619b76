import { Inject, Injectable } from '@nestjs/common';
import { endOfAlmatyDay } from '@hub/calendar';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { parametersOn } from '../../shared/domain/housing-parameters.js';
import { HousingParametersSource } from '../../shared/application/ports/housing-parameters.source.js';
import { WorkingDays } from '../../shared/application/ports/working-days.js';
import type { HandBackDue, PremisesLease } from '../domain/premises-lease.aggregate.js';
import { handBackDueOn } from '../domain/rules/f58-hand-back-deadline.rule.js';

export const PREMISES_HAND_BACK_TIMER = 'housing.premises-hand-back-due';

/**
 * ADR 0053 (F-58): the hand-back deadline of premises — the due day from the parameters in force on
 * the last day of use and the Kazakh working-day calendar, and its durable timer (one per lease,
 * re-armed when the use ends earlier, cancelled by the act). Inside the caller's unit of work.
 */
@Injectable()
export class PremisesHandBack {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(WorkingDays) private readonly workingDays: WorkingDays,
    @Inject(HousingParametersSource) private readonly parameters: HousingParametersSource,
  ) {}

  readonly due: HandBackDue = (lastDayOfUse) =>
    handBackDueOn(lastDayOfUse, parametersOn(this.parameters.versions(), lastDayOfUse).premisesHandBackWorkingDays, (d, n) => this.workingDays.add(d, n));

  /** Arms (or re-arms) the lease's timer for its current hand-back day; nothing when it has none. */
  async arm(lease: PremisesLease): Promise<void> {
    if (lease.handBackBy === null) return;
    await this.timers.schedule(this.uow.em(), {
      kind: PREMISES_HAND_BACK_TIMER,
      key: lease.id,
      dueAt: endOfAlmatyDay(lease.handBackBy),
      payload: { leaseId: lease.id },
    });
  }

  async disarm(lease: PremisesLease): Promise<void> {
    await this.timers.cancel(this.uow.em(), PREMISES_HAND_BACK_TIMER, lease.id);
  }
}
