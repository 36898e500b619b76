import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import type { Em, TimerHandler, TimerRecord } from '@hub/messaging';
import { DEADLINE_TIMER_KIND } from '../deadline-book.js';
import { DeadlineRepository } from '../ports/deadline.repository.js';

/**
 * Fires at the end of a deadline's due day (Asia/Almaty). If the step is still open, the deadline
 * is marked missed (DeadlineMissed → registration.deadline-missed, F-12 … F-20): the overdue step
 * stays visible in the queues and on the deadline board until it is done. Runs in the timer's
 * transaction, which the platform opens as a unit of work (recorded events are published).
 */
@Injectable()
export class DeadlineDueTimerHandler implements TimerHandler {
  readonly kind = DEADLINE_TIMER_KIND;

  constructor(
    @Inject(DeadlineRepository) private readonly deadlines: DeadlineRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fire(timer: TimerRecord, _em: Em): Promise<void> {
    const deadlineId = timer.payload['deadlineId'];
    if (typeof deadlineId !== 'string') throw new Error(`timer ${timer.id} has no deadlineId`);
    const deadline = await this.deadlines.find(deadlineId);
    deadline?.markMissed(this.clock.now());
  }
}
