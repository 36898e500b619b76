import { RuleViolationError } from '@hub/kernel';

/**
 * PLACEHOLDER RULE — replace `F-00` with the rule ID from rules-digest.md and the limit with the
 * rule's own, or delete this file. It shows the shape of a rule: one file per rule, named after
 * what it decides, citing its ID, throwing RuleViolationError (answered 422 with the rule ID).
 *
 * F-00: a company has at most OPEN_REQUESTS_LIMIT requests open (or overdue) at a time.
 */
export const OPEN_REQUESTS_RULE = 'F-00';
export const OPEN_REQUESTS_LIMIT = 3;

export function assertMayOpenAnotherRequest(openRequestsOfCompany: number): void {
  if (openRequestsOfCompany >= OPEN_REQUESTS_LIMIT) {
    throw new RuleViolationError(OPEN_REQUESTS_RULE, `a company may have at most ${OPEN_REQUESTS_LIMIT} open requests; this one has ${openRequestsOfCompany}`, {
      limit: OPEN_REQUESTS_LIMIT,
    });
  }
}
