import { z } from 'zod';
import { BinSchema, IsoDateSchema, TiynSchema } from '@hub/contracts';
import { COMMISSION_BODIES, VOTE_CHOICES } from '../../domain/rules/commission-decision.rule.js';

const text = (max = 4000) => z.string().trim().min(1).max(max);

export const RuleSetViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string(),
  effectiveFrom: IsoDateSchema,
  repealedFrom: IsoDateSchema.nullable(),
  inForceToday: z.boolean(),
  announcementLeadCalendarDays: z.int(),
  complianceCheckWorkingDays: z.int(),
  toInstituteWorkingDays: z.int(),
  expertOpinionCalendarDaysAfterDeadline: z.int(),
  opinionsToOrganiserWorkingDays: z.int(),
  toCommissionWorkingDays: z.int(),
  publicationWorkingDays: z.int(),
  criteria: z.array(z.object({ code: z.string(), ruleId: z.string(), title: z.string() })),
});

export const AnnounceRoundBody = z.object({
  ruleSetId: z.string().min(1).max(100).describe('The rule set the round runs under (GET /rule-sets)'),
  title: z.string().min(3).max(500),
  description: z.string().max(20000).default(''),
  applicationDeadline: z.iso.datetime({ offset: true }).describe('The instant acceptance closes (C-11), e.g. 2027-02-15T18:00:00+05:00'),
});

export const RoundViewSchema = z.object({
  id: z.uuid(),
  ruleSetId: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(['announced', 'winners-decided', 'results-published']),
  announcedAt: z.iso.datetime({ offset: true }),
  announcedOn: IsoDateSchema,
  applicationDeadline: z.iso.datetime({ offset: true }),
  acceptingApplications: z.boolean(),
  expertStage: z
    .object({
      opinionsDueOn: IsoDateSchema.nullable().describe("C-16: the last day of the national institute's analysis"),
      opinionsCompletedAt: z.iso.datetime({ offset: true }).nullable(),
      opinionsToOrganiserDueOn: IsoDateSchema.nullable().describe('C-17'),
      opinionsAtOrganiserAt: z.iso.datetime({ offset: true }).nullable(),
      toCommissionDueOn: IsoDateSchema.nullable().describe('C-18'),
      opinionsAtCommissionAt: z.iso.datetime({ offset: true }).nullable(),
    })
    .describe('C-13 … C-18: the dates of the expert stage'),
});

export const IdParams = z.object({ id: z.uuid() });

/** Annex 1: the application form. C-2: who may take part. */
const Annex1FormSchema = z.object({
  participantKind: z.enum(['business-group', 'regional-chamber', 'social-entrepreneurial-corporation', 'sez-management-company', 'business-association']),
  applicantName: text(500),
  clusterName: text(500),
  region: text(200).describe('The region (oblast or city of republican significance) where the cluster is'),
});

/** Annex 2: a member's consent — the member by BIN or IIN, the signed consent document (uploaded to documents, by id; issue #10). */
const MemberConsentSchema = z
  .object({
    memberId: z.string().regex(/^\d{12}$/, 'a BIN or IIN is 12 digits'),
    idKind: z.enum(['bin', 'iin']),
    memberName: text(500),
    consentDocumentId: z.uuid().optional().describe('C-7, Annex 2: the signed consent uploaded to documents by the applicant (kind member-consent)'),
    consentDocumentRef: text(200).optional().describe('Deprecated (issue #10): a free-text reference of the signed consent; give consentDocumentId'),
  })
  .refine((c) => c.consentDocumentId !== undefined || c.consentDocumentRef !== undefined, {
    path: ['consentDocumentId'],
    message: 'the signed consent is required: an uploaded document (consentDocumentId)',
  });

const YearFigure = z.object({ year: z.int().min(1990).max(2100), value: z.int().min(0) });
const YearAmount = z.object({ year: z.int().min(1990).max(2100), tiyn: TiynSchema });

