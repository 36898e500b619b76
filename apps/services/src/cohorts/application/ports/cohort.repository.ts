import type { Actor } from '@hub/contracts';
import type { Cohort } from '../../domain/cohort.aggregate.js';
import type { CohortEnrolment } from '../../domain/enrolment.aggregate.js';

/** Port (ADR 0035 §4): cohorts and enrolments, inside a unit of work. */
export abstract class CohortRepository {
  /** The cohort, or NotFoundError (404). */
  abstract get(id: string): Promise<Cohort>;
  /** The cohort with its row locked until the transaction ends (SELECT … FOR UPDATE): enrolments into it queue here (F-44 capacity). */
  abstract getForEnrolment(id: string): Promise<Cohort>;
  abstract add(cohort: Cohort): void;
  /** Enrolled and completed people: the seats taken (an expelled person's seat is free, ADR 0064). */
  abstract seatsTaken(cohortId: string): Promise<number>;
  /** The enrolment of this cohort, or NotFoundError (404). */
  abstract enrolment(cohortId: string, enrolmentId: string): Promise<CohortEnrolment>;
  abstract addEnrolment(enrolment: CohortEnrolment): void;
}

export interface EnrolmentView {
  id: string;
  applicationId: string;
  contractId: string;
  recipientKind: 'legal-entity' | 'individual';
  recipientId: string;
  personIin: string;
  status: string;
  enrolledOn: string;
  endedOn: string | null;
  expulsionGround: string | null;
  expulsionReasons: string | null;
}
export interface CohortView {
  id: string;
  serviceId: string;
  title: string;
  town: { katoCode: string; name: string };
  startsOn: string;
  endsOn: string;
  capacity: number;
  seatsTaken: number;
  enrolments: EnrolmentView[];
}

/**
 * Port: the staff's view of cohorts. The members' IINs are decrypted for the reader and every read
 * that shows any is logged with the actor (F-42, ADR 0068).
 */
export abstract class CohortReadModel {
  abstract find(id: string, reader: Actor): Promise<CohortView | null>;
  abstract list(filter: { serviceId?: string }, reader: Actor): Promise<CohortView[]>;
}
