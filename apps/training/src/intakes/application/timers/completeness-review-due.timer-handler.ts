import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import type { TimerHandler, TimerRecord } from '@hub/messaging';
import { ProviderApplicationRepository } from '../ports/intakes.ports.js';

export const COMPLETENESS_REVIEW_DUE_TIMER = 'training.completeness-review-due';

/** F-68: fires at the end of the 10th working day after filing (Asia/Almaty); an application still unreviewed becomes overdue. */
@Injectable()
export class CompletenessReviewDueTimerHandler implements TimerHandler {
  readonly kind = COMPLETENESS_REVIEW_DUE_TIMER;
  constructor(
    @Inject(ProviderApplicationRepository) private readonly applications: ProviderApplicationRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async fire(timer: TimerRecord): Promise<void> {
    const id = timer.payload['applicationId'];
    if (typeof id !== 'string') throw new Error(`timer ${timer.id} has no applicationId`);
    (await this.applications.get(id)).markReviewOverdue(this.clock.now());
  }
}
