import type { IsoDate } from '@hub/calendar';

/**
 * ADR 0105: the reminders of a participant's counter-obligations — one durable timer per obligation,
 * at 09:00 Almaty a few working days (reference data, per obligation) before the due day. What the
 * timer carries: which obligation, of whom, due when, and what the message names.
 */
export type ObligationKind = 'information-request' | 'audit-opinion' | 'extension-window';

export interface ObligationReminderPayload {
  readonly obligation: ObligationKind;
  /** The owner's id: the request, the audit obligation, or (F-25) the participation. */
  readonly obligationId: string;
  readonly participationId: string;
  readonly bin: string;
  /** The day the obligation is due: the answer, the opinion, the last day to apply for an extension. */
  readonly dueDate: IsoDate;
  /** F-32/F-38/F-33: what is asked for (INFORMATION_REQUEST_KINDS). */
  readonly kind?: string;
  /** F-32/F-38/F-33: the rule participation published with the request (its `ruleIds[0]`; ADR 0107). */
  readonly ruleId?: string;
  /** F-33: the financial year audited. */
  readonly financialYear?: number;
  /** F-25: the term's end. */
  readonly termEnd?: IsoDate;
}

/**
 * The reminder day: `daysBefore` working days before the due day; none when it is not after today
 * (a due day too close to remind of is not reminded — the owner's own notice covers it).
 */
export function obligationReminderDay(
  dueDate: IsoDate,
  daysBefore: number,
  today: IsoDate,
  addWorkingDays: (d: IsoDate, n: number) => IsoDate,
): IsoDate | null {
  const day = addWorkingDays(dueDate, -daysBefore);
  return day > today ? day : null;
}
