import type { Application } from '../../domain/application.aggregate.js';
import type { ApplicationKind } from '../../domain/application-status.js';

/** Port: where applications are kept (ADR 0035 §4). The abstract class is also the injection token. */
export abstract class ApplicationRepository {
  /** The application, or NotFoundError (404). */
  abstract get(id: string): Promise<Application>;
  abstract find(id: string): Promise<Application | null>;
  /** The company's application of this kind still being processed, if any (F-17: a new one only after the last one ended). */
  abstract findOpen(bin: string, kind: ApplicationKind): Promise<Application | null>;
  /** A new application, saved with the unit of work (changes to loaded ones are saved without a call). */
  abstract add(application: Application): void;
}
