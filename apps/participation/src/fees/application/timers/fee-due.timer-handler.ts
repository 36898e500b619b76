import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import type { TimerHandler, TimerRecord } from '@hub/messaging';
import { TIMER } from '../../../shared/application/timer-kinds.js';
import { FeeRepository } from '../ports/fee.repository.js';

/**
 * F-21: the fee's due date passed unpaid (or undeclared) — overdue, early-termination ground
 * F-28(6). The fee records FeeBecameOverdue; the unit of work publishes fee-overdue.
 */
@Injectable()
export class FeeDueTimerHandler implements TimerHandler {
  readonly kind = TIMER.feeDue;

  constructor(
    @Inject(FeeRepository) private readonly fees: FeeRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Runs inside the poller's unit of work (the platform wraps timer handlers in UnitOfWork.within). */
  async fire(timer: TimerRecord): Promise<void> {
    const fee = await this.fees.get(timer.key);
    fee.markOverdue(this.clock.now());
  }
}
