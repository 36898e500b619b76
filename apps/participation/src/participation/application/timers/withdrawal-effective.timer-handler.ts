import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@hub/kernel';
import type { Em, TimerHandler, TimerRecord } from '@hub/messaging';
import { ContextServices } from '../../../shared/application/platform.js';
import { TIMER } from '../../../shared/application/timer-kinds.js';
import { EarlyTermination } from '../../domain/early-termination.aggregate.js';
import { ParticipationLifecycle } from '../participation-lifecycle.service.js';

/** F-28(3), F-29: the announced withdrawal date arrived — the participation ends on it. */
@Injectable()
export class WithdrawalEffectiveTimerHandler implements TimerHandler {
  readonly kind = TIMER.withdrawalEffective;

  constructor(
    @Inject(ContextServices) private readonly ctx: ContextServices,
    @Inject(ParticipationLifecycle) private readonly lifecycle: ParticipationLifecycle,
  ) {}

  async fire(timer: TimerRecord, em: Em): Promise<void> {
    const c = await em.findOne(EarlyTermination, { id: timer.key });
    if (!c) throw new NotFoundError('early-termination', timer.key);
    if (c.status !== 'scheduled') return;
    const participation = await this.ctx.participation(em, c.participationId);
    if (!participation.isActive()) {
      c.cancel(); // it ended otherwise before the withdrawal date
      return;
    }
    c.complete();
    await this.lifecycle.terminateEarly(em, participation, 'voluntary-withdrawal', c.effectiveDate!, 'participant', `early-termination:${c.id}`);
  }
}
