import { Inject, Injectable } from '@nestjs/common';
import { almatyDate, startOfAlmatyDay } from '@hub/calendar';
import type { FeeAssessedV1, PayloadOf } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { reminderDay } from '../domain/rules/f-21-fee-notices.rule.js';
import { ReminderCalendar } from './ports/reminder-calendar.js';

export const FEE_REMINDER_TIMER = 'notifications.fee-due-reminder';
/** Reminders go out at 09:00 in Almaty, not at midnight. */
const REMINDER_HOUR_MS = 9 * 3_600_000;

/**
 * F-21 reminders (ADR 0093): a durable timer per assessed fee, at 09:00 Almaty on the working day
 * `reminder.fee-due-wd` working days before the due day; cancelled when the fee is found overdue.
 * Scheduled in the inbox's transaction of the fee-assessed event: both commit, or neither.
 */
@Injectable()
export class FeeReminders {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(ReminderCalendar) private readonly calendar: ReminderCalendar,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Arms the reminder; returns its day, or null when there is none (no fee, or the day has passed). */
  async arm(fee: PayloadOf<typeof FeeAssessedV1>, sourceEventId: string): Promise<string | null> {
    const today = almatyDate(this.clock.now());
    const day = reminderDay(fee, this.calendar.feeReminderWorkingDays(today), today, (d, n) => this.calendar.addWorkingDays(d, n));
    if (!day) return null;
    await this.timers.schedule(this.uow.em(), {
      kind: FEE_REMINDER_TIMER,
      key: fee.feeId,
      dueAt: new Date(startOfAlmatyDay(day).getTime() + REMINDER_HOUR_MS),
      payload: { sourceEventId, fee },
    });
    return day;
  }

  async cancel(feeId: string): Promise<void> {
    await this.timers.cancel(this.uow.em(), FEE_REMINDER_TIMER, feeId);
  }
}
