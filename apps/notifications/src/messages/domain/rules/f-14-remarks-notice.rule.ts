import { almatyDate } from '@hub/calendar';
import type { PayloadOf, RemarksIssuedV1 } from '@hub/contracts';
import { formatDate } from '../language.js';
import { type NoticeDraft, bulletList } from '../notice-draft.js';

/**
 * F-14: an application found incomplete, inaccurate or non-compliant is returned with remarks; the
 * applicant is told each remark (the field and the officer's words) and where to resubmit. F-14's
 * 5 WD run from the filing and are registration's review deadline; the event carries no due date,
 * so the message records none (the delivery fact still names F-14).
 */
export function remarksNotice(e: PayloadOf<typeof RemarksIssuedV1>, portalUrl: string): NoticeDraft {
  return {
    template: 'registration.remarks-issued',
    role: 'applicant',
    bin: e.bin,
    subjectId: e.applicationId,
    dueOn: null,
    values: (language) => ({
      bin: e.bin,
      issuedOn: formatDate(almatyDate(new Date(e.issuedAt)), language),
      remarks: bulletList(e.remarks.map((r) => `${r.field}: ${r.message}`)),
      link: `${portalUrl}/my/applications`,
    }),
  };
}
