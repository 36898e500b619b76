import type { IsoDate } from '@hub/calendar';
import type { ServiceCall } from '../../domain/call.aggregate.js';
import type { PriceListEntry } from '../../domain/price-list-entry.aggregate.js';
import type { CatalogueService } from '../../domain/service.aggregate.js';

/** Port (ADR 0035 §4): services, their price lists and calls, for the use cases. Works inside a unit of work. */
export abstract class CatalogueRepository {
  /** The service, or NotFoundError (404). */
  abstract getService(id: string): Promise<CatalogueService>;
  abstract addService(service: CatalogueService): void;
  abstract priceListOf(serviceId: string): Promise<PriceListEntry[]>;
  abstract addPrice(entry: PriceListEntry): void;
  /** The call, or NotFoundError (404). */
  abstract getCall(id: string): Promise<ServiceCall>;
  abstract addCall(call: ServiceCall): void;
  /** F-55: the earliest intake opening among the service's published calls; null when none is published. */
  abstract firstIntakeOpensOn(serviceId: string): Promise<IsoDate | null>;
}
