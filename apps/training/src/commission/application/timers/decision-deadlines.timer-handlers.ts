import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import type { TimerHandler, TimerRecord } from '@hub/messaging';
import { ProviderApplicationRepository } from '../../../intakes/application/ports/intakes.ports.js';
import { CONTRACT_DUE_TIMER, DECISION_NOTICE_DUE_TIMER } from '../commission.commands.js';

const applicationIdOf = (timer: TimerRecord): string => {
  const id = timer.payload['applicationId'];
  if (typeof id !== 'string') throw new Error(`timer ${timer.id} has no applicationId`);
  return id;
};

/** F-74: at the end of the 5th working day after the decision, a notice not yet sent is a missed deadline. */
@Injectable()
export class DecisionNoticeDueTimerHandler implements TimerHandler {
  readonly kind = DECISION_NOTICE_DUE_TIMER;
  constructor(
    @Inject(ProviderApplicationRepository) private readonly applications: ProviderApplicationRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async fire(timer: TimerRecord): Promise<void> {
    const a = await this.applications.get(applicationIdOf(timer));
    if (!a.noticeSentOn) a.markDeadlineMissed('F-74', this.clock.now());
  }
}

/** F-75: at the end of the 10th working day after a positive decision, a contract not yet signed is a missed deadline. */
@Injectable()
export class ContractDueTimerHandler implements TimerHandler {
  readonly kind = CONTRACT_DUE_TIMER;
  constructor(
    @Inject(ProviderApplicationRepository) private readonly applications: ProviderApplicationRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async fire(timer: TimerRecord): Promise<void> {
    const a = await this.applications.get(applicationIdOf(timer));
    if (!a.contract) a.markDeadlineMissed('F-75', this.clock.now());
  }
}
