import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import type { TimerHandler, TimerRecord } from '@hub/messaging';
import { HousingRequestRepository } from '../ports/request.repository.js';

export const REQUEST_REVIEW_DUE_TIMER = 'housing.request-review-due';

/**
 * Fires at the end of a request's review due day (Asia/Almaty). It runs inside the timer's
 * transaction as a unit of work (the platform wraps it), so the repository and the publishing of
 * recorded events work as in a command handler.
 */
@Injectable()
export class RequestReviewDueTimerHandler implements TimerHandler {
  readonly kind = REQUEST_REVIEW_DUE_TIMER;

  constructor(
    @Inject(HousingRequestRepository) private readonly requests: HousingRequestRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fire(timer: TimerRecord): Promise<void> {
    const requestId = timer.payload['requestId'];
    if (typeof requestId !== 'string') throw new Error(`timer ${timer.id} has no requestId`);
    const request = await this.requests.get(requestId);
    request.markOverdue(this.clock.now());
  }
}
