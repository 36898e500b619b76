import { RuleViolationError } from '@hub/kernel';

/**
 * C-9, C-11: an application is filed, changed or withdrawn only until the deadline; at the deadline
 * instant itself and after it nothing is accepted (ADR 0081: the deadline is the instant acceptance
 * closes, an instant in Asia/Almaty).
 */
export function assertBeforeDeadline(at: Date, deadline: Date, what: 'filed' | 'changed' | 'withdrawn'): void {
  if (at.getTime() >= deadline.getTime())
    throw new RuleViolationError(
      what === 'filed' ? 'C-11' : 'C-9',
      `the application deadline ${deadline.toISOString()} has passed: an application can no longer be ${what}`,
      {
        field: 'applicationDeadline',
        deadline: deadline.toISOString(),
      },
    );
}
