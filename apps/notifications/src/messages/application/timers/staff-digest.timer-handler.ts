import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Em, TimerHandler, TimerRecord } from '@hub/messaging';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../../config.js';
import { STAFF_DIGEST_TIMER, StaffDigests } from '../staff-digests.js';

/**
 * ADR 0108: 08:30 Almaty on a working day — the next working day's digest is armed and the day's
 * digests written, in the timer's transaction (the chain and its stale-day rule: `DailyDigestChain`).
 * The board unreadable: the timer tries again with the platform's backoff, and on its last try
 * (`NOTIFICATIONS_DIGEST_BOARD_TRIES`) the digests go out naming every context unavailable; the chain of
 * days never breaks on a bad morning. A digest of a day already past (the workers were down over it) is
 * not sent late: the chain resumes at the next digest morning from now, and the skipped day is logged.
 */
@Injectable()
export class StaffDigestTimerHandler implements TimerHandler {
  readonly kind = STAFF_DIGEST_TIMER;
  private readonly logger = new Logger(StaffDigestTimerHandler.name);

  constructor(
    @Inject(StaffDigests) private readonly digests: StaffDigests,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async fire(timer: TimerRecord, _em: Em): Promise<void> {
    const day = await this.digests.chain.advance(timer, this.logger);
    if (day === null) return;
    // `attempts` counts the tries before this one.
    await this.digests.write(day, timer.attempts + 1 >= this.config.NOTIFICATIONS_DIGEST_BOARD_TRIES);
  }
}
