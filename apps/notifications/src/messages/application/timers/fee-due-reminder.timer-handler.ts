import { Inject, Injectable } from '@nestjs/common';
import { FeeAssessedV1 } from '@hub/contracts';
import type { Em, TimerHandler, TimerRecord } from '@hub/messaging';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../../config.js';
import { feeDueReminder } from '../../domain/rules/f-21-fee-notices.rule.js';
import { FEE_REMINDER_TIMER } from '../fee-reminders.js';
import { NoticeWriter } from '../notice-writer.js';

/**
 * F-21 (ADR 0093): the reminder day of a fee came — the reminder is written (portal, and e-mail
 * unless the company switched e-mail reminders off) in the timer's transaction. Its source is the
 * timer itself, so the message's unique key holds even if the same fee were assessed again.
 */
@Injectable()
export class FeeDueReminderTimerHandler implements TimerHandler {
  readonly kind = FEE_REMINDER_TIMER;

  constructor(
    @Inject(NoticeWriter) private readonly writer: NoticeWriter,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async fire(timer: TimerRecord, _em: Em): Promise<void> {
    // The payload was the consumed event's, checked again: a timer row edited by hand fails loudly, not with a broken message.
    const fee = FeeAssessedV1.payload.parse(timer.payload['fee']);
    await this.writer.write({ id: timer.id, type: FEE_REMINDER_TIMER }, feeDueReminder(fee, this.config.NOTIFICATIONS_PORTAL_URL));
  }
}
