import { formatDate } from '../language.js';
import type { NoticeDraft } from '../notice-draft.js';
import type { ObligationReminderPayload } from './obligation-reminder.js';

/**
 * F-33: a participant with annual income above the threshold submits the audit opinion by 1 July —
 * reminded `reminder.audit-opinion-wd` working days before (ADR 0105). Not statutory (switchable).
 */
export function auditOpinionReminder(p: ObligationReminderPayload, portalUrl: string): NoticeDraft {
  return {
    template: 'participation.audit-opinion-reminder',
    role: 'applicant',
    bin: p.bin,
    subjectId: p.obligationId,
    dueOn: null,
    values: (language) => ({
      bin: p.bin,
      financialYear: String(p.financialYear ?? ''),
      dueDate: formatDate(p.dueDate, language),
      link: `${portalUrl}/my/audit-opinions`,
    }),
  };
}
