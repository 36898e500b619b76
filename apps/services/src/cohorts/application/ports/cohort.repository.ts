import type { Cohort, Enrolment } from '../../domain/cohort.aggregate.js';

/** Port (ADR 0035 §4): cohorts and enrolments, for the use cases. Works inside a unit of work. */
export abstract class CohortRepository {
  /** The cohort, or NotFoundError (404). `forUpdate` takes its row lock for the rest of the transaction (enrolment, F-44 capacity). */
  abstract get(id: string, options?: { forUpdate?: boolean }): Promise<Cohort>;
  abstract add(cohort: Cohort): void;
  abstract getEnrolment(id: string): Promise<Enrolment>;
  abstract enrolledIn(cohortId: string): Promise<Enrolment[]>;
  /** Persist a new enrolment: the same application or person twice in a cohort is 409 (unique indexes). */
  abstract addEnrolment(enrolment: Enrolment): void;
}

export interface EnrolmentView {
  readonly id: string;
  readonly cohortId: string;
  readonly applicationId: string;
  readonly contractId: string;
  readonly recipientKind: 'legal-entity' | 'individual';
  readonly recipientId: string;
  /** F-42: masked in every view (the last 4 digits). */
  readonly personIin: string;
  readonly status: 'enrolled' | 'expelled' | 'completed';
  readonly enrolledOn: string;
  readonly leftOn: string | null;
  readonly expulsionGround: string | null;
}
export interface CohortView {
  readonly id: string;
  readonly serviceId: string;
  readonly title: string;
  readonly town: { readonly katoCode: string; readonly name: string };
  readonly startsOn: string;
  readonly endsOn: string;
  readonly capacity: number;
  readonly enrolledCount: number;
  readonly placesLeft: number;
}

/** Port: reads for the HTTP API. */
export abstract class CohortReadModel {
  abstract list(filter: { serviceId?: string }): Promise<CohortView[]>;
  abstract get(id: string): Promise<CohortView | null>;
  abstract enrolments(cohortId: string): Promise<EnrolmentView[]>;
}
