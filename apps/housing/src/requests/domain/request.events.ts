import type { IsoDate } from '@hub/calendar';
import type { DomainEvent } from '@hub/kernel';

/** What happened to a request, recorded by the aggregate (past tense). The integration-event mapper decides what is published. */
export interface RequestOpened extends DomainEvent {
  readonly name: 'RequestOpened';
  readonly bin: string;
  readonly subject: string;
  readonly reviewDueOn: IsoDate;
}

export interface RequestBecameOverdue extends DomainEvent {
  readonly name: 'RequestBecameOverdue';
  readonly bin: string;
  readonly reviewDueOn: IsoDate;
}

export type HousingRequestEvent = RequestOpened | RequestBecameOverdue;

const NAMES: ReadonlySet<string> = new Set<HousingRequestEvent['name']>(['RequestOpened', 'RequestBecameOverdue']);

export const isHousingRequestEvent = (e: DomainEvent): e is HousingRequestEvent => NAMES.has(e.name);
