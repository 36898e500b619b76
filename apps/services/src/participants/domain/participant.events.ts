import type { IsoDate } from '@hub/calendar';
import type { DomainEvent } from '@hub/kernel';

/** This context's copy of participation's facts changed (internal: participation already published them). */
export interface ParticipationRecorded extends DomainEvent {
  readonly name: 'ParticipationRecorded';
  readonly bin: string;
  readonly termStart: IsoDate;
}
export interface ParticipationEndRecorded extends DomainEvent {
  readonly name: 'ParticipationEndRecorded';
  readonly bin: string;
  readonly endedOn: IsoDate;
}
export type ServicesParticipantEvent = ParticipationRecorded | ParticipationEndRecorded;
