import type { Participant } from '../../domain/participant.aggregate.js';

/** Port: the participants (registry entries) of the Fund. */
export abstract class ParticipantRepository {
  /** The participant, or NotFoundError (404). */
  abstract get(id: string): Promise<Participant>;
  abstract find(id: string): Promise<Participant | null>;
  /** The company's LATEST participant record: after an ended participation a company may register again (F-25 → F-8). */
  abstract findByBin(bin: string): Promise<Participant | null>;
  abstract add(participant: Participant): void;
}
