import type { PayloadOf, TrainingRemarksIssuedV1 } from '@hub/contracts';
import { formatDate } from '../language.js';
import { type NoticeDraft, bulletList } from '../notice-draft.js';

/**
 * F-70, F-71: the Fund's remarks on an incomplete provider application, issued within the 10 WD of
 * the review, reach the applicant, who fixes them within 10 WD of receipt (training computed
 * `fixDueOn`). Statutory: the remarks are what the applicant must act on. The 10 WD of F-70 are the
 * Fund's issuing period, met by the issue itself — the notice records no due date of its own.
 */
export function trainingRemarksNotice(e: PayloadOf<typeof TrainingRemarksIssuedV1>, portalUrl: string): NoticeDraft {
  return {
    template: 'training.remarks-issued',
    role: 'applicant',
    bin: e.bin,
    subjectId: e.applicationId,
    dueOn: null,
    values: (language) => ({
      bin: e.bin,
      issuedOn: formatDate(e.issuedOn, language),
      fixDueOn: formatDate(e.fixDueOn, language),
      remarks: bulletList(e.remarks),
      link: `${portalUrl}/training/applications/${e.applicationId}`,
    }),
  };
}
