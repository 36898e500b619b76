import type { IsoDate } from '../../domain/calendar.js';

/**
 * The durable timers of the context's statutory deadlines (ADR 0007), in the current unit of work:
 * a timer scheduled or cancelled here commits with the aggregate that needs it, or not at all.
 */
export abstract class DeadlineTimers {
  /** A deadline "by dueDate": fires at the first instant after that day (Almaty). */
  abstract scheduleDeadline(kind: string, key: string, dueDate: IsoDate, payload?: Record<string, unknown>): Promise<void>;
  /** A timer at an exact instant. */
  abstract scheduleAt(kind: string, key: string, dueAt: Date, payload?: Record<string, unknown>): Promise<void>;
  abstract cancel(kind: string, key: string): Promise<void>;
}
