import { z } from 'zod';
import { BinSchema, IsoDateSchema } from '../common.js';
import { defineIntegrationEvent } from '../event-definition.js';
import { TOPICS } from '../topics.js';

/**
 * The clusters context's published language (issue #15, the selection of territorial clusters,
 * C-1 … C-21). Round events are keyed by the round id, application events by the applicant's BIN.
 * Payloads carry ids and business facts only — no personal data. A change that removes or retypes
 * a field is a new version (`…V2`), published beside the old one until its consumers have moved.
 */
const topic = TOPICS.clusters.name;

export const ClustersRoundAnnouncedV1 = defineIntegrationEvent({
  type: 'clusters.round-announced',
  version: 1,
  topic,
  description: 'The organiser announced a round of selection of territorial clusters under a rule set, with its application deadline (C-3 … C-5).',
  payload: z.object({
    roundId: z.uuid(),
    ruleSetId: z.string(),
    title: z.string(),
    announcedOn: IsoDateSchema,
    applicationDeadline: z.iso.datetime({ offset: true }),
  }),
});

export const ClustersApplicationFiledV1 = defineIntegrationEvent({
  type: 'clusters.application-filed',
  version: 1,
  topic,
  description: 'A participant filed an application to a round before its deadline (C-6 … C-11); the organiser checks compliance by complianceDueOn (C-12).',
  payload: z.object({ applicationId: z.uuid(), roundId: z.uuid(), bin: BinSchema, filedOn: IsoDateSchema, complianceDueOn: IsoDateSchema }),
});

export const ClustersApplicationWithdrawnV1 = defineIntegrationEvent({
  type: 'clusters.application-withdrawn',
  version: 1,
  topic,
  description: 'A participant withdrew its application before the deadline (C-9).',
  payload: z.object({ applicationId: z.uuid(), roundId: z.uuid(), bin: BinSchema, withdrawnAt: z.iso.datetime({ offset: true }) }),
});

export const ClustersApplicationReturnedV1 = defineIntegrationEvent({
  type: 'clusters.application-returned',
  version: 1,
  topic,
  description: 'The organiser returned a non-compliant application with a written notice naming each deficiency (C-12).',
  payload: z.object({
    applicationId: z.uuid(),
    roundId: z.uuid(),
    bin: BinSchema,
    returnedAt: z.iso.datetime({ offset: true }),
    deficiencies: z.array(z.object({ field: z.string(), reason: z.string() })).min(1),
  }),
});

export const ClustersResultsPublishedV1 = defineIntegrationEvent({
  type: 'clusters.results-published',
  version: 1,
  topic,
  description: 'The organiser published the results of a round: the winners the Commission decided in its protocol (C-19 … C-21).',
  payload: z.object({
    roundId: z.uuid(),
    ruleSetId: z.string(),
    protocolNumber: z.string(),
    publishedAt: z.iso.datetime({ offset: true }),
    winners: z.array(z.object({ applicationId: z.uuid(), bin: BinSchema, clusterName: z.string() })),
  }),
});

/** Every event of clusters, for a consumer's EventRegistry. */
export const clustersEvents = [
  ClustersRoundAnnouncedV1,
  ClustersApplicationFiledV1,
  ClustersApplicationWithdrawnV1,
  ClustersApplicationReturnedV1,
  ClustersResultsPublishedV1,
] as const;
