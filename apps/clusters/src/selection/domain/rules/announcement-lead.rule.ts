import { type IsoDate, addCalendarDays } from '@hub/calendar';
import { RuleViolationError } from '@hub/kernel';

/**
 * C-5: the announcement of a selection is published at least `leadDays` calendar days (60 under the
 * 2015 set) before the application deadline. Counted in Asia/Almaty civil days: the deadline's day
 * must be on or after the announcement day plus the lead.
 */
export function assertAnnouncementLead(announcedOn: IsoDate, deadlineOn: IsoDate, leadDays: number): void {
  const earliest = addCalendarDays(announcedOn, leadDays);
  if (deadlineOn < earliest)
    throw new RuleViolationError(
      'C-5',
      `the application deadline must be at least ${leadDays} calendar days after the announcement (on or after ${earliest})`,
      {
        field: 'applicationDeadline',
        earliestDeadlineOn: earliest,
      },
    );
}
