import type { Allocation } from '../../domain/allocation.aggregate.js';
import type { Enrolment } from '../../domain/enrolment.aggregate.js';
import type { HousingCase } from '../../domain/housing-case.aggregate.js';

/** Port (ADR 0035 §4): enrolments, cases and allocations, inside a unit of work (a command's, a timer's or an inbox handler's). */
export abstract class AccelerationRepository {
  abstract enrolment(enrolmentId: string): Promise<Enrolment | null>;
  abstract addEnrolment(e: Enrolment): void;
  /** The case, or NotFoundError (404). */
  abstract case(id: string): Promise<HousingCase>;
  abstract liveCaseOf(enrolmentId: string): Promise<HousingCase | null>;
  /** The town's waiting cases (any order: the domain orders them, F-62). */
  abstract waitingIn(townKatoCode: string): Promise<HousingCase[]>;
  abstract addCase(c: HousingCase): void;
  /** The allocation, or NotFoundError (404). */
  abstract allocation(id: string): Promise<Allocation>;
  /** Allocations holding a bed (offered … vacating) in these units. */
  abstract holdingIn(unitIds: readonly string[]): Promise<Allocation[]>;
  /** Allocations of the enrolment that still hold a bed. */
  abstract holdingOf(enrolmentId: string): Promise<Allocation[]>;
  abstract addAllocation(a: Allocation): void;
  /** F-42 (ADR 0124): every request made under the enrolment, and every allocation of those requests. */
  abstract casesOf(enrolmentId: string): Promise<HousingCase[]>;
  abstract allocationsOfEnrolment(enrolmentId: string): Promise<Allocation[]>;
  /**
   * Writes the pending changes now, inside the transaction, so that the exclusion constraint
   * speaks here: a bed taken by a concurrent request is ConflictError('place-taken') (409).
   */
  abstract flushPlaces(): Promise<void>;
  abstract logPiiRead(entry: {
    id: string;
    actorSubject: string;
    actorRoles: readonly string[];
    caseId: string;
    /** ADR 0124: what was done when it is not a read (the deletion at the end of the retention). */
    what?: string;
    correlationId: string | null;
    accessedAt: Date;
  }): void;
}
