import { Inject, Injectable } from '@nestjs/common';
import { type IsoDate, almatyDate, startOfAlmatyDay } from '@hub/calendar';
import { Clock } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { type ReportReminder, nextReportReminder } from '../domain/rules/f-37-report-reminder.rule.js';
import { ReminderCalendar } from './ports/reminder-calendar.js';

export const REPORT_REMINDER_TIMER = 'notifications.report-due-reminder';
/** Reminders go out at 09:00 in Almaty, as the fee reminders (ADR 0093). */
const REMINDER_HOUR_MS = 9 * 3_600_000;

/** What the timer carries: the participation, its company and the term it reminds within. */
export interface ReportReminderPayload {
  readonly participationId: string;
  readonly bin: string;
  readonly termEnd: IsoDate;
  readonly year: number;
  readonly quarter: number;
  readonly dueDate: IsoDate;
}

/**
 * F-37 reminders (ADR 0104): one live durable timer per participation (key = participation id), at
 * 09:00 Almaty on the reminder day of its next quarterly report. Armed when the participation starts
 * (and again when it is extended: the live timer is re-armed, a finished chain restarts), re-armed for
 * the next quarter when it fires, cancelled when the participation is terminated. Scheduled in the
 * inbox's or the timer's transaction.
 */
@Injectable()
export class ReportReminders {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(ReminderCalendar) private readonly calendar: ReminderCalendar,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Arms the next reminder after today; returns it, or null when the term has no report left to remind of. */
  async arm(p: { participationId: string; bin: string; from: IsoDate; termEnd: IsoDate }): Promise<ReportReminder | null> {
    const next = nextReportReminder({ from: p.from, termEnd: p.termEnd }, almatyDate(this.clock.now()), this.calendar);
    if (!next) return null;
    const payload: ReportReminderPayload = {
      participationId: p.participationId,
      bin: p.bin,
      termEnd: p.termEnd,
      year: next.year,
      quarter: next.quarter,
      dueDate: next.dueDate,
    };
    await this.timers.schedule(this.uow.em(), {
      kind: REPORT_REMINDER_TIMER,
      key: p.participationId,
      dueAt: new Date(startOfAlmatyDay(next.day).getTime() + REMINDER_HOUR_MS),
      payload: { ...payload },
    });
    return next;
  }

  async cancel(participationId: string): Promise<void> {
    await this.timers.cancel(this.uow.em(), REPORT_REMINDER_TIMER, participationId);
  }
}
