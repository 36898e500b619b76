import { Inject, Injectable } from '@nestjs/common';
import { type IsoDate, almatyDate, startOfAlmatyDay } from '@hub/calendar';
import { Clock } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { type ObligationKind, type ObligationReminderPayload, obligationReminderDay } from '../domain/rules/obligation-reminder.js';
import { type ObligationReminderKey, ReminderCalendar } from './ports/reminder-calendar.js';

export const OBLIGATION_REMINDER_TIMER = 'notifications.obligation-reminder';
/** Reminders go out at 09:00 in Almaty, as the fee and report reminders (ADR 0093, 0104). */
const REMINDER_HOUR_MS = 9 * 3_600_000;

const OFFSET: Readonly<Record<ObligationKind, ObligationReminderKey>> = {
  'information-request': 'reminder.information-request-wd',
  'audit-opinion': 'reminder.audit-opinion-wd',
  'extension-window': 'reminder.extension-window-wd',
};

const keyOf = (obligation: ObligationKind, id: string): string => `${obligation}:${id}`;

/**
 * ADR 0105: the reminders of F-32/F-38 (information requests), F-33 (the audit opinion) and F-25 (the
 * extension window) — one durable timer per obligation (key `<obligation>:<id>`), at 09:00 Almaty on
 * the working day `reminder.*-wd` before the due day; armed from participation's facts, cancelled by
 * the answer, the opinion, or the participation's end; re-armed by an extension (F-25). Scheduled in
 * the inbox's transaction.
 */
@Injectable()
export class ObligationReminders {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(ReminderCalendar) private readonly calendar: ReminderCalendar,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Arms (or re-arms) the reminder; returns its day, or null when it is too late to remind. */
  async arm(p: ObligationReminderPayload): Promise<IsoDate | null> {
    const days = this.calendar.obligationReminderWorkingDays(OFFSET[p.obligation], p.dueDate);
    const day = obligationReminderDay(p.dueDate, days, almatyDate(this.clock.now()), (d, n) => this.calendar.addWorkingDays(d, n));
    if (!day) {
      await this.cancel(p.obligation, p.obligationId);
      return null;
    }
    await this.timers.schedule(this.uow.em(), {
      kind: OBLIGATION_REMINDER_TIMER,
      key: keyOf(p.obligation, p.obligationId),
      dueAt: new Date(startOfAlmatyDay(day).getTime() + REMINDER_HOUR_MS),
      payload: { ...p },
    });
    return day;
  }

  /** F-25: the extension window of a term ending on `termEnd` (the deadline given by participation, else computed as it does). */
  armExtensionWindow(p: { participationId: string; bin: string; termEnd: IsoDate; extensionDeadline: IsoDate | null }): Promise<IsoDate | null> {
    return this.arm({
      obligation: 'extension-window',
      obligationId: p.participationId,
      participationId: p.participationId,
      bin: p.bin,
      dueDate: p.extensionDeadline ?? this.calendar.extensionDeadline(p.termEnd),
      termEnd: p.termEnd,
    });
  }

  async cancel(obligation: ObligationKind, id: string): Promise<void> {
    await this.timers.cancel(this.uow.em(), OBLIGATION_REMINDER_TIMER, keyOf(obligation, id));
  }
}