/** Annex 3: the cluster's information (C-6). */
const Annex3InformationSchema = z.object({
  location: text(1000),
  sectors: z.array(text(300)).min(1),
  keyMembers: z
    .array(
      z.object({
        name: text(500),
        memberId: z
          .string()
          .regex(/^\d{12}$/)
          .optional(),
        role: text(500),
      }),
    )
    .min(1),
  goals: text(),
  developmentLevel: z.object({ interlinkedFirms: text(), chainExtensionProjects: text(), additionalFunding: text() }),
  structureAndSpecialisation: z.object({ outsidePartners: text(), internationalisation: text(), valueChains: text() }),
  prospects: z.object({
    strategicGoals: text(),
    targetIndicators: z
      .array(z.object({ name: text(300), unit: text(50), baseline: z.number().finite(), target: z.number().finite(), year: z.int().min(1990).max(2100) }))
      .min(1),
    proposedSupportMeasures: text(),
    commonProblems: text(),
  }),
  resources: z
    .object({
      rawMaterials: text(),
      humanResources: text(),
      productionCapacity: text(),
      energy: text(),
      transport: text(),
      innovationInfrastructure: text(),
      educationAndResearch: text(),
      internationalLinks: text(),
      finance: text(),
    })
    .partial()
    .default({})
    .describe('Optional (Annex 3)'),
  strategyAlignment: text(),
  importance: z.object({
    employment: z.array(YearFigure).min(1).describe('Persons employed per year'),
    output: z.array(YearAmount).min(1).describe('Output per year, in tiyn (ADR 0036)'),
    export: z.array(YearAmount).min(1).describe('Export per year, in tiyn (ADR 0036)'),
  }),
});

const ApplicationContentSchema = z.object({
  form: Annex1FormSchema,
  memberConsents: z.array(MemberConsentSchema).min(1).max(500),
  information: Annex3InformationSchema,
  documentIndex: z
    .array(z.object({ number: z.int().min(1), title: text(500), documentRef: text(200) }))
    .min(1)
    .max(1000),
});

export const FileApplicationBody = ApplicationContentSchema.extend({ roundId: z.uuid(), bin: BinSchema });
export const ChangeApplicationBody = ApplicationContentSchema;

export const ApplicationListQuery = z.object({ roundId: z.uuid().optional(), bin: BinSchema.optional() });

export const ComplianceBody = z.discriminatedUnion('compliant', [
  z.object({ compliant: z.literal(true) }),
  z.object({ compliant: z.literal(false), deficiencies: z.array(z.object({ field: text(200), reason: text(2000) })).min(1) }),
]);

const point = text(2000);
const CriterionAnalysisSchema = z.object({
  code: z.string().trim().min(1).max(100).describe("An Annex 4 criterion code of the round's rule set (GET /rule-sets)"),
  strengths: z.array(point).max(50),
  weaknesses: z.array(point).max(50),
  opportunities: z.array(point).max(50),
  threats: z.array(point).max(50),
  finding: z.enum(['meets', 'partially-meets', 'does-not-meet']).describe('C-15: the conclusion on the criterion'),
});

export const ExpertOpinionSchema = z.object({
  criteria: z.array(CriterionAnalysisSchema),
  conclusion: z.string(),
  recommendation: z.enum(['recommended', 'not-recommended']),
  givenBy: z.string(),
  givenAt: z.iso.datetime({ offset: true }),
});

/** C-14, C-15: the institute's opinion on an application — a SWOT and a finding per Annex 4 criterion, recommendatory. */
export const ExpertOpinionBody = z.object({
  criteria: z.array(CriterionAnalysisSchema).min(1).max(20),
  conclusion: text(20000),
  recommendation: z.enum(['recommended', 'not-recommended']).describe('C-15: the opinion is recommendatory; the Commission decides (C-19)'),
});

/** C-14: the comparative assessment across the round's applications before the institute. */
export const ComparativeAssessmentBody = z.object({
  summary: text(20000),
  ranking: z
    .array(z.object({ applicationId: z.uuid(), rank: z.int().min(1).max(1000), note: text(2000).optional() }))
    .min(1)
    .max(1000),
});

