import { z } from 'zod';
import { BinSchema, IsoDateSchema } from '../common.js';
import { CommissionAgendaStateSchema } from '../commission.js';
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
  payload: z.object({
    applicationId: z.uuid(),
    roundId: z.uuid(),
    bin: BinSchema,
    filedOn: IsoDateSchema,
    complianceDueOn: IsoDateSchema,
    /** Issue #10 (ADR 0049; additive: absent in older messages): the members' signed consents (Annex 2) by id; documents attaches them. */
    documentIds: z.array(z.uuid()).default([]),
  }),
});

export const ClustersApplicationChangedV1 = defineIntegrationEvent({
  type: 'clusters.application-changed',
  version: 1,
  topic,
  description:
    "A participant changed its application before the deadline: a new revision (C-9). documentIds: the members' signed consents (C-7, Annex 2) the revision names; documents attaches them (ADR 0049).",
  payload: z.object({
    applicationId: z.uuid(),
    roundId: z.uuid(),
    bin: BinSchema,
    revision: z.int().min(2),
    changedAt: z.iso.datetime({ offset: true }),
    documentIds: z.array(z.uuid()),
  }),
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

export const ClustersApplicationSentToInstituteV1 = defineIntegrationEvent({
  type: 'clusters.application-sent-to-institute',
  version: 1,
  topic,
  description:
    'The organiser sent a compliant application to the national institute for industrial development (C-13); the institute gives its opinions by opinionsDueOn (C-16).',
  payload: z.object({
    applicationId: z.uuid(),
    roundId: z.uuid(),
    bin: BinSchema,
    sentAt: z.iso.datetime({ offset: true }),
    documentRef: z.string(),
    documentId: z
      .uuid()
      .nullable()
      .default(null)
      .describe("ADR 0113 (additive): the organiser's covering letter, an office's document in documents; null on rounds naming a reference only"),
    opinionsDueOn: IsoDateSchema,
  }),
});

export const ClustersOpinionGivenV1 = defineIntegrationEvent({
  type: 'clusters.opinion-given',
  version: 1,
  topic,
  description:
    "The national institute gave its recommendatory opinion on an application: a finding per Annex 4 criterion of the round's rule set (C-14, C-15). The SWOT itself stays in the context.",
  payload: z.object({
    applicationId: z.uuid(),
    roundId: z.uuid(),
    bin: BinSchema,
    givenAt: z.iso.datetime({ offset: true }),
    recommendation: z.enum(['recommended', 'not-recommended']),
    findings: z.array(z.object({ criterion: z.string(), finding: z.enum(['meets', 'partially-meets', 'does-not-meet']) })).min(1),
  }),
});

export const ClustersComparativeAssessmentGivenV1 = defineIntegrationEvent({
  type: 'clusters.comparative-assessment-given',
  version: 1,
  topic,
  description: "The national institute compared the round's applications; its analysis is complete (C-14, C-16).",
  payload: z.object({
    roundId: z.uuid(),
    givenAt: z.iso.datetime({ offset: true }),
    opinionsDueOn: IsoDateSchema,
    ranking: z.array(z.object({ applicationId: z.uuid(), rank: z.int().min(1) })),
  }),
});

export const ClustersOpinionsForwardedV1 = defineIntegrationEvent({
  type: 'clusters.opinions-forwarded',
  version: 1,
  topic,
  description:
    "A recorded hand-over of the institute's opinions: to the organiser (C-17, by the institute) or, with the applications' materials, to the Commission (C-18, by the organiser).",
  payload: z.object({
    roundId: z.uuid(),
    ruleId: z.enum(['C-17', 'C-18']),
    recipient: z.enum(['organiser', 'commission']),
    forwardedAt: z.iso.datetime({ offset: true }),
    dueOn: IsoDateSchema,
    documentRef: z.string(),
    documentId: z
      .uuid()
      .nullable()
      .default(null)
      .describe('ADR 0113 (additive): the covering letter, an office’s document in documents; null on rounds naming a reference only'),
    applicationIds: z.array(z.uuid()),
    commissionDueOn: IsoDateSchema.nullable().describe('C-18: by when the organiser puts them before the Commission (recipient organiser only)'),
  }),
});

export const ClustersDeadlineOverdueV1 = defineIntegrationEvent({
  type: 'clusters.deadline-overdue',
  version: 1,
  topic,
  description:
    'A step of the selection was not done by the end of its last day (Asia/Almaty): the transfer to the institute (C-13), the opinions (C-16), their hand-over to the organiser (C-17) or the Commission (C-18). It stays on the deadlines board as overdue until done.',
  payload: z.object({
    roundId: z.uuid(),
    applicationId: z.uuid().nullable(),
    ruleId: z.enum(['C-13', 'C-16', 'C-17', 'C-18']),
    step: z.enum(['institute-transfer', 'expert-opinions', 'opinions-to-organiser', 'opinions-to-commission']),
    dueOn: IsoDateSchema,
    overdueAt: z.iso.datetime({ offset: true }),
  }),
});

export const ClustersOfficeDocumentUsedV1 = defineIntegrationEvent({
  type: 'clusters.office-document-used',
  version: 1,
  topic,
  description:
    "A step of the expert stage recorded an office's document by id (ADR 0113, 0122): the organiser's decision forming the Commission (C-2), its covering letters (C-13, C-18), the institute's opinions letter (C-16, C-17) or the Commission's protocol (C-19, C-20). Documents attaches it to usedFor, so that documents itself refuses its reuse.",
  payload: z.object({
    documentId: z.uuid(),
    office: z.string().regex(/^[a-z][a-z0-9-]*$/),
    kind: z.string(),
    ruleId: z.string(),
    roundId: z.uuid(),
    /** `clusters/<step>/<roundId>`, the target clusters' own copy is marked with. */
    usedFor: z.string(),
    usedAt: z.iso.datetime({ offset: true }),
  }),
});

export const ClustersCommissionAgendaChangedV1 = defineIntegrationEvent({
  type: 'clusters.commission-agenda-changed',
  version: 1,
  topic,
  description:
    "The agenda of a round's Commission as it now stands (C-2, C-19, C-20; issue #16, ADR 0138): its members, and per application before it the members who have not voted yet. Keyed by the round id.",
  payload: CommissionAgendaStateSchema.extend({ roundId: z.uuid() }),
});

/** Every event of clusters, for a consumer's EventRegistry. */
export const clustersEvents = [
  ClustersRoundAnnouncedV1,
  ClustersApplicationFiledV1,
  ClustersApplicationChangedV1,
  ClustersApplicationWithdrawnV1,
  ClustersApplicationReturnedV1,
  ClustersResultsPublishedV1,
  ClustersApplicationSentToInstituteV1,
  ClustersOpinionGivenV1,
  ClustersComparativeAssessmentGivenV1,
  ClustersOpinionsForwardedV1,
  ClustersDeadlineOverdueV1,
  ClustersOfficeDocumentUsedV1,
  ClustersCommissionAgendaChangedV1,
] as const;
