import type { ClustersParticipant } from '../../domain/participant.aggregate.js';

/** Port (ADR 0035 §4): this context's participants. Works inside a unit of work — a command's, or an inbox handler's. */
export abstract class ClustersParticipantRepository {
  /** The participant with registration's participant id, or null. */
  abstract find(participantId: string): Promise<ClustersParticipant | null>;
  abstract add(participant: ClustersParticipant): void;
}
