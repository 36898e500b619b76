import type { IsoDate } from '@hub/calendar';

export const F61 = 'F-61';

/**
 * F-61: a person expelled from acceleration vacates the dwelling and hands it back under an
 * acceptance-transfer act within 2 working days (the parameter `vacateWorkingDays`): the due day is
 * the 2nd working day after the expulsion date (Kazakh calendar: holidays and their transfers skipped).
 */
export function vacateDueOn(leftOn: IsoDate, vacateWorkingDays: number, addWorkingDays: (date: IsoDate, n: number) => IsoDate): IsoDate {
  return addWorkingDays(leftOn, vacateWorkingDays);
}
