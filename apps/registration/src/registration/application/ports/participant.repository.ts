import type { Participant } from '../../domain/participant.aggregate.js';

/** Port: the participants (registry entries) of the Fund. */
export abstract class ParticipantRepository {
  /** The participant, or NotFoundError (404). */
  abstract get(id: string): Promise<Participant>;
  abstract findByBin(bin: string): Promise<Participant | null>;
  abstract add(participant: Participant): void;
}
