import type { IsoDate } from '@hub/calendar';
import type { DomainEvent } from '@hub/kernel';

/** This context learned of a new participant (from registration's participant-registered). */
export interface ParticipantJoined extends DomainEvent {
  readonly name: 'ParticipantJoined';
  readonly bin: string;
  readonly termStart: IsoDate;
  readonly termEnd: IsoDate;
}

export type HousingParticipantEvent = ParticipantJoined;

const NAMES: ReadonlySet<string> = new Set<HousingParticipantEvent['name']>(['ParticipantJoined']);

export const isHousingParticipantEvent = (e: DomainEvent): e is HousingParticipantEvent => NAMES.has(e.name);
