import { almatyDate } from '@hub/calendar';
import type { ClustersApplicationReturnedV1, PayloadOf } from '@hub/contracts';
import { formatDate } from '../language.js';
import { type NoticeDraft, bulletList } from '../notice-draft.js';

/**
 * C-12: within 5 WD of its registration the organiser checks an application's compliance and
 * returns a non-compliant one **with a written notice** — statutory: each deficiency (the field and
 * the reason) is named. The 5 WD are the organiser's check period, met by the return itself, so the
 * notice records no due date of its own.
 */
export function returnNotice(e: PayloadOf<typeof ClustersApplicationReturnedV1>, portalUrl: string): NoticeDraft {
  return {
    template: 'clusters.application-returned',
    role: 'applicant',
    bin: e.bin,
    subjectId: e.applicationId,
    dueOn: null,
    values: (language) => ({
      bin: e.bin,
      returnedOn: formatDate(almatyDate(new Date(e.returnedAt)), language),
      deficiencies: bulletList(e.deficiencies.map((d) => `${d.field}: ${d.reason}`)),
      link: `${portalUrl}/clusters/applications/${e.applicationId}`,
    }),
  };
}
