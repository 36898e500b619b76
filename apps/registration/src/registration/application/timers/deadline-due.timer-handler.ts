import { Inject, Injectable } from '@nestjs/common';
import { RegistrationDeadlineMissedV1 } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import { type Em, Outbox, type TimerHandler, type TimerRecord } from '@hub/messaging';
import type { DeadlineKind } from '../../domain/deadline-kind.js';
import { DeadlineRowSchema } from '../../infrastructure/registration.schemas.js';
import { DEADLINE_TIMER_KIND } from '../deadline-book.js';

/**
 * Fires at the end of a deadline's due day (Asia/Almaty). If the step is still open, the deadline
 * is marked missed and registration.deadline-missed is published (F-12 … F-20): the overdue step
 * stays visible in the queues and on the deadline board until it is done.
 */
@Injectable()
export class DeadlineDueTimerHandler implements TimerHandler {
  readonly kind = DEADLINE_TIMER_KIND;

  constructor(
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fire(timer: TimerRecord, em: Em): Promise<void> {
    const deadlineId = timer.payload['deadlineId'];
    if (typeof deadlineId !== 'string') throw new Error(`timer ${timer.id} has no deadlineId`);
    const deadline = await em.findOne(DeadlineRowSchema, { id: deadlineId });
    if (!deadline || deadline.status !== 'open' || deadline.missedAt) return;
    const now = this.clock.now();
    deadline.missedAt = now;
    await em.flush();
    await this.outbox.add(
      em,
      RegistrationDeadlineMissedV1,
      deadline.applicationId,
      { applicationId: deadline.applicationId, bin: deadline.bin, kind: deadline.kind as DeadlineKind, ruleId: deadline.ruleId, dueDate: deadline.dueDate, missedAt: now.toISOString() },
      { key: deadline.bin },
    );
  }
}
