import type { DigestDeadline, DigestSource } from '../../domain/rules/staff-digest.rule.js';

/** What the board said: every open deadline due by the day asked (and the overdue ones), and how each context answered. */
export interface BoardReading {
  readonly items: readonly DigestDeadline[];
  readonly sources: readonly DigestSource[];
}

/**
 * The cross-context deadlines board (ADR 0033, 0047) as the staff digest reads it (ADR 0106 §5): the
 * admin gateway's `GET /deadlines`, merged and paged there, read to its end. Throws when the board
 * itself cannot be read (the gateway or the identity provider down, the credential refused); a context
 * the board could not read is a `source` with its status, never an exception.
 */
export abstract class DeadlinesBoard {
  abstract read(dueBefore: string): Promise<BoardReading>;
}
