import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import type { TimerHandler, TimerRecord } from '@hub/messaging';
import { ServiceApplicationRepository } from '../ports/application.repository.js';

export const REVIEW_DUE_TIMER = 'services.application-review-due';

/**
 * Fires at the end of the review due day (Asia/Almaty): the call's review length in working days
 * after filing or resubmission (ADR 0061). An application still under review becomes overdue (shown
 * to staff, counted on /metrics); one decided or with remarks meanwhile is left as it is.
 */
@Injectable()
export class ReviewDueTimerHandler implements TimerHandler {
  readonly kind = REVIEW_DUE_TIMER;
  constructor(
    @Inject(ServiceApplicationRepository) private readonly applications: ServiceApplicationRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async fire(timer: TimerRecord): Promise<void> {
    const id = timer.payload['applicationId'];
    if (typeof id !== 'string') throw new Error(`timer ${timer.id} has no applicationId`);
    (await this.applications.get(id)).markReviewOverdue(this.clock.now());
  }
}
