import { type IsoDate, compareIsoDates } from '@hub/calendar';
import { RuleViolationError } from '@hub/kernel';

/**
 * F-44, F-55 — a person is enrolled in an acceleration cohort under a signed service contract for the
 * cohort's service (the Fund provides its services under contracts, F-55), on a day inside the cohort.
 */
export function assertEnrolmentUnderContract(
  application: { readonly status: string; readonly serviceId: string; readonly contractId: string | null; readonly contractSignedOn: IsoDate | null },
  cohort: { readonly serviceId: string; readonly startsOn: IsoDate; readonly endsOn: IsoDate },
  enrolledOn: IsoDate,
): string {
  if (application.status !== 'contracted' || !application.contractId || !application.contractSignedOn) {
    throw new RuleViolationError('F-55', 'a person is enrolled only under a signed service contract', { applicationStatus: application.status });
  }
  if (application.serviceId !== cohort.serviceId) {
    throw new RuleViolationError('F-44', 'the contract is for another service than the cohort’s programme', { serviceId: application.serviceId });
  }
  if (compareIsoDates(enrolledOn, cohort.startsOn) < 0 || compareIsoDates(enrolledOn, cohort.endsOn) > 0) {
    throw new RuleViolationError('F-44', `enrolment must fall inside the cohort (${cohort.startsOn} … ${cohort.endsOn})`, { enrolledOn });
  }
  if (compareIsoDates(enrolledOn, application.contractSignedOn) < 0) {
    throw new RuleViolationError('F-55', `enrolment cannot precede the contract signed on ${application.contractSignedOn}`, { enrolledOn });
  }
  return application.contractId;
}
