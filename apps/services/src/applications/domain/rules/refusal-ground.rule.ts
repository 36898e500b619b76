import { IllegalStateError, RuleViolationError } from '@hub/kernel';
import type { ApplicationStatus, RefusalGround } from '../service-application.types.js';

export const REFUSAL_RULE = 'F-53';

/**
 * F-53: refusal grounds are (1) the application does not match F-48, (2) the remarks were not
 * eliminated, (3) the applicant does not meet the conditions for concluding the contract (F-55).
 * "Remarks not eliminated" needs remarks outstanding (F-52 sent, no resubmission since); the other
 * two apply to an application under review or awaiting its corrections. A refusal states reasons.
 */
export function assertRefusalAllowed(status: ApplicationStatus, ground: RefusalGround, reasons: string): void {
  if (status !== 'under-review' && status !== 'remarks-issued') throw new IllegalStateError('service application', status, 'refuse');
  if (ground === 'remarks-not-eliminated' && status !== 'remarks-issued') {
    throw new RuleViolationError(REFUSAL_RULE, 'no remarks are outstanding: the ground "remarks not eliminated" needs remarks sent (F-52) and not answered', {
      ground,
      status,
    });
  }
  if (reasons.trim().length < 10)
    throw new RuleViolationError(REFUSAL_RULE, 'a refusal states its reasons, so that the applicant can remove them and apply again (F-54)', { ground });
}
