import type { ServiceApplication } from '../../domain/service-application.aggregate.js';

/** Port (ADR 0035 §4): service applications, for the use cases. Works inside a unit of work. */
export abstract class ServiceApplicationRepository {
  /** The application, or NotFoundError (404). */
  abstract get(id: string): Promise<ServiceApplication>;
  /** Persist a new one: a second live application of the recipient for the call is 409 (unique index; refused ones excepted, F-54). */
  abstract add(application: ServiceApplication): void;
}
