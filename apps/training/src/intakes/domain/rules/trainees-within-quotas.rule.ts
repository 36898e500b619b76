import { RuleViolationError } from '@hub/kernel';

/** F-76 (with F-72, F-73): the provider lists at most as many trainees as the quotas it was admitted with. */
export const TRAINEES_WITHIN_QUOTAS_RULE = 'F-76';

export function assertTraineesWithinQuotas(count: number, quotas: number): void {
  if (count > quotas) throw new RuleViolationError(TRAINEES_WITHIN_QUOTAS_RULE, `${count} trainees exceed the ${quotas} quotas allocated`, { count, quotas });
}
