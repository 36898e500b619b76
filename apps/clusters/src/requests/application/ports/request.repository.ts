import type { ClustersRequest } from '../../domain/request.aggregate.js';

/** Port (ADR 0035 §4): the requests, for the use cases. Works inside a unit of work. */
export abstract class ClustersRequestRepository {
  /** The request, or NotFoundError (404). */
  abstract get(id: string): Promise<ClustersRequest>;
  /** How many requests of the company are open or overdue (F-00, placeholder). */
  abstract countOpenOf(bin: string): Promise<number>;
  abstract add(request: ClustersRequest): void;
}
