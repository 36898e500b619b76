import { formatDate } from '../language.js';
import type { NoticeDraft } from '../notice-draft.js';
import { INFORMATION_KIND_OTHER } from '../required-labels.js';
import type { ObligationReminderPayload } from './obligation-reminder.js';

/**
 * F-32 (tax, accounting, statistics, declarations within 10 WD of a request), F-38 (extra documents
 * in monitoring, 10 WD), F-33 (the audit report on request): a reminder before the answer is due
 * (`reminder.information-request-wd`, ADR 0105). Not statutory: the company may switch its e-mail
 * copies off. Names what is asked for (labels `information-kind.*`); the request's text stays behind
 * the link (F-35).
 */
export function informationRequestReminder(p: ObligationReminderPayload, portalUrl: string): NoticeDraft {
  return {
    template: 'participation.information-request-reminder',
    role: 'applicant',
    bin: p.bin,
    subjectId: p.obligationId,
    dueOn: null,
    values: (language, catalogue) => {
      const key = `information-kind.${p.kind ?? ''}`;
      return {
        bin: p.bin,
        what: catalogue.label(catalogue.hasLabel(key) ? key : INFORMATION_KIND_OTHER, language),
        dueDate: formatDate(p.dueDate, language),
        link: `${portalUrl}/my/information-requests`,
      };
    },
  };
}
