import { formatDate } from '../language.js';
import type { NoticeDraft } from '../notice-draft.js';
import { INFORMATION_KIND_OTHER } from '../required-labels.js';
import type { ObligationReminderPayload } from './obligation-reminder.js';

/** The rule a request rests on → its reminder's template (each template cites its own rule; ADR 0107). */
export const REQUEST_REMINDER_TEMPLATES = {
  /** F-32: tax, accounting, statistics, declarations, the audit opinion — within 10 WD of a request. */
  'F-32': 'participation.information-request-reminder',
  /** F-38: extra documents in monitoring, within 10 WD of a request. */
  'F-38': 'participation.monitoring-documents-reminder',
  /** F-33: the audit report on request, within 10 WD. */
  'F-33': 'participation.audit-report-request-reminder',
} as const;
export type RequestRuleId = keyof typeof REQUEST_REMINDER_TEMPLATES;

/**
 * The rule of a request: the one participation published with it (`ruleIds`), else — for a timer armed
 * before ADR 0107 carried it — from the kind, as participation derives it (additional documents F-38,
 * the audit report F-33, the rest F-32).
 */
export function requestRuleOf(p: Pick<ObligationReminderPayload, 'ruleId' | 'kind'>): RequestRuleId {
  if (p.ruleId === 'F-32' || p.ruleId === 'F-33' || p.ruleId === 'F-38') return p.ruleId;
  return p.kind === 'additional-documents' ? 'F-38' : p.kind === 'audit-report' ? 'F-33' : 'F-32';
}

/**
 * F-32 (tax, accounting, statistics, declarations within 10 WD of a request), F-38 (extra documents
 * in monitoring, 10 WD), F-33 (the audit report on request): a reminder before the answer is due
 * (`reminder.information-request-wd`, ADR 0105), each from its own template citing its rule (ADR 0107).
 * Not statutory: the company may switch its e-mail copies off. Names what is asked for (labels
 * `information-kind.*`); the request's text stays behind the link (F-35).
 */
export function informationRequestReminder(p: ObligationReminderPayload, portalUrl: string): NoticeDraft {
  return {
    template: REQUEST_REMINDER_TEMPLATES[requestRuleOf(p)],
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
