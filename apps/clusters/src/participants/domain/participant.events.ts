import type { IsoDate } from '@hub/calendar';
import type { DomainEvent } from '@hub/kernel';

/** This context learned of a new participant (from registration's participant-registered). */
export interface ParticipantJoined extends DomainEvent {
  readonly name: 'ParticipantJoined';
  readonly bin: string;
  readonly termStart: IsoDate;
  readonly termEnd: IsoDate;
}

export type ClustersParticipantEvent = ParticipantJoined;

const NAMES: ReadonlySet<string> = new Set<ClustersParticipantEvent['name']>(['ParticipantJoined']);

export const isClustersParticipantEvent = (e: DomainEvent): e is ClustersParticipantEvent => NAMES.has(e.name);
