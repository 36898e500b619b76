import type { IsoDate } from '@hub/calendar';
import type { TrainingParticipation } from '../../domain/participation.aggregate.js';

/** Port (ADR 0035 §4): the local copy of participation's facts. Works inside a unit of work. */
export abstract class TrainingParticipationRepository {
  abstract find(participationId: string): Promise<TrainingParticipation | null>;
  abstract add(participation: TrainingParticipation): void;
  /** Whether the BIN has a participation active on the day (F-77). */
  abstract isActiveParticipant(bin: string, day: IsoDate): Promise<boolean>;
}