/** C-13, C-17, C-18: a recorded hand-over, with the reference of its covering letter. */
export const HandOverBody = z
  .object({
    documentId: z
      .uuid()
      .optional()
      .describe(
        "ADR 0113: the covering letter uploaded to documents — an office's document: the organiser's cluster-organiser-letter (C-13, C-18), the institute's cluster-institute-opinions (C-17)",
      ),
    documentRef: text(200).optional().describe('Deprecated (ADR 0113): a free-text reference of the covering letter; give documentId'),
  })
  .refine((b) => b.documentId !== undefined || b.documentRef !== undefined, { path: ['documentId'], message: 'name the covering letter: documentId' });

const HandOverSchema = z.object({
  documentRef: z.string(),
  documentId: z.uuid().nullable().optional().describe('ADR 0113: the covering letter in documents'),
  by: z.string(),
  at: z.iso.datetime({ offset: true }),
});

export const ExpertReviewViewSchema = z.object({
  roundId: z.uuid(),
  ruleSetId: z.string(),
  criteria: z.array(z.object({ code: z.string(), ruleId: z.string(), title: z.string() })),
  opinionsDueOn: IsoDateSchema.nullable(),
  opinionsOverdue: z.boolean(),
  applications: z.array(
    z.object({
      applicationId: z.uuid(),
      bin: BinSchema,
      clusterName: z.string(),
      sentToInstituteAt: z.iso.datetime({ offset: true }),
      opinion: ExpertOpinionSchema.nullable(),
    }),
  ),
  comparativeAssessment: z
    .object({
      summary: z.string(),
      ranking: z.array(z.object({ applicationId: z.uuid(), rank: z.int(), note: z.string().optional() })),
      givenBy: z.string(),
      givenAt: z.iso.datetime({ offset: true }),
    })
    .nullable(),
  opinionsToOrganiserDueOn: IsoDateSchema.nullable(),
  opinionsToOrganiserOverdue: z.boolean(),
  opinionsAtOrganiser: HandOverSchema.nullable(),
  toCommissionDueOn: IsoDateSchema.nullable(),
  toCommissionOverdue: z.boolean(),
  opinionsAtCommission: HandOverSchema.nullable(),
});

export const ApplicationViewSchema = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  bin: BinSchema,
  status: z.enum(['filed', 'withdrawn', 'returned', 'compliant']),
  revision: z.int(),
  content: ApplicationContentSchema,
  filedAt: z.iso.datetime({ offset: true }),
  filedOn: IsoDateSchema,
  complianceDueOn: IsoDateSchema,
  complianceOverdue: z.boolean(),
  returnNotice: z
    .object({
      deficiencies: z.array(z.object({ field: z.string(), reason: z.string() })),
      returnedAt: z.string(),
      returnedBy: z.string(),
      delivery: z
        .object({ via: z.enum(['email', 'portal']), deliveredAt: z.string(), messageId: z.uuid(), contentHash: z.string(), sourceEventId: z.uuid() })
        .nullable()
        .optional()
        .describe('C-12: the written notice reached the applicant — notifications’ proof of delivery (issue #16)'),
    })
    .nullable(),
  instituteDueOn: IsoDateSchema.nullable().describe('C-13: the last day to send it to the national institute'),
  instituteOverdue: z.boolean(),
  sentToInstituteAt: z.iso.datetime({ offset: true }).nullable(),
  expertOpinion: ExpertOpinionSchema.nullable().optional().describe('C-14, C-15: for the organiser and the experts only'),
});

export const ProtocolBody = z.object({
  number: z.string().trim().min(1).max(100).describe('The protocol number (C-20)'),
  decidedOn: IsoDateSchema,
  documentId: z.uuid().optional().describe("ADR 0113: the signed protocol uploaded to documents (the Commission's cluster-commission-protocol)"),
  documentRef: z.string().trim().min(1).max(200).optional().describe('Deprecated (ADR 0113): a free-text reference of the signed protocol; give documentId'),
  winnerApplicationIds: z
    .array(z.uuid())
    .max(100)
    .optional()
    .describe('Deprecated (ADR 0083): the winners follow the recorded votes (C-19); when given, must name exactly those the votes decided'),
});

