import type { IsoDate } from '@hub/calendar';

export const F62 = 'F-62';

/** What the published order looks at (ADR 0056). */
export interface WaitlistEntry {
  readonly caseId: string;
  readonly enrolledOn: IsoDate;
  readonly cohortStartsOn: IsoDate;
  readonly requestedAt: Date;
}

/**
 * F-62 (ADR 0056): vacated housing goes to the next eligible person in a published, deterministic
 * order — the earliest enrolment date first, then the earliest cohort start, then the earliest
 * request, then the case id (a total order: never two people at one place).
 */
export function compareWaitlist(a: WaitlistEntry, b: WaitlistEntry): number {
  if (a.enrolledOn !== b.enrolledOn) return a.enrolledOn < b.enrolledOn ? -1 : 1;
  if (a.cohortStartsOn !== b.cohortStartsOn) return a.cohortStartsOn < b.cohortStartsOn ? -1 : 1;
  const t = a.requestedAt.getTime() - b.requestedAt.getTime();
  if (t !== 0) return t;
  return a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0;
}

export const waitlistOrder = <T extends WaitlistEntry>(entries: readonly T[]): T[] => [...entries].sort(compareWaitlist);

/** F-62 (ADR 0057): an offer is accepted by the n-th working day after it is made, else it lapses and the place moves on. */
export function offerAcceptBy(offeredOn: IsoDate, acceptanceWorkingDays: number, addWorkingDays: (date: IsoDate, n: number) => IsoDate): IsoDate {
  return addWorkingDays(offeredOn, acceptanceWorkingDays);
}
