import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { IsoDateSchema } from '@hub/contracts';
import type { Em, TimerHandler, TimerRecord } from '@hub/messaging';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../../config.js';
import { reportDueReminder } from '../../domain/rules/f-37-report-reminder.rule.js';
import { NoticeWriter } from '../notice-writer.js';
import { REPORT_REMINDER_TIMER, ReportReminders } from '../report-reminders.js';

const PayloadSchema = z.object({
  participationId: z.uuid(),
  bin: z.string().regex(/^\d{12}$/),
  termEnd: IsoDateSchema,
  year: z.number().int(),
  quarter: z.number().int().min(1).max(4),
  dueDate: IsoDateSchema,
});

/**
 * F-37 (ADR 0104): the reminder day of a quarterly report came — the reminder is written (portal, and
 * e-mail unless the company switched e-mail reminders off) and the next quarter's reminder armed, in
 * the timer's transaction — unless the quarter is already reported (ADR 0105). Its source is the timer row (a new id per quarter), so each quarter's
 * message is written once.
 */
@Injectable()
export class ReportDueReminderTimerHandler implements TimerHandler {
  readonly kind = REPORT_REMINDER_TIMER;

  constructor(
    @Inject(NoticeWriter) private readonly writer: NoticeWriter,
    @Inject(ReportReminders) private readonly reminders: ReportReminders,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async fire(timer: TimerRecord, _em: Em): Promise<void> {
    // Checked again: a timer row edited by hand fails loudly, not with a broken message.
    const p = PayloadSchema.parse(timer.payload);
    // ADR 0105: a quarter participation said is reported gets no reminder (a submission consumed while this timer was due).
    if (!(await this.reminders.isReported(p.participationId, p.year, p.quarter)))
      await this.writer.write({ id: timer.id, type: REPORT_REMINDER_TIMER }, reportDueReminder(p, this.config.NOTIFICATIONS_PORTAL_URL));
    // The next quarter: from the day after this report's due day, within the same term.
    await this.reminders.arm({ participationId: p.participationId, bin: p.bin, from: nextQuarterStart(p.year, p.quarter), termEnd: p.termEnd });
  }
}

const nextQuarterStart = (year: number, quarter: number): string =>
  quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