/** C-2, C-19 (ADR 0083): the round's Commission, formed by the organiser. */
export const CommissionBody = z.object({
  decisionDocumentId: z
    .uuid()
    .optional()
    .describe("ADR 0113: the organiser's decision forming the Commission (C-2) uploaded to documents (cluster-commission-order)"),
  decisionRef: text(200).optional().describe("Deprecated (ADR 0113): a free-text reference of the organiser's decision; give decisionDocumentId"),
  members: z
    .array(
      z.object({
        subject: text(200).describe("The member's user (the subject of their token)"),
        fullName: text(500),
        organisation: text(500),
        body: z.enum(COMMISSION_BODIES).describe('C-2: a state body, a national company or the NCE "Atameken"'),
      }),
    )
    .min(1)
    .max(50),
});

/** C-19: a member's vote on one application before the Commission. */
export const VoteBody = z.object({
  applicationId: z.uuid(),
  choice: z.enum(VOTE_CHOICES),
  comment: z.string().trim().max(4000).default(''),
});

const RecordedVoteSchema = z.object({
  applicationId: z.uuid(),
  memberSubject: z.string(),
  memberName: z.string(),
  choice: z.enum(VOTE_CHOICES),
  comment: z.string(),
  castAt: z.iso.datetime({ offset: true }),
});

const TallySchema = z.object({
  applicationId: z.uuid(),
  bin: BinSchema,
  clusterName: z.string(),
  for: z.int(),
  against: z.int(),
  abstain: z.int(),
  cast: z.int(),
  quorum: z.int().describe('ADR 0083: two thirds of the composition'),
  quorate: z.boolean(),
  winner: z.boolean().describe('ADR 0083: more than half of the votes cast are "for"'),
  votes: z.array(RecordedVoteSchema),
});

export const CommissionViewSchema = z.object({
  roundId: z.uuid(),
  status: z.enum(['announced', 'winners-decided', 'results-published']),
  composition: CommissionBody.extend({
    decisionRef: z.string(),
    decisionDocumentId: z.uuid().nullable().describe("ADR 0113: the organiser's decision in documents, when named by id"),
    formedBy: z.string(),
    formedAt: z.iso.datetime({ offset: true }),
  }).nullable(),
  beforeCommission: z.boolean().describe('C-18: the materials and opinions have been put before the Commission'),
  quorum: z.int().nullable(),
  tallies: z.array(TallySchema).describe('C-19: the votes so far per application (after the decision: as in the protocol)'),
  protocol: z
    .object({
      number: z.string(),
      decidedOn: IsoDateSchema,
      documentRef: z.string(),
      documentId: z.uuid().nullable().describe('ADR 0113: the signed protocol in documents, when named by id'),
      receivedAt: z.iso.datetime({ offset: true }),
      recordedBy: z.string().nullable(),
      winners: z.array(z.object({ applicationId: z.uuid(), bin: BinSchema, clusterName: z.string() })),
    })
    .nullable()
    .describe('C-20: the protocol; its votes are the tallies above'),
});

export const ResultsViewSchema = z.object({
  roundId: z.uuid(),
  ruleSetId: z.string(),
  title: z.string(),
  protocolNumber: z.string(),
  decidedOn: IsoDateSchema,
  publishedAt: z.iso.datetime({ offset: true }),
  winners: z.array(z.object({ applicationId: z.uuid(), bin: BinSchema, clusterName: z.string() })),
});

export const DeadlineViewSchema = z.object({
  kind: z.enum(['compliance-check', 'institute-transfer', 'expert-opinions', 'opinions-to-organiser', 'opinions-to-commission', 'results-publication']),
  ruleId: z.enum(['C-12', 'C-13', 'C-16', 'C-17', 'C-18', 'C-21']),
  subjectId: z.uuid(),
  roundId: z.uuid(),
  bin: BinSchema.optional(),
  startedOn: IsoDateSchema,
  dueDate: IsoDateSchema,
  status: z.literal('open'),
  overdue: z.boolean(),
});
