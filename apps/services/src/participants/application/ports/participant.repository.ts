import type { IsoDate } from '@hub/calendar';
import type { ServicesParticipation } from '../../domain/participant.aggregate.js';

/** Port (ADR 0035 §4): the local copy of participation's facts. Works inside a unit of work. */
export abstract class ServicesParticipationRepository {
  abstract find(participationId: string): Promise<ServicesParticipation | null>;
  abstract add(participation: ServicesParticipation): void;
  /** Whether the BIN has a participation active on the day (F-43, F-56). */
  abstract isActiveParticipant(bin: string, day: IsoDate): Promise<boolean>;
}
