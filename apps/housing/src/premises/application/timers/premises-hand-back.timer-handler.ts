import { Inject, Injectable } from '@nestjs/common';
import { almatyDate } from '@hub/calendar';
import { Clock } from '@hub/kernel';
import type { TimerHandler, TimerRecord } from '@hub/messaging';
import { PREMISES_HAND_BACK_TIMER } from '../premises-hand-back.js';
import { PremisesLeaseRepository } from '../ports/premises.repository.js';

/**
 * ADR 0053 (F-58): the hand-back day ended without the act — the lease is overdue (a lease whose term
 * ended unreleased is released as `term-ended` first); `housing.premises-hand-back-overdue` v1 and
 * `overdue: true` on `GET /deadlines` escalate it to the housing manager.
 */
@Injectable()
export class PremisesHandBackDueTimerHandler implements TimerHandler {
  readonly kind = PREMISES_HAND_BACK_TIMER;
  constructor(
    @Inject(PremisesLeaseRepository) private readonly leases: PremisesLeaseRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async fire(timer: TimerRecord): Promise<void> {
    const id = timer.payload['leaseId'];
    if (typeof id !== 'string') throw new Error(`timer ${timer.id} has no leaseId`);
    const now = this.clock.now();
    (await this.leases.get(id)).markHandBackOverdue(almatyDate(now), now);
  }
}
