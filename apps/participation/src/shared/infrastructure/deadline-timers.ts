import { Inject, Injectable } from '@nestjs/common';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { DeadlineTimers } from '../application/ports/deadline-timers.js';
import type { IsoDate } from '../domain/calendar.js';
import { Deadlines } from '../domain/deadlines.js';

/** DeadlineTimers on the platform's durable timers, in the unit of work's transaction. */
@Injectable()
export class PlatformDeadlineTimers extends DeadlineTimers {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(Timers) private readonly timers: Timers,
  ) {
    super();
  }

  scheduleDeadline(kind: string, key: string, dueDate: IsoDate, payload: Record<string, unknown> = {}): Promise<void> {
    return this.timers.schedule(this.uow.em(), { kind, key, dueAt: Deadlines.missedAt(dueDate), payload: { ...payload, dueDate } });
  }

  scheduleAt(kind: string, key: string, dueAt: Date, payload: Record<string, unknown> = {}): Promise<void> {
    return this.timers.schedule(this.uow.em(), { kind, key, dueAt, payload });
  }

  async cancel(kind: string, key: string): Promise<void> {
    await this.timers.cancel(this.uow.em(), kind, key);
  }
}
