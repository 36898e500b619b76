import type { IsoDate } from '@hub/calendar';
import type { DomainEvent } from '@hub/kernel';

/** What happened in the catalogue (internal for now: the catalogue is public over HTTP, nobody consumes it yet). */
export interface ServiceDefined extends DomainEvent {
  readonly name: 'ServiceDefined';
  readonly code: string;
}
export interface PriceListEntryAdded extends DomainEvent {
  readonly name: 'PriceListEntryAdded';
  readonly serviceId: string;
  readonly effectiveFrom: IsoDate;
}
export interface CallPublished extends DomainEvent {
  readonly name: 'CallPublished';
  readonly serviceId: string;
  readonly intakeOpensOn: IsoDate;
  readonly intakeClosesOn: IsoDate;
}
export type CatalogueEvent = ServiceDefined | PriceListEntryAdded | CallPublished;
