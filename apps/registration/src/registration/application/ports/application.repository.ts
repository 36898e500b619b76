import type { Application } from '../../domain/application.aggregate.js';
import type { ApplicationKind } from '../../domain/application-status.js';
import type { Participant } from '../../domain/participant.aggregate.js';

/** What a new application of a company starts from (F-8, F-17, F-20, F-25 → F-8). */
export interface ApplicationStartingPoint {
  /** The company's application of this kind still being processed, if any. */
  readonly open: { readonly id: string; readonly status: string } | null;
  /** The company's latest participant record (managed by the unit of work, like `ParticipantRepository.findByBin`). */
  readonly latestParticipant: Participant | null;
}

/** Port: where applications are kept (ADR 0035 §4). The abstract class is also the injection token. */
export abstract class ApplicationRepository {
  /** The application, or NotFoundError (404). */
  abstract get(id: string): Promise<Application>;
  abstract find(id: string): Promise<Application | null>;
  /** The company's application of this kind still being processed, if any (F-17: a new one only after the last one ended). */
  abstract findOpen(bin: string, kind: ApplicationKind): Promise<Application | null>;
  /**
   * Issue #17: `findOpen` and `ParticipantRepository.findByBin` in ONE statement — the two checks
   * every new application makes before it is created, one round trip instead of two.
   */
  abstract startingPoint(bin: string, kind: ApplicationKind): Promise<ApplicationStartingPoint>;
  /** A new application, saved with the unit of work (changes to loaded ones are saved without a call). */
  abstract add(application: Application): void;
}
