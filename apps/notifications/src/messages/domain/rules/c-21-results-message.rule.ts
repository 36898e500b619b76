import { almatyDate } from '@hub/calendar';
import type { ClustersResultsPublishedV1, PayloadOf } from '@hub/contracts';
import { formatDate } from '../language.js';
import type { NoticeDraft } from '../notice-draft.js';

/**
 * C-19 … C-21: the results are published (the public page is the statutory act); each winner is
 * also told in its inbox — a courtesy, not a statutory notice. One message per winning applicant.
 */
export function winnerMessages(e: PayloadOf<typeof ClustersResultsPublishedV1>, portalUrl: string): NoticeDraft[] {
  return e.winners.map((w) => ({
    template: 'clusters.results-published.winner',
    role: 'applicant',
    bin: w.bin,
    subjectId: w.applicationId,
    dueOn: null,
    values: (language) => ({
      bin: w.bin,
      clusterName: w.clusterName,
      protocolNumber: e.protocolNumber,
      publishedOn: formatDate(almatyDate(new Date(e.publishedAt)), language),
      link: `${portalUrl}/clusters/rounds/${e.roundId}/results`,
    }),
  }));
}
