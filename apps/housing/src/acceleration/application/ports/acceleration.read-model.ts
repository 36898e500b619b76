import type { IsoDate } from '@hub/calendar';

export interface CaseView {
  readonly id: string;
  readonly enrolmentId: string;
  readonly townKatoCode: string;
  readonly enrolledOn: IsoDate;
  readonly cohortStartsOn: IsoDate;
  readonly status: string;
  readonly requestedAt: string;
}
export interface WaitlistView {
  readonly position: number;
  readonly caseId: string;
  readonly enrolledOn: IsoDate;
  readonly cohortStartsOn: IsoDate;
  readonly requestedAt: string;
}
export interface AllocationView {
  readonly id: string;
  readonly caseId: string;
  readonly unitId: string;
  readonly buildingId: string;
  readonly townKatoCode: string;
  readonly bed: string;
  readonly status: string;
  readonly startsOn: IsoDate;
  readonly releasedOn: IsoDate | null;
  readonly acceptBy: IsoDate;
  readonly contractNumber: string | null;
  readonly contractDuty: string | null;
  readonly contractEndsOn: IsoDate | null;
  readonly vacateReason: string | null;
  readonly vacateBy: IsoDate | null;
  readonly vacateOverdue: boolean;
  readonly checkInAct: unknown;
  readonly handoverAct: unknown;
}
export interface DeadlineView {
  readonly kind: 'housing-offer-acceptance' | 'housing-vacate' | 'premises-hand-back';
  readonly ruleId: string;
  readonly dueDate: IsoDate;
  readonly overdue: boolean;
  readonly subjectId: string;
  readonly status: string;
  readonly unitId: string;
  readonly bed: string;
  /** Premises (ADR 0053): the participant's BIN, so that the board's company filter finds it. */
  readonly bin?: string;
}

/** Port: reads for the queries (no unit of work); the person's own rows by their token's subject. No personal data here (F-42). */
export abstract class AccelerationReadModel {
  abstract cases(filter: { personSubject?: string; status?: string }): Promise<CaseView[]>;
  abstract caseById(id: string): Promise<(CaseView & { personSubject: string }) | null>;
  abstract waitingIn(townKatoCode: string): Promise<Omit<WaitlistView, 'position'>[]>;
  abstract allocations(filter: { personSubject?: string; status?: string; caseId?: string }): Promise<AllocationView[]>;
  abstract allocationById(id: string): Promise<(AllocationView & { personSubject: string }) | null>;
  /** Open offers and vacate deadlines, with whether they are overdue on `today`. */
  abstract deadlines(today: IsoDate): Promise<DeadlineView[]>;
  abstract piiAccessLog(): Promise<
    { id: string; actorSubject: string; caseId: string; what: string | null; accessedAt: string; correlationId: string | null }[]
  >;
}
