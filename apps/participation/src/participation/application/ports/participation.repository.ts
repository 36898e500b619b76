import type { Participation } from '../../domain/participation.aggregate.js';

/** Participations, in the current unit of work (ADR 0035 §4). */
export abstract class ParticipationRepository {
  /** The participation, or NotFoundError. */
  abstract get(id: string): Promise<Participation>;
  abstract findByParticipant(participantId: string): Promise<Participation | null>;
  abstract add(participation: Participation): void;
}
