import { type IsoDate, addCalendarDays } from '@hub/calendar';

export const F58_HAND_BACK = 'F-58';

/**
 * F-58 (temporary use; ADR 0053): when the use of premises ends — on request, on the participation's
 * termination or at the end of the term — the premises are handed back under an act within
 * `premisesHandBackWorkingDays` working days (2, the period F-61 gives for a dwelling, applied by
 * analogy). Counted like F-61 from the first day without the right of use (the day after the last
 * day of use): the due day is the Nth working day after it (Kazakh calendar, holidays skipped).
 */
export function handBackDueOn(lastDayOfUse: IsoDate, handBackWorkingDays: number, addWorkingDays: (date: IsoDate, n: number) => IsoDate): IsoDate {
  return addWorkingDays(addCalendarDays(lastDayOfUse, 1), handBackWorkingDays);
}
