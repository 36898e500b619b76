import type { PayloadOf, ReportOverdueV1 } from '@hub/contracts';
import { formatDate, formatQuarter } from '../language.js';
import type { NoticeDraft } from '../notice-draft.js';

/**
 * F-37, F-39: the quarterly activity report is due by the 20th of the month after the quarter; when
 * participation finds it missing it tells the company (not a statutory notice: the rules prescribe
 * none), because reports not submitted are ground F-28(4).
 */
export function reportOverdueNotice(e: PayloadOf<typeof ReportOverdueV1>, portalUrl: string): NoticeDraft {
  return {
    template: 'participation.report-overdue',
    role: 'applicant',
    bin: e.bin,
    subjectId: e.reportId,
    dueOn: null,
    values: (language) => ({
      bin: e.bin,
      quarter: formatQuarter(e.year, e.quarter, language),
      dueDate: formatDate(e.dueDate, language),
      link: `${portalUrl}/my/reports`,
    }),
  };
}
