import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { IsoDateSchema } from '@hub/contracts';
import type { Em, TimerHandler, TimerRecord } from '@hub/messaging';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../../config.js';
import { ReminderCalendar } from '../ports/reminder-calendar.js';
import { STAFF_DIGEST_TIMER, StaffDigests } from '../staff-digests.js';

const PayloadSchema = z.object({ day: IsoDateSchema });

/**
 * ADR 0108: 08:30 Almaty on a working day — the next working day's digest is armed and the day's
 * digests written, in the timer's transaction. The board unreadable: the timer tries again with the
 * platform's backoff, and on its last try (`NOTIFICATIONS_DIGEST_BOARD_TRIES`) the digests go out
 * naming every context unavailable; the chain of days never breaks on a bad morning.
 */
@Injectable()
export class StaffDigestTimerHandler implements TimerHandler {
  readonly kind = STAFF_DIGEST_TIMER;

  constructor(
    @Inject(StaffDigests) private readonly digests: StaffDigests,
    @Inject(ReminderCalendar) private readonly calendar: ReminderCalendar,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async fire(timer: TimerRecord, _em: Em): Promise<void> {
    const { day } = PayloadSchema.parse(timer.payload);
    await this.digests.arm(this.calendar.addWorkingDays(day, 1));
    // `attempts` counts the tries before this one.
    await this.digests.write(day, timer.attempts + 1 >= this.config.NOTIFICATIONS_DIGEST_BOARD_TRIES);
  }
}
