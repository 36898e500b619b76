import { Inject, Injectable, Logger } from '@nestjs/common';
import { z } from 'zod';
import { almatyDate } from '@hub/calendar';
import { Clock } from '@hub/kernel';
import { IsoDateSchema } from '@hub/contracts';
import type { Em, TimerHandler, TimerRecord } from '@hub/messaging';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../../config.js';
import { ReminderCalendar } from '../ports/reminder-calendar.js';
import { nextDigestDay } from '../../domain/rules/staff-digest.rule.js';
import { STAFF_DIGEST_TIMER, StaffDigests } from '../staff-digests.js';

const PayloadSchema = z.object({ day: IsoDateSchema });

/**
 * ADR 0108: 08:30 Almaty on a working day — the next working day's digest is armed and the day's
 * digests written, in the timer's transaction. The board unreadable: the timer tries again with the
 * platform's backoff, and on its last try (`NOTIFICATIONS_DIGEST_BOARD_TRIES`) the digests go out
 * naming every context unavailable; the chain of days never breaks on a bad morning. A digest of a day
 * already past (the workers were down over it) is not sent late: the chain resumes at the next digest
 * morning from now, and the skipped day is logged — no burst of stale digests after an outage.
 */
@Injectable()
export class StaffDigestTimerHandler implements TimerHandler {
  readonly kind = STAFF_DIGEST_TIMER;
  private readonly logger = new Logger(StaffDigestTimerHandler.name);

  constructor(
    @Inject(Clock) private readonly clock: Clock,
    @Inject(StaffDigests) private readonly digests: StaffDigests,
    @Inject(ReminderCalendar) private readonly calendar: ReminderCalendar,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async fire(timer: TimerRecord, _em: Em): Promise<void> {
    const { day } = PayloadSchema.parse(timer.payload);
    const now = this.clock.now();
    if (day < almatyDate(now)) {
      const next = nextDigestDay(now, this.calendar);
      this.logger.warn(`the staff digest of ${day} was due while the workers were down; not sent late — the next is on ${next}`);
      await this.digests.arm(next);
      return;
    }
    await this.digests.arm(this.calendar.addWorkingDays(day, 1));
    // `attempts` counts the tries before this one.
    await this.digests.write(day, timer.attempts + 1 >= this.config.NOTIFICATIONS_DIGEST_BOARD_TRIES);
  }
}
