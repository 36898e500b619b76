import { type IsoDate, compareIsoDates } from '@hub/calendar';
import { RuleViolationError } from '@hub/kernel';

export const INTAKE_RULE = 'F-47';

/**
 * F-47: a recipient sends the application before the intake period ends («өтініштерді қабылдау
 * мерзімі аяқталғанға дейін»); none is accepted before the intake opens either (F-55 publishes the
 * conditions ahead of the opening day). Days are Asia/Almaty civil days, both ends inclusive.
 */
export function assertInsideIntake(day: IsoDate, opensOn: IsoDate, closesOn: IsoDate): void {
  if (compareIsoDates(day, opensOn) < 0) {
    throw new RuleViolationError(INTAKE_RULE, `intake for this call opens on ${opensOn}; applications are not accepted before it`, { opensOn, closesOn, day });
  }
  if (compareIsoDates(day, closesOn) > 0) {
    throw new RuleViolationError(INTAKE_RULE, `intake for this call ended on ${closesOn}; a late application is not accepted`, { opensOn, closesOn, day });
  }
}
