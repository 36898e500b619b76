import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import type { TimerHandler, TimerRecord } from '@hub/messaging';
import { TIMER } from '../../../shared/application/timer-kinds.js';
import { ParticipationLifecycle } from '../participation-lifecycle.service.js';
import { EarlyTerminationRepository } from '../ports/early-termination.repository.js';
import { ParticipationRepository } from '../ports/participation.repository.js';

/** F-28(3), F-29: the announced withdrawal date arrived — the participation ends on it. */
@Injectable()
export class WithdrawalEffectiveTimerHandler implements TimerHandler {
  readonly kind = TIMER.withdrawalEffective;

  constructor(
    @Inject(EarlyTerminationRepository) private readonly cases: EarlyTerminationRepository,
    @Inject(ParticipationRepository) private readonly participations: ParticipationRepository,
    @Inject(ParticipationLifecycle) private readonly lifecycle: ParticipationLifecycle,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fire(timer: TimerRecord): Promise<void> {
    const kase = await this.cases.get(timer.key);
    if (kase.status !== 'scheduled') return;
    const participation = await this.participations.get(kase.participationId);
    if (kase.takeEffect(participation, this.clock.now())) await this.lifecycle.disarmPlannedEnd(participation);
  }
}
