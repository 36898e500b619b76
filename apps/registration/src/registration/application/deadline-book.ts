import { Inject, Injectable } from '@nestjs/common';
import { type IsoDate, almatyDate, endOfAlmatyDay } from '@hub/calendar';
import { Clock, uuidv7 } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { Deadline } from '../domain/deadline.aggregate.js';
import type { DeadlineKind } from '../domain/deadline-kind.js';
import { DeadlinePolicy } from './ports/deadline-policy.port.js';
import { DeadlineRepository } from './ports/deadline.repository.js';

export const DEADLINE_TIMER_KIND = 'registration.deadline-due';
export const deadlineTimerKey = (applicationId: string, kind: DeadlineKind): string => `${applicationId}:${kind}`;

/**
 * Opens and closes the Fund's statutory deadlines of an application (ADR 0013), inside the
 * command's unit of work: the Deadline row plus a durable timer at the end of the due day
 * (Asia/Almaty) that, if the step is still open, marks it missed (registration.deadline-missed).
 */
@Injectable()
export class DeadlineBook {
  constructor(
    @Inject(DeadlineRepository) private readonly deadlines: DeadlineRepository,
    @Inject(DeadlinePolicy) private readonly policy: DeadlinePolicy,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
  ) {}

  /** When a deadline of `kind` started today would be due. */
  dueDateFromToday(kind: DeadlineKind): IsoDate {
    return this.policy.dueDate(kind, almatyDate(this.clock.now()));
  }

  dueDate(kind: DeadlineKind, startedOn: IsoDate): IsoDate {
    return this.policy.dueDate(kind, startedOn);
  }

  /**
   * Starts a deadline of `kind` on `startedOn` — today unless the rule counts from an earlier fact:
   * F-17 from the Commission's decision date, F-18/F-19 from the contract's signing date. An open
   * one of the same kind is closed first (the clock starts again).
   */
  async open(app: { id: string; bin: string }, kind: DeadlineKind, startedOn: IsoDate = almatyDate(this.clock.now())): Promise<Deadline> {
    const now = this.clock.now();
    for (const d of await this.deadlines.openOf(app.id, kind)) d.close(now);
    const dueDate = this.policy.dueDate(kind, startedOn);
    const deadline = Deadline.open({
      id: uuidv7(now.getTime()),
      applicationId: app.id,
      bin: app.bin,
      kind,
      startedOn,
      dueDate,
      dueAt: endOfAlmatyDay(dueDate),
      at: now,
    });
    this.deadlines.add(deadline);
    await this.timers.schedule(this.uow.em(), {
      kind: DEADLINE_TIMER_KIND,
      key: deadlineTimerKey(app.id, kind),
      dueAt: deadline.dueAt,
      payload: { deadlineId: deadline.id },
    });
    return deadline;
  }

  /** The step was done: the deadline is met (even if late) and its timer cancelled. */
  async close(applicationId: string, kind: DeadlineKind): Promise<void> {
    const now = this.clock.now();
    for (const d of await this.deadlines.openOf(applicationId, kind)) d.close(now);
    await this.timers.cancel(this.uow.em(), DEADLINE_TIMER_KIND, deadlineTimerKey(applicationId, kind));
  }
}
