import type { MonitoringNotExpedientV1, PayloadOf } from '@hub/contracts';
import { formatDate } from '../language.js';
import type { NoticeDraft } from '../notice-draft.js';

/**
 * F-40 (with F-36): the Fund concludes from monitoring whether further implementation of a project
 * is expedient, and notifies the participant when it is not — a statutory notice (it cannot be
 * switched off; its delivery is proven by `notice-delivered`). The rule sets no period for the
 * notice, so the message records none. It names the project and the period; the conclusion's
 * reasoning stays behind the portal link (F-35).
 */
export function inexpedienceNotice(e: PayloadOf<typeof MonitoringNotExpedientV1>, portalUrl: string): NoticeDraft {
  return {
    template: 'participation.monitoring-not-expedient',
    role: 'applicant',
    bin: e.bin,
    subjectId: e.conclusionId,
    dueOn: null,
    values: (language) => ({
      bin: e.bin,
      project: e.project,
      periodFrom: formatDate(e.periodFrom, language),
      periodTo: formatDate(e.periodTo, language),
      concludedOn: formatDate(e.concludedOn, language),
      link: `${portalUrl}/my/participation`,
    }),
  };
}
