import type { Deadline } from '../../domain/deadline.aggregate.js';
import type { DeadlineKind } from '../../domain/deadline-kind.js';

/** Port: the Fund's statutory deadlines of applications. */
export abstract class DeadlineRepository {
  abstract find(id: string): Promise<Deadline | null>;
  /** The open deadlines of this kind of one application (at most one in practice). */
  abstract openOf(applicationId: string, kind: DeadlineKind): Promise<Deadline[]>;
  abstract add(deadline: Deadline): void;
}
