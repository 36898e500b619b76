import { z } from 'zod';
import { BinSchema, IsoDateSchema, LanguageSchema, PageQuerySchema, TiynSchema, pageOf } from '../common.js';
import { DeadlinesPageQuerySchema, deadlinesPageOf, decodeKeysetCursor } from '../deadlines.js';
import { RegistrationDeadlineKindSchema, RefusalGroundSchema } from './events.js';

/**
 * Registration's HTTP DTOs (F-7 … F-20). Drafts accept partial data (the applicant fills the
 * application step by step); completeness is checked by the domain when the application is filed.
 * Amounts are integer tiyn (1 KZT = 100 tiyn, ADR 0036): `revenueTiyn`, `totalTiyn`, `debtTiyn`.
 */
const text = (max = 5000) => z.string().trim().min(1).max(max);

export const ApplicationStatusSchema = z.enum([
  'draft',
  'submitted',
  'remarks-issued',
  'resubmitted',
  'with-commission',
  'registered',
  'refused',
  'contract-signed',
  'certificate-issued',
  'listed',
]);
export const ApplicationKindSchema = z.enum(['registration', 'activity-change']);

export const SelectedActivityTypeSchema = z.object({ code: z.string().min(1).max(50), works: z.array(z.string().min(1).max(50)).max(50) });

export const BusinessPlanProjectSchema = z.object({
  activityTypeCode: z.string().min(1).max(50),
  name: text(500),
  description: text(),
  goals: text(),
  tasks: text(),
  readinessStage: text(1000),
  kpis: z.array(z.object({ name: text(500), target: text(500) })).max(50),
  technicalDescription: text(),
  offering: z.object({
    products: text(),
    salesMethod: text(),
    yearlySales: z.array(z.object({ year: z.number().int().min(2000).max(2100), volume: text(500), revenueTiyn: TiynSchema })).max(20),
  }),
});

export const BusinessPlanSchema = z
  .object({
    projects: z.array(BusinessPlanProjectSchema.partial().extend({ activityTypeCode: z.string().min(1).max(50) })).max(20),
    placeOfImplementation: text(1000),
    ownership: z.object({ basis: text(), intellectualProperty: text() }).partial(),
    team: z.object({ qualifications: text(), headcount: z.number().int().min(0).max(100_000), residentsPlan: text(), nonResidentsPlan: text() }).partial(),
    costEstimate: z.object({ totalTiyn: TiynSchema, breakdown: text() }).partial(),
    clients: text(),
    actionPlan: z.array(z.object({ period: text(200), action: text(2000) })).max(100),
  })
  .partial();

export const EligibilityDeclarationSchema = z.object({
  hasBranches: z.boolean(),
  implementsInvestmentPriorityProject: z.boolean(),
  implementsInvestmentStrategicProjectBefore2015: z.boolean(),
  /** F-7(3) «(іске асырған)»: has implemented one (asked beside "implements"; unanswered → the F-7(3) check fails and becomes a proposed remark). */
  hasImplementedInvestmentPriorityProject: z.boolean().optional(),
  hasImplementedInvestmentStrategicProjectBefore2015: z.boolean().optional(),
  stateOwnershipPercent: z.number().min(0).max(100),
  isSubsoilUser: z.boolean(),
  isSezParticipant: z.boolean(),
  isExcisePayer: z.boolean(),
  exportRevenuePercent: z.number().min(0).max(100).optional(),
  quasiStateRevenuePercent: z.number().min(0).max(100).optional(),
});

/** Issue #10 (ADR 0045): a document uploaded to the documents context and verified there — by its id, of the kind the rule requires. */
const DocumentIdSchema = z.uuid().describe('A verified document of the documents context (ADR 0045), of the kind the rule requires');
export const TaxCertificateSchema = z.object({
  number: z.string().max(100).optional(),
  issuedOn: IsoDateSchema,
  debtTiyn: TiynSchema,
  /** F-9(2): the uploaded information of the tax authority (kind tax-debt-certificate). */
  documentId: DocumentIdSchema.optional(),
});
export const PlaceOfBusinessSchema = z
  .object({
    address: text(1000),
    proofKind: text(200),
    /** F-9(3): the uploaded proof (kind place-of-business-proof). */
    documentId: DocumentIdSchema.optional(),
    /** Deprecated (issue #10): a free-text reference, accepted until every client uploads; give documentId instead. */
    documentRef: text(200).optional(),
  })
  .refine((p) => p.documentId !== undefined || p.documentRef !== undefined, {
    path: ['documentId'],
    message: 'the proof of the place of business is required: an uploaded document (documentId)',
  });

