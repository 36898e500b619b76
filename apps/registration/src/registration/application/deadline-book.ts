import { Inject, Injectable } from '@nestjs/common';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { type WorkingDayCalendar, almatyDate, endOfAlmatyDay } from '@hub/calendar';
import { Clock, uuidv7 } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import type { ReferenceData } from '@hub/reference-data';
import { DEADLINE_KINDS, type DeadlineKind } from '../domain/deadline-kind.js';
import { DeadlineRowSchema, type DeadlineRow } from '../infrastructure/registration.schemas.js';
import { REFERENCE_DATA, WORKING_DAY_CALENDAR } from './registration.tokens.js';

export const DEADLINE_TIMER_KIND = 'registration.deadline-due';
export const deadlineTimerKey = (applicationId: string, kind: DeadlineKind): string => `${applicationId}:${kind}`;

/**
 * Opens and closes the Fund's statutory deadlines (ADR 0013): the due date is N working days
 * (reference-data) after the start on the Kazakh calendar; a durable timer fires at the end of the
 * due day (Asia/Almaty) and, if the step is still open, raises registration.deadline-missed.
 */
@Injectable()
export class DeadlineBook {
  constructor(
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(WORKING_DAY_CALENDAR) private readonly calendar: WorkingDayCalendar,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
  ) {}

  dueDate(kind: DeadlineKind, startedOn: string): string {
    return this.calendar.addWorkingDays(startedOn, this.reference.numberAt(DEADLINE_KINDS[kind].lengthKey, startedOn));
  }

  async open(em: SqlEntityManager, app: { id: string; bin: string }, kind: DeadlineKind): Promise<DeadlineRow> {
    const now = this.clock.now();
    const startedOn = almatyDate(now);
    const dueDate = this.dueDate(kind, startedOn);
    const dueAt = endOfAlmatyDay(dueDate);
    await em.nativeUpdate(DeadlineRowSchema, { applicationId: app.id, kind, status: 'open' }, { status: 'met', closedAt: now });
    const row = em.create(DeadlineRowSchema, {
      id: uuidv7(now.getTime()),
      applicationId: app.id,
      bin: app.bin,
      kind,
      ruleId: DEADLINE_KINDS[kind].ruleId,
      startedOn,
      dueDate,
      dueAt,
      status: 'open',
      closedAt: null,
      missedAt: null,
      createdAt: now,
    });
    await em.flush();
    await this.timers.schedule(em, { kind: DEADLINE_TIMER_KIND, key: deadlineTimerKey(app.id, kind), dueAt, payload: { deadlineId: row.id } });
    return row;
  }

  /** The step was done: the deadline is met (even if late: missedAt stays as the record of lateness). */
  async close(em: SqlEntityManager, applicationId: string, kind: DeadlineKind): Promise<void> {
    await em.nativeUpdate(DeadlineRowSchema, { applicationId, kind, status: 'open' }, { status: 'met', closedAt: this.clock.now() });
    await this.timers.cancel(em, DEADLINE_TIMER_KIND, deadlineTimerKey(applicationId, kind));
  }

  isOverdue(row: Pick<DeadlineRow, 'status' | 'dueAt'>, now = this.clock.now()): boolean {
    return row.status === 'open' && now.getTime() > new Date(row.dueAt).getTime();
  }

  workingDaysLeft(dueDate: string): number {
    return this.calendar.workingDaysBetween(almatyDate(this.clock.now()), dueDate);
  }
}
