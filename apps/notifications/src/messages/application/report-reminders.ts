import { Inject, Injectable } from '@nestjs/common';
import { type IsoDate, almatyDate, startOfAlmatyDay } from '@hub/calendar';
import { Clock } from '@hub/kernel';
import { Timers, sql } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { type ReportReminder, nextReportReminder, quarterStart } from '../domain/rules/f-37-report-reminder.rule.js';
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
 * the next quarter when it fires, cancelled when the participation is terminated. A quarter reported
 * (participation's `report-submitted`, ADR 0105) is recorded and skipped: the live timer for it moves
 * on to the next quarter not reported. Scheduled in the inbox's or the timer's transaction.
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
    const reported = await this.reportedQuarters(p.participationId);
    const next = nextReportReminder({ from: p.from, termEnd: p.termEnd }, almatyDate(this.clock.now()), this.calendar, (y, q) => reported.has(`${y}-${q}`));
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

  /**
   * F-37, ADR 0105: the quarter is reported — recorded once; when the live timer reminds of that
   * quarter it moves to the next quarter not reported (or goes when none is left in the term).
   */
  async reported(r: { participationId: string; bin: string; reportId: string; year: number; quarter: number; submittedOn: IsoDate }): Promise<void> {
    const em = this.uow.em();
    await sql(
      em,
      `insert into notifications_reported_quarter (participation_id, year, quarter, report_id, submitted_on, created_at)
       values (?, ?, ?, ?, ?, ?) on conflict do nothing`,
      [r.participationId, r.year, r.quarter, r.reportId, r.submittedOn, this.clock.now()],
    );
    const live = await this.timers.find(em, REPORT_REMINDER_TIMER, r.participationId);
    if (live?.status !== 'scheduled') return;
    const p = live.payload as unknown as ReportReminderPayload;
    if (p.year !== r.year || p.quarter !== r.quarter) return;
    const next = await this.arm({ participationId: r.participationId, bin: r.bin, from: quarterStart(p.year, p.quarter), termEnd: p.termEnd });
    // Nothing left to remind of in the term: the reminder for the reported quarter must not stay behind.
    if (!next) await this.cancel(r.participationId);
  }

  /** Whether participation said the quarter is reported (ADR 0105). */
  async isReported(participationId: string, year: number, quarter: number): Promise<boolean> {
    return (await this.reportedQuarters(participationId)).has(`${year}-${quarter}`);
  }

  private async reportedQuarters(participationId: string): Promise<Set<string>> {
    const rows = await sql<{ year: number; quarter: number }>(
      this.uow.em(),
      `select year, quarter from notifications_reported_quarter where participation_id = ?`,
      [participationId],
    );
    return new Set(rows.map((r) => `${r.year}-${r.quarter}`));
  }

  async cancel(participationId: string): Promise<void> {
    await this.timers.cancel(this.uow.em(), REPORT_REMINDER_TIMER, participationId);
  }
}
