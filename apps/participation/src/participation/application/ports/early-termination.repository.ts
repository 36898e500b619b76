import type { EarlyTermination } from '../../domain/early-termination.aggregate.js';

/** Early-termination cases (F-28 … F-30), in the current unit of work. */
export abstract class EarlyTerminationRepository {
  /** The case, or NotFoundError. */
  abstract get(id: string): Promise<EarlyTermination>;
  /** The case still open (pending the Commission or scheduled) for the participation, if any. */
  abstract findOpen(participationId: string): Promise<EarlyTermination | null>;
  abstract add(kase: EarlyTermination): void;
}
