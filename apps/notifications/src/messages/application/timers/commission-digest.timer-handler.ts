import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Em, TimerHandler, TimerRecord } from '@hub/messaging';
import { COMMISSION_DIGEST_TIMER, CommissionDigests } from '../commission-digests.js';

/**
 * ADR 0138 §4 on ADR 0108 §4's chain: 08:30 Almaty on a working day — the next working day's digest armed and
 * the day's members' digests written, in the timer's transaction; a day already past is skipped, not sent late.
 */
@Injectable()
export class CommissionDigestTimerHandler implements TimerHandler {
  readonly kind = COMMISSION_DIGEST_TIMER;
  private readonly logger = new Logger(CommissionDigestTimerHandler.name);

  constructor(@Inject(CommissionDigests) private readonly digests: CommissionDigests) {}

  async fire(timer: TimerRecord, _em: Em): Promise<void> {
    const day = await this.digests.chain.advance(timer, this.logger);
    if (day !== null) await this.digests.write(day);
  }
}
