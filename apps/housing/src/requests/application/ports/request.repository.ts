import type { HousingRequest } from '../../domain/request.aggregate.js';

/** Port (ADR 0035 §4): the requests, for the use cases. Works inside a unit of work. */
export abstract class HousingRequestRepository {
  /** The request, or NotFoundError (404). */
  abstract get(id: string): Promise<HousingRequest>;
  /** How many requests of the company are open or overdue (F-00, placeholder). */
  abstract countOpenOf(bin: string): Promise<number>;
  abstract add(request: HousingRequest): void;
}
