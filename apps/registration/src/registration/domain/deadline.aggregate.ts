import type { IsoDate } from '@hub/calendar';
import { AggregateRoot } from '@hub/kernel';
import { DEADLINE_KINDS, type DeadlineKind } from './deadline-kind.js';
import type { Mutable } from './mutable.js';
import type { DeadlineEvent } from './registration.events.js';

export type DeadlineStatus = 'open' | 'met';

/**
 * One of the Fund's statutory deadlines (F-12 … F-20, ADR 0013): due at the end of its due working
 * day (Asia/Almaty). The step that fulfils it closes it; if its durable timer finds it still open,
 * it is marked missed (and stays open, shown as overdue, until the step is done).
 */
export class Deadline extends AggregateRoot<DeadlineEvent> {
  readonly id!: string;
  readonly applicationId!: string;
  readonly bin!: string;
  readonly kind!: DeadlineKind;
  readonly ruleId!: string;
  readonly startedOn!: IsoDate;
  readonly dueDate!: IsoDate;
  readonly dueAt!: Date;
  readonly status!: DeadlineStatus;
  readonly closedAt!: Date | null;
  readonly missedAt!: Date | null;
  readonly createdAt!: Date;
  readonly version!: number;

  private get m(): Mutable<Deadline> {
    return this;
  }

  static open(input: {
    id: string;
    applicationId: string;
    bin: string;
    kind: DeadlineKind;
    startedOn: IsoDate;
    dueDate: IsoDate;
    dueAt: Date;
    at: Date;
  }): Deadline {
    const d = new Deadline();
    Object.assign(d, {
      id: input.id,
      applicationId: input.applicationId,
      bin: input.bin,
      kind: input.kind,
      ruleId: DEADLINE_KINDS[input.kind].ruleId,
      startedOn: input.startedOn,
      dueDate: input.dueDate,
      dueAt: input.dueAt,
      status: 'open',
      closedAt: null,
      missedAt: null,
      createdAt: input.at,
    });
    return d;
  }

  /** The step was done: the deadline is met (even if late: `missedAt` stays as the record of lateness). */
  close(at: Date): void {
    if (this.status !== 'open') return;
    this.m.status = 'met';
    this.m.closedAt = at;
  }

  /** The due moment passed with the step not done. Once only; a met deadline is never missed. Returns whether it was marked now. */
  markMissed(at: Date): boolean {
    if (this.status !== 'open' || this.missedAt) return false;
    this.m.missedAt = at;
    this.record({
      name: 'DeadlineMissed',
      aggregateId: this.applicationId,
      occurredAt: at,
      applicationId: this.applicationId,
      bin: this.bin,
      kind: this.kind,
      ruleId: this.ruleId,
      dueDate: this.dueDate,
    });
    return true;
  }

  isOverdue(now: Date): boolean {
    return this.status === 'open' && now.getTime() > this.dueAt.getTime();
  }
}
