import type { IsoDate } from '@hub/calendar';
import { RuleViolationError } from '@hub/kernel';

/**
 * F-70: remarks on an incomplete application are issued within the review period — 10 working days
 * of filing (`reviewDueOn`, the day computed at filing on the Kazakh calendar). Later remarks are refused.
 */
export const REMARKS_ISSUE_RULE = 'F-70';
/** F-71: the applicant fixes the remarks within 10 working days of receiving them (`fixDueOn`, included). */
export const REMARKS_FIX_RULE = 'F-71';

export function assertRemarksIssuedInTime(application: { filedOn: IsoDate; reviewDueOn: IsoDate }, issuedOn: IsoDate): void {
  if (issuedOn > application.reviewDueOn)
    throw new RuleViolationError(REMARKS_ISSUE_RULE, `remarks are issued within 10 working days of filing, by ${application.reviewDueOn}`, {
      filedOn: application.filedOn,
      reviewDueOn: application.reviewDueOn,
      issuedOn,
    });
}

export function assertRemarksFixedInTime(remarks: { issuedOn: IsoDate; fixDueOn: IsoDate }, fixedOn: IsoDate): void {
  if (fixedOn > remarks.fixDueOn)
    throw new RuleViolationError(REMARKS_FIX_RULE, `the remarks had to be fixed by ${remarks.fixDueOn}; the application has lapsed`, {
      issuedOn: remarks.issuedOn,
      fixDueOn: remarks.fixDueOn,
      fixedOn,
    });
}
