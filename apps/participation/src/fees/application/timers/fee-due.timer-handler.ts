import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@hub/kernel';
import type { Em, TimerHandler, TimerRecord } from '@hub/messaging';
import { ContextServices } from '../../../shared/application/platform.js';
import { TIMER } from '../../../shared/application/timer-kinds.js';
import { Fee } from '../../domain/fee.aggregate.js';
import { publishFeeEvents } from '../publish-fee-events.js';

/** F-21: the fee's due date passed unpaid (or undeclared) — overdue, early-termination ground F-28(6). */
@Injectable()
export class FeeDueTimerHandler implements TimerHandler {
  readonly kind = TIMER.feeDue;

  constructor(@Inject(ContextServices) private readonly ctx: ContextServices) {}

  async fire(timer: TimerRecord, em: Em): Promise<void> {
    const fee = await em.findOne(Fee, { id: timer.key });
    if (!fee) throw new NotFoundError('fee', timer.key);
    fee.markOverdue(this.ctx.now());
    await publishFeeEvents(this.ctx, em, fee);
  }
}
