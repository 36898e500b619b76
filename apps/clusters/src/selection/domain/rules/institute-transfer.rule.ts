import type { IsoDate } from '@hub/calendar';
import { IllegalStateError } from '@hub/kernel';

/**
 * C-13: the organiser sends the applications to the national institute within `workingDays` (3 under
 * the 2015 set) after the compliance-check period ends. The period is the application's own (C-12:
 * `complianceDueOn`, filing day + 5 WD), so the count starts from its last day, not from the day the
 * check happened to be done: a quick check does not shorten the organiser's time.
 */
export function instituteTransferDueOn(checkPeriodEndsOn: IsoDate, workingDays: number, addWorkingDays: (date: IsoDate, n: number) => IsoDate): IsoDate {
  return addWorkingDays(checkPeriodEndsOn, workingDays);
}

/** C-13: only an application found compliant (C-12) goes to the institute, and once. */
export function assertTransferableToInstitute(status: string, sentToInstituteAt: Date | null): void {
  if (status !== 'compliant')
    throw new IllegalStateError(
      'application',
      status,
      'send to the national institute',
      'C-13: only an application found compliant (C-12) goes to the institute',
    );
  if (sentToInstituteAt !== null)
    throw new IllegalStateError('application', 'at-institute', 'send to the national institute', `C-13: it was sent on ${sentToInstituteAt.toISOString()}`);
}
