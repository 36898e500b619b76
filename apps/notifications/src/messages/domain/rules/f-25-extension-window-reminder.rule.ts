import { formatDate } from '../language.js';
import type { NoticeDraft } from '../notice-draft.js';
import type { ObligationReminderPayload } from './obligation-reminder.js';

/**
 * F-25: an extension application is accepted until 10 WD before the term ends; after that the company
 * registers anew (F-8). Reminded `reminder.extension-window-wd` working days before that last day (ADR
 * 0105); `participation.extension-filed` cancels it (a filing consumed on the day itself may race
 * the timer: the text says to ignore it then). Not statutory (switchable).
 */
export function extensionWindowReminder(p: ObligationReminderPayload, portalUrl: string): NoticeDraft {
  return {
    template: 'participation.extension-window-reminder',
    role: 'applicant',
    bin: p.bin,
    subjectId: p.participationId,
    dueOn: null,
    values: (language) => ({
      bin: p.bin,
      termEnd: formatDate(p.termEnd ?? p.dueDate, language),
      extensionDeadline: formatDate(p.dueDate, language),
      link: `${portalUrl}/my/participation`,
    }),
  };
}
