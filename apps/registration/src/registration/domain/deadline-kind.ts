/**
 * The Fund's own statutory deadlines in Chapter 2, each with its rule and the reference-data key
 * of its length in working days (ADR 0013). The platform holds the Fund to them.
 */
export const DEADLINE_KINDS = {
  /** F-12, F-14: completeness review and remarks within 5 WD of filing (re-armed on resubmission). */
  'completeness-review': { ruleId: 'F-12', lengthKey: 'deadline.completeness-review-wd', what: 'completeness review or remarks' },
  /** F-15: the Commission decides within 10 WD of being sent the application. */
  'commission-decision': { ruleId: 'F-15', lengthKey: 'deadline.commission-decision-wd', what: 'Commission decision' },
  /** F-20: the Commission decides on a change of activity types within 10 WD of receipt. */
  'activity-change-decision': { ruleId: 'F-20', lengthKey: 'deadline.activity-change-wd', what: 'Commission decision on the activity-type change' },
  /** F-17: the applicant is notified of the decision within 5 WD. */
  'decision-notification': { ruleId: 'F-17', lengthKey: 'deadline.notification-wd', what: 'notification of the decision' },
  /** F-18: the certificate is issued within 3 WD of signing the contract. */
  certificate: { ruleId: 'F-18', lengthKey: 'deadline.certificate-wd', what: 'registration certificate' },
  /** F-19: the participant is listed in the public registry within 3 WD of signing. */
  'registry-listing': { ruleId: 'F-19', lengthKey: 'deadline.registry-listing-wd', what: 'public registry listing' },
} as const;

export type DeadlineKind = keyof typeof DEADLINE_KINDS;
export const DEADLINE_KIND_NAMES = Object.keys(DEADLINE_KINDS) as DeadlineKind[];
