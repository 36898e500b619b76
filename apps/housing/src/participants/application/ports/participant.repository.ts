import type { HousingParticipant } from '../../domain/participant.aggregate.js';

/** Port (ADR 0035 §4): this context's participants. Works inside a unit of work — a command's, or an inbox handler's. */
export abstract class HousingParticipantRepository {
  /** The participant with registration's participant id, or null. */
  abstract find(participantId: string): Promise<HousingParticipant | null>;
  /** The participant of the company (its latest participation), or null. */
  abstract findByBin(bin: string): Promise<HousingParticipant | null>;
  abstract add(participant: HousingParticipant): void;
}