export const CreateApplicationBody = z.object({
  kind: ApplicationKindSchema.default('registration'),
  bin: BinSchema,
  companyName: text(500),
  address: text(1000),
  language: LanguageSchema,
});

export const EditApplicationBody = z
  .object({
    companyName: text(500),
    address: text(1000),
    language: LanguageSchema,
    activityTypes: z.array(SelectedActivityTypeSchema).max(20),
    businessPlan: BusinessPlanSchema,
    taxCertificate: TaxCertificateSchema,
    placeOfBusiness: PlaceOfBusinessSchema,
    eligibility: EligibilityDeclarationSchema,
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

export const ResubmitBody = z.object({
  answers: z
    .array(z.object({ remarkId: z.uuid(), answer: text(5000) }))
    .min(1)
    .max(200),
});
export const IssueRemarksBody = z.object({
  remarks: z
    .array(z.object({ field: z.string().min(1).max(300), message: text(5000) }))
    .min(1)
    .max(200),
});
export const CastVoteBody = z.object({
  vote: z.enum(['register', 'refuse']),
  grounds: z.array(RefusalGroundSchema).max(2).default([]),
  comment: z.string().max(5000).optional(),
});
export const RecordDecisionBody = z.object({
  decision: z.enum(['register', 'refuse']),
  grounds: z
    .array(z.object({ ground: RefusalGroundSchema, reason: text(5000) }))
    .max(2)
    .default([]),
  /** F-17: the date of the Commission's protocol — the 5 WD of the notification run from it. Not in the future, not before the sending to the Commission; today (Asia/Almaty) when omitted. */
  decidedOn: IsoDateSchema.optional(),
});
export const SignContractBody = z.object({ contractNumber: text(100), signedOn: IsoDateSchema, termMonths: z.number().int().min(1).max(120).optional() });

export const ApplicationIdParams = z.object({ id: z.uuid() });
/** A registration certificate (Annex 2, `AH-2026-00001`) or an extension certificate (Annex 3, `EXT-AH-2026-00001-20281115`). */
export const CertificateNumberParams = z.object({
  number: z.string().regex(/^(AH-\d{4}-\d{5}|EXT-AH-\d{4}-\d{5}-\d{8})$/, 'certificate number looks like AH-2026-00001 or EXT-AH-2026-00001-20281115'),
});

export const ApplicationListQuery = PageQuerySchema.extend({
  status: ApplicationStatusSchema.optional(),
  bin: BinSchema.optional(),
  kind: ApplicationKindSchema.optional(),
});

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
export const ReviewQueueQuery = PageQuerySchema.extend({ overdue: booleanQuery.optional() });
/** The paged deadlines contract (ADR 0047) and registration's own filters; every status unless `status` says. */
export const DeadlinesQuery = DeadlinesPageQuerySchema.extend({
  kind: RegistrationDeadlineKindSchema.optional(),
  status: z.enum(['open', 'met']).optional(),
  applicationId: z.uuid().optional(),
});

export const RegistryQuery = PageQuerySchema.extend({
  q: z.string().trim().min(1).max(200).optional(),
  activityType: z.string().min(1).max(50).optional(),
  /** F-19, F-25, F-27, F-28: active, expired (past the current validity) or terminated early. */
  status: z.enum(['active', 'expired', 'terminated']).optional(),
  /** ADR 0048: the page after this one (a page's `nextCursor`), by keyset — `page` is then not used. */
  after: z
    .string()
    .min(1)
    .max(2000)
    .refine((v) => decodeKeysetCursor(v, 3) !== null, { message: 'not a cursor this endpoint issued (take nextCursor)' })
    .optional(),
});
export const RegistryExportQuery = RegistryQuery.omit({ page: true, pageSize: true, after: true }).extend({ format: z.enum(['csv', 'json']).default('json') });

export const RemarkSchema = z.object({
  id: z.string(),
  round: z.number().int(),
  field: z.string(),
  message: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  answer: z.string().optional(),
  answeredAt: z.string().optional(),
});
export const RuleOutcomeSchema = z.object({
  ruleId: z.string(),
  name: z.string(),
  outcome: z.enum(['passed', 'failed', 'not-applicable']),
  message: z.string(),
  field: z.string(),
});
export const DeadlineViewSchema = z.object({
  kind: RegistrationDeadlineKindSchema,
  ruleId: z.string(),
  applicationId: z.uuid(),
  /**
   * The deadline's subject as the board (ADR 0033) and notifications' message log name it — the application
   * (issue #16, ADR 0121: the staff board links each row to `/staff/messages?subjectId=`; the other contexts
   * already send it). Additive.
   */
  subjectId: z.uuid(),
  bin: BinSchema,
  companyName: z.string().optional(),
  startedOn: IsoDateSchema,
  dueDate: IsoDateSchema,
  status: z.enum(['open', 'met']),
  overdue: z.boolean(),
  missedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export const DeadlinesPageSchema = deadlinesPageOf(DeadlineViewSchema);

export const ApplicationViewSchema = z.object({
  id: z.uuid(),
  kind: ApplicationKindSchema,
  bin: BinSchema,
  companyName: z.string(),
  address: z.string(),
  language: LanguageSchema,
  status: ApplicationStatusSchema,
  allowedActions: z.array(z.string()),
  activityTypes: z.array(SelectedActivityTypeSchema),
  businessPlan: z.unknown().nullable(),
  taxCertificate: TaxCertificateSchema.nullable(),
  placeOfBusiness: PlaceOfBusinessSchema.nullable(),
  eligibility: EligibilityDeclarationSchema.nullable(),
  eligibilityEvaluation: z
    .object({ ruleSetVersion: z.string(), filedOn: z.string(), evaluatedOn: z.string(), eligible: z.boolean(), outcomes: z.array(RuleOutcomeSchema) })
    .nullable(),
  filedAt: z.string().nullable(),
  remarks: z.array(RemarkSchema),
  /** F-12/F-14/F-16: the automated checks that failed on filing — proposals for the officer's remarks, or (for: commission) an F-16 ground. */
  proposedRemarks: z.array(
    z.object({
      ruleId: z.string(),
      field: z.string(),
      message: z.string(),
      for: z.enum(['officer', 'commission']),
      ground: RefusalGroundSchema.optional(),
    }),
  ),
  votes: z.array(
    z.object({
      member: z.string(),
      memberName: z.string().optional(),
      vote: z.enum(['register', 'refuse']),
      grounds: z.array(RefusalGroundSchema),
      comment: z.string().optional(),
      castAt: z.string(),
    }),
  ),
  decision: z.unknown().nullable(),
  /** Issue #10: the extract of the Commission's protocol in the documents archive, once archived (null before). */
  protocolDocumentId: z.uuid().nullable(),
  /**
   * ADR 0132 (ADR 0122; F-15, F-16, F-35): the full protocol with each member's vote in the documents archive —
   * the Fund's own record. Named to the reviewers only (fund officers, the Commission); null for the company
   * decided on (and for anyone before the archiving timer has run).
   */
  fullProtocolDocumentId: z.uuid().nullable(),
  notifiedAt: z.string().nullable(),
  /** F-17: how the notice is proven — the officer's record, or notifications' delivery by e-mail or in the portal. */
  notifiedVia: z.enum(['officer-record', 'email', 'portal']).nullable(),
  contract: z.object({ number: z.string(), signedOn: z.string(), termStart: z.string(), termEnd: z.string() }).nullable(),
  certificateNumber: z.string().nullable(),
  certificateIssuedOn: z.string().nullable(),
  listedOn: z.string().nullable(),
  deadlines: z.array(DeadlineViewSchema),
  history: z.array(z.object({ at: z.string(), from: z.string().nullable(), to: z.string(), by: z.string() })),
});

export const ApplicationSummarySchema = z.object({
  id: z.uuid(),
  kind: ApplicationKindSchema,
  bin: BinSchema,
  companyName: z.string(),
  status: ApplicationStatusSchema,
  language: LanguageSchema,
  filedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export const ApplicationPageSchema = pageOf(ApplicationSummarySchema);

export const ReviewQueueItemSchema = ApplicationSummarySchema.extend({
  ruleId: z.string(),
  dueDate: IsoDateSchema,
  workingDaysLeft: z.number().int(),
  overdue: z.boolean(),
  openRemarks: z.number().int(),
  translationPending: z.boolean(),
});
export const ReviewQueuePageSchema = pageOf(ReviewQueueItemSchema);

/** F-13, F-15, F-20: an application before the Commission, its decision deadline and the votes recorded so far. */
export const CommissionAgendaItemSchema = ApplicationSummarySchema.extend({
  ruleId: z.string(),
  dueDate: IsoDateSchema.nullable(),
  overdue: z.boolean(),
  votes: z.number().int(),
});
export const CommissionAgendaSchema = z.array(CommissionAgendaItemSchema);

export const RegistryEntrySchema = z.object({
  companyName: z.string(),
  bin: BinSchema,
  activityTypes: z.array(z.object({ code: z.string(), name: z.string() })),
  certificateNumber: z.string(),
  validFrom: IsoDateSchema,
  /** The last day of the CURRENT validity: the term end, moved by approved extensions (F-25), or the planned end (F-27). */
  validTo: IsoDateSchema,
  status: z.enum(['active', 'expired', 'terminated']),
  listedOn: IsoDateSchema,
  /** F-25, Annex 3: the extension certificates, each with its own number and validity. */
  extensions: z.array(z.object({ certificateNumber: z.string(), issuedOn: IsoDateSchema, validFrom: IsoDateSchema, validTo: IsoDateSchema })),
  /** F-28: an early termination — its date and ground category (and number) only, never the confidential detail (F-35). */
  termination: z.object({ terminatedOn: IsoDateSchema, ground: z.string(), groundNumber: z.number().int().nullable() }).nullable(),
});
export const RegistryPageSchema = pageOf(RegistryEntrySchema).extend({
  /**
   * ADR 0125: how many entries match the filter — on the FIRST page only (page 1 without `after`);
   * null on every later page, which is served without a count. Keep the first page's total.
   */
  total: z.number().int().nullable(),
  /** The keyset cursor of the next page (ADR 0048), null on the last. */
  nextCursor: z.string().nullable(),
});
export const CertificateVerificationSchema = RegistryEntrySchema.extend({
  /** Which document the number names: the registration certificate (Annex 2) or an extension certificate (Annex 3). */
  certificate: z.object({ kind: z.enum(['registration', 'extension']), number: z.string(), validFrom: IsoDateSchema, validTo: IsoDateSchema }),
  valid: z.boolean(),
  issuedOn: IsoDateSchema,
  signature: z.object({ provider: z.string(), nationalPki: z.boolean(), algorithm: z.string(), keyId: z.string(), verified: z.boolean() }),
  /**
   * The SHA-256 (hex) of the PDF issued under this number, so that anyone holding a copy can check it
   * is byte for byte the one the Fund issued (issue #10). Registration certificates (Annex 2) only;
   * null for an extension certificate, which participation issues and keeps (ADR 0051).
   */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
});

export const TranslationTaskSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  bin: BinSchema,
  sourceLanguage: LanguageSchema,
  targetLanguage: LanguageSchema,
  status: z.enum(['open', 'done']),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  /** ADR 0137: the translation's document (null while open, and for tasks done before it: see documentRef). */
  documentId: z.uuid().nullable(),
  /** Tasks done before ADR 0137: the reference the officer typed. */
  documentRef: z.string().nullable(),
});
export const TranslationTaskIdParams = z.object({ id: z.uuid() });
/** F-10 (ADR 0137): the translation is a document uploaded to the documents context (kind application-translation, the application's company). */
export const CompleteTranslationBody = z.object({ targetLanguage: z.enum(['kk', 'ru']).default('ru'), documentId: z.uuid() });

export const ParticipantBinParams = z.object({ bin: BinSchema });
export const AddressChangeBody = z.object({ address: text(1000), proofDocumentRef: text(200) });
export const ParticipantViewSchema = z.object({
  id: z.uuid(),
  bin: BinSchema,
  companyName: z.string(),
  address: z.string(),
  activityTypes: z.array(z.object({ code: z.string(), name: z.string(), works: z.array(z.string()) })),
  contractNumber: z.string(),
  contractSignedOn: IsoDateSchema,
  termStart: IsoDateSchema,
  termEnd: IsoDateSchema,
  certificateNumber: z.string(),
  certificateIssuedOn: IsoDateSchema.nullable(),
  listedOn: IsoDateSchema.nullable(),
  /** F-19, F-25, F-27, F-28: as the public registry says it today. */
  status: z.enum(['active', 'expired', 'terminated']),
  validTo: IsoDateSchema,
  extensions: z.array(z.object({ certificateNumber: z.string(), issuedOn: IsoDateSchema, validFrom: IsoDateSchema, validTo: IsoDateSchema })),
  /** F-26 … F-28: how the participation ended (planned or early, ground category and number), or null. */
  end: z.object({ kind: z.enum(['planned', 'early']), ground: z.string(), groundNumber: z.number().int().nullable(), endedOn: IsoDateSchema }).nullable(),
});
