import type { IsoDate } from '@hub/calendar';
import type { DomainEvent } from '@hub/kernel';

/** This context learned of a new participant (from registration's participant-registered). */
export interface ParticipantJoined extends DomainEvent {
  readonly name: 'ParticipantJoined';
  readonly bin: string;
  readonly termStart: IsoDate;
  readonly termEnd: IsoDate;
}

export type NotificationsParticipantEvent = ParticipantJoined;

const NAMES: ReadonlySet<string> = new Set<NotificationsParticipantEvent['name']>(['ParticipantJoined']);

export const isNotificationsParticipantEvent = (e: DomainEvent): e is NotificationsParticipantEvent => NAMES.has(e.name);
