import type { IsoDate } from '@hub/calendar';
import type { DomainEvent } from '@hub/kernel';

/** This context learned of a new participant (from registration's participant-registered). */
export interface ParticipantJoined extends DomainEvent {
  readonly name: 'ParticipantJoined';
  readonly bin: string;
  readonly termStart: IsoDate;
  readonly termEnd: IsoDate;
}

export type TrainingParticipantEvent = ParticipantJoined;

const NAMES: ReadonlySet<string> = new Set<TrainingParticipantEvent['name']>(['ParticipantJoined']);

export const isTrainingParticipantEvent = (e: DomainEvent): e is TrainingParticipantEvent => NAMES.has(e.name);
