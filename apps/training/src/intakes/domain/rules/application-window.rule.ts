import type { IsoDate } from '@hub/calendar';
import { RuleViolationError } from '@hub/kernel';

/**
 * F-64: the Fund announces the start and end of an intake; an application is accepted only on a
 * civil day (Asia/Almaty) from `opensOn` to `closesOn`, both included. A late (or early)
 * application is refused and nothing is stored.
 */
export const APPLICATION_WINDOW_RULE = 'F-64';

export function assertInsideIntakeWindow(window: { opensOn: IsoDate; closesOn: IsoDate }, filedOn: IsoDate): void {
  if (filedOn < window.opensOn)
    throw new RuleViolationError(APPLICATION_WINDOW_RULE, `the intake opens on ${window.opensOn}; applications are not accepted before`, {
      opensOn: window.opensOn,
      filedOn,
    });
  if (filedOn > window.closesOn)
    throw new RuleViolationError(APPLICATION_WINDOW_RULE, `the intake closed on ${window.closesOn}; a late application is not accepted`, {
      closesOn: window.closesOn,
      filedOn,
    });
}
