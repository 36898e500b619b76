import { z } from 'zod';
import { DeadlinesPageQuerySchema, deadlinesPageOf } from '../deadlines.js';
import { BinSchema, IsoDateSchema, PositiveTiynSchema, TiynSchema } from '../common.js';
import { EarlyTerminationGroundSchema, QuarterSchema, TerminationGroundSchema } from './events.js';

/** HTTP DTOs of the participation context (apps/participation, README lists the endpoints). */

export const ParticipationStatusSchema = z.enum(['active', 'terminated', 'ended']);

export const ParticipationDto = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  bin: BinSchema,
  companyName: z.string(),
  activityTypeCodes: z.array(z.string()),
  certificateNumber: z.string(),
  status: ParticipationStatusSchema,
  termStart: IsoDateSchema,
  termEnd: IsoDateSchema,
  /** F-25: null while the working-day calendar of that year is not published yet. */
  extensionDeadline: IsoDateSchema.nullable(),
  endedOn: IsoDateSchema.nullable(),
  terminationGround: TerminationGroundSchema.nullable(),
});
export type ParticipationDto = z.infer<typeof ParticipationDto>;

export const IdParams = z.object({ id: z.uuid() });
export const ParticipationListQuery = z.object({
  status: ParticipationStatusSchema.optional(),
  bin: BinSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * Deprecated (issue #10, ADR 0049): a document described by metadata the client claims (nothing is
 * stored). Still accepted until every client uploads; give the documents context's ids instead.
 */
export const AttachmentSchema = z.object({
  fileName: z.string().min(1).max(255),
  mediaType: z.string().min(3).max(100),
  sizeBytes: z
    .number()
    .int()
    .positive()
    .max(50 * 1024 * 1024),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256'),
});

/** Issue #10 (ADR 0049): documents uploaded to the documents context and verified there, by id, of the kind the rule requires. */
export const DocumentIdsSchema = z
  .array(z.uuid().describe('A verified document of the documents context (ADR 0045), of the kind the rule requires'))
  .min(1)
  .max(50);

// ---- Extension (F-25) ----
export const FileExtensionBody = z.object({ requestedTermEnd: IsoDateSchema });
export const DecideExtensionBody = z.object({
  decision: z.enum(['approve', 'reject']),
  reason: z.string().min(1).max(2000).optional(),
});
export const ExtensionDto = z.object({
  id: z.uuid(),
  participationId: z.uuid(),
  filedOn: IsoDateSchema,
  currentTermEnd: IsoDateSchema,
  requestedTermEnd: IsoDateSchema,
  status: z.enum(['submitted', 'approved', 'rejected']),
  decidedOn: IsoDateSchema.nullable(),
  reason: z.string().nullable(),
  certificateNumber: z.string().nullable(),
});

// ---- Membership fees (F-21 … F-23); money as integer tiyn only (ADR 0036) ----
export const DeclareIncomeBody = z.object({
  year: z.number().int().min(2026).max(2100),
  quarter: QuarterSchema,
  /** The quarter's income in tiyn. */
  incomeTiyn: TiynSchema,
});
export const FeeDto = z.object({
  id: z.uuid(),
  participationId: z.uuid(),
  bin: BinSchema,
  year: z.number().int(),
  quarter: QuarterSchema,
  dueDate: IsoDateSchema,
  status: z.enum(['awaiting-declaration', 'assessed', 'paid', 'overdue']),
  declaredIncomeTiyn: TiynSchema.nullable(),
  feeTiyn: TiynSchema.nullable(),
  tariffId: z.string().nullable(),
  paidTiyn: TiynSchema,
  outstandingTiyn: TiynSchema.nullable(),
});
export const RecordPaymentBody = z.object({
  /** The amount paid, in tiyn. */
  amountTiyn: PositiveTiynSchema,
  paidOn: IsoDateSchema,
  reference: z.string().min(1).max(100),
});
export const ImportBankStatementBody = z.object({
  fileName: z.string().min(1).max(255),
  /** The CSV text (format in apps/participation/README.md; amounts as decimal KZT text, read exactly). */
  csv: z.string().min(1).max(5_000_000),
});
export const ImportResultDto = z.object({
  importId: z.uuid(),
  rows: z.number().int(),
  totalTiyn: TiynSchema,
  /** Issue #11 (additive): each statement row and the fee it paid, in the statement's order — the import's summary on screen. */
  payments: z.array(
    z.object({
      /** The statement's row number (the header is row 1), as in the 422's `csv.row[n]` paths. */
      row: z.number().int(),
      bin: z.string(),
      year: z.number().int(),
      quarter: z.number().int().min(1).max(4),
      amountTiyn: TiynSchema,
      reference: z.string(),
      feeId: z.uuid(),
      /** The fee's status once this statement is recorded (`paid` when it is settled, F-21). */
      feeStatus: z.string(),
      /** What the fee still owes after this statement. */
      outstandingTiyn: TiynSchema.nullable(),
    }),
  ),
});

// ---- Quarterly reports (F-37, F-39) and non-residents (F-42) ----
export const PassportSchema = z.object({
  number: z
    .string()
    .min(3)
    .max(30)
    .regex(/^[A-Za-z0-9-]+$/, 'letters, digits and dashes only'),
  issuedOn: IsoDateSchema,
  issuedBy: z.string().min(2).max(300),
});
const YearMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM');
const PersonName = z.string().min(2).max(300);
const LatinName = z
  .string()
  .min(2)
  .max(300)
  .regex(/^[A-Za-z' .-]+$/, 'Latin letters only');

/** F-42: an engaged foreigner or stateless person. */
export const EngagedNonResidentSchema = z.object({
  fullName: PersonName,
  fullNameLatin: LatinName,
  dateOfBirth: IsoDateSchema,
  status: z.enum(['foreign-citizen', 'stateless']),
  /** Citizenship (null for a stateless person). */
  citizenship: z.string().min(2).max(100).nullable(),
  countryOfPermanentResidence: z.string().min(2).max(100),
  passport: PassportSchema,
  /** Expected stay: month and year. */
  expectedStayFrom: YearMonthSchema,
  expectedStayUntil: YearMonthSchema,
  qualifications: z.string().min(1).max(2000),
  visaExtension: z.string().max(2000).default(''),
  purposeOfStay: z.string().min(1).max(2000),
});
/**
 * F-42: a family member of an engaged person — «тегі, аты, әкесінің аты …, оның ішінде латын әріптерімен» for
 * the family member and again for the engaged person it belongs to (issue #9).
 */
export const FamilyMemberSchema = z.object({
  fullName: PersonName,
  fullNameLatin: LatinName,
  dateOfBirth: IsoDateSchema,
  engagedPersonFullName: PersonName,
  /** F-42: the engaged person's full name also in Latin letters (as in their own entry). */
  engagedPersonFullNameLatin: LatinName,
  kinship: z.string().min(2).max(100),
  kinshipDocuments: z.string().min(2).max(2000),
  passport: PassportSchema,
  visaExtension: z.string().max(2000).default(''),
  purposeOfStay: z.string().min(1).max(2000),
});
export const NonResidentsSchema = z.object({
  engaged: z.array(EngagedNonResidentSchema).max(500).default([]),
  familyMembers: z.array(FamilyMemberSchema).max(1000).default([]),
});
export type NonResidents = z.infer<typeof NonResidentsSchema>;

export const SubmitQuarterlyReportBody = z.object({
  /** F-39: the analysis of the quarter's results. */
  resultsAnalysis: z.string().min(20).max(20_000),
  /** Amounts in tiyn (ADR 0036). */
  indicators: z.object({
    revenueTiyn: TiynSchema,
    exportRevenueTiyn: TiynSchema,
    headcount: z.number().int().min(0),
    residentHeadcount: z.number().int().min(0),
    nonResidentHeadcount: z.number().int().min(0),
    /** 0 when absent. */
    investmentsAttractedTiyn: TiynSchema.optional(),
  }),
  nonResidents: NonResidentsSchema.default({ engaged: [], familyMembers: [] }),
});
export const ReportParams = z.object({ id: z.uuid(), year: z.coerce.number().int().min(2026).max(2100), quarter: z.coerce.number().int().min(1).max(4) });
export const QuarterlyReportDto = z.object({
  id: z.uuid(),
  participationId: z.uuid(),
  bin: BinSchema,
  year: z.number().int(),
  quarter: QuarterSchema,
  dueDate: IsoDateSchema,
  status: z.enum(['due', 'submitted', 'overdue', 'submitted-late']),
  submittedAt: z.iso.datetime({ offset: true }).nullable(),
  nonResidentCount: z.number().int(),
  familyMemberCount: z.number().int(),
});

// ---- Information requests (F-32, F-38), audit (F-33), notices (F-34) ----
export const InformationKindSchema = z.enum([
  'tax-and-accounting',
  'statistical-reports',
  'tax-declarations',
  'audit-opinion',
  'audit-report',
  'additional-documents',
]);
export const RequestInformationBody = z.object({ kind: InformationKindSchema, description: z.string().min(3).max(4000) });
/** F-32, F-38: the answer's documents by id (kind request-answer; an audit opinion or report also as audit-opinion). */
export const AnswerBody = z
  .object({
    note: z.string().max(4000).default(''),
    documentIds: DocumentIdsSchema.optional(),
    /** Deprecated (issue #10): file metadata the client claims; give documentIds instead. */
    attachments: z.array(AttachmentSchema).min(1).max(50).optional(),
  })
  .refine((b) => b.documentIds !== undefined || b.attachments !== undefined, {
    path: ['documentIds'],
    message: 'the requested documents are required: uploaded documents (documentIds)',
  });
/** F-33: the audit opinion by id (kind audit-opinion); the file metadata fields are deprecated (issue #10). */
export const AuditOpinionBody = z
  .object({
    documentId: z.uuid().describe('The uploaded audit opinion (kind audit-opinion) in the documents context').optional(),
    ...AttachmentSchema.partial().shape,
  })
  .refine((b) => b.documentId !== undefined || (b.fileName !== undefined && b.mediaType !== undefined && b.sizeBytes !== undefined && b.sha256 !== undefined), {
    path: ['documentId'],
    message: 'the audit opinion is required: an uploaded document (documentId)',
  });
export const InformationRequestDto = z.object({
  id: z.uuid(),
  participationId: z.uuid(),
  bin: BinSchema,
  kind: InformationKindSchema,
  description: z.string(),
  requestedOn: IsoDateSchema,
  dueDate: IsoDateSchema,
  status: z.enum(['open', 'answered', 'overdue', 'answered-late']),
  answeredOn: IsoDateSchema.nullable(),
  /** Issue #10: the answer's documents in the documents context (empty before the answer, or for a deprecated metadata-only answer). */
  documentIds: z.array(z.uuid()),
});
export const AuditObligationDto = z.object({
  id: z.uuid(),
  participationId: z.uuid(),
  bin: BinSchema,
  financialYear: z.number().int(),
  /** The year's declared income the obligation rests on, in tiyn (ADR 0036). */
  declaredIncomeTiyn: TiynSchema,
  /** The F-33 threshold in force for the year, in tiyn. */
  thresholdTiyn: TiynSchema,
  dueDate: IsoDateSchema,
  status: z.enum(['owed', 'submitted', 'overdue', 'submitted-late']),
  submittedOn: IsoDateSchema.nullable(),
  /** Issue #10: the opinion in the documents context (null before it, or for a deprecated metadata-only opinion). */
  opinionDocumentId: z.uuid().nullable(),
});
/** F-33 (ADR 0052): the company's income of a whole financial year, declared once the year is over. */
export const DeclareAnnualIncomeBody = z.object({
  year: z.number().int().min(2026).max(2100),
  /** The whole year's income in tiyn (not only the quarters inside the participation). */
  incomeTiyn: TiynSchema,
});
export const AnnualIncomeDto = z.object({
  participationId: z.uuid(),
  financialYear: z.number().int(),
  incomeTiyn: TiynSchema,
  declaredOn: IsoDateSchema,
  /** F-33: the audit obligation this income makes owed (or revises), null when none. */
  auditObligation: AuditObligationDto.nullable(),
});
export const CorporateNoticeBody = z
  .object({
    kind: z.enum(['re-registration', 'liquidation']),
    /** The date of the re-registration or of the liquidation decision. */
    eventDate: IsoDateSchema,
    description: z.string().max(4000).default(''),
    /** The copies of the decision by id (kind decision-copy, issue #10). */
    documentIds: DocumentIdsSchema.optional(),
    /** Deprecated (issue #10): file metadata the client claims; give documentIds instead. */
    copies: z.array(AttachmentSchema).min(1).max(50).optional(),
  })
  .refine((b) => b.documentIds !== undefined || b.copies !== undefined, {
    path: ['documentIds'],
    message: 'copies of the decision are required: uploaded documents (documentIds)',
  });
export const CorporateNoticeDto = z.object({
  id: z.uuid(),
  participationId: z.uuid(),
  kind: z.enum(['re-registration', 'liquidation']),
  eventDate: IsoDateSchema,
  filedOn: IsoDateSchema,
  dueDate: IsoDateSchema,
  onTime: z.boolean(),
  /** Deprecated (issue #10): the copies described by metadata only. */
  copies: z.array(AttachmentSchema),
  /** Issue #10: the copies in the documents context. */
  documentIds: z.array(z.uuid()),
});

// ---- Monitoring (F-36, F-40) and early termination (F-28 … F-30) ----
export const MonitoringConclusionBody = z.object({
  project: z.string().min(1).max(500),
  periodFrom: IsoDateSchema,
  periodTo: IsoDateSchema,
  conclusion: z.enum(['expedient', 'not-expedient']),
  reasoning: z.string().min(10).max(10_000),
});
export const MonitoringConclusionDto = z.object({
  id: z.uuid(),
  participationId: z.uuid(),
  project: z.string(),
  periodFrom: IsoDateSchema,
  periodTo: IsoDateSchema,
  conclusion: z.enum(['expedient', 'not-expedient']),
  reasoning: z.string(),
  concludedOn: IsoDateSchema,
});
export const OpenEarlyTerminationBody = z.object({
  ground: EarlyTerminationGroundSchema,
  reason: z.string().min(3).max(4000),
  /** Ground (3): the date the participant withdraws; at least 10 WD after the notice (F-29). */
  withdrawalDate: IsoDateSchema.optional(),
  /** The record the ground rests on: a monitoring conclusion (1), an overdue report or request (4), a liquidation notice (5), an overdue fee (6). */
  basisId: z.uuid().optional(),
});
export const CommissionDecisionBody = z.object({
  decision: z.enum(['terminate', 'continue']),
  protocolNumber: z.string().min(1).max(100),
  decidedOn: IsoDateSchema,
});
export const EarlyTerminationDto = z.object({
  id: z.uuid(),
  participationId: z.uuid(),
  bin: BinSchema,
  ground: EarlyTerminationGroundSchema,
  groundNumber: z.number().int(),
  reason: z.string(),
  status: z.enum(['pending-commission', 'scheduled', 'terminated', 'rejected-by-commission', 'cancelled']),
  openedOn: IsoDateSchema,
  effectiveDate: IsoDateSchema.nullable(),
  protocolNumber: z.string().nullable(),
});

// ---- Analytics (F-41) ----
export const QuarterParams = z.object({ year: z.coerce.number().int().min(2026).max(2100), quarter: z.coerce.number().int().min(1).max(4) });
export const AnalyticsReportDto = z.object({
  id: z.uuid(),
  year: z.number().int(),
  quarter: QuarterSchema,
  generatedAt: z.iso.datetime({ offset: true }),
  dueDate: IsoDateSchema,
  participants: z.number().int(),
  /**
   * Issue #10, ADR 0132: this edition as the Fund issued it — a PDF rendered once, stored in the documents
   * archive (kind `quarterly-analytics`) with its SHA-256 and served byte-identical from there; null while
   * the archiving timer has not run yet. Downloaded from documents (`GET /documents/:id/download`), which
   * lets the Fund's officers read it (F-35: no company).
   */
  archived: z.object({ documentId: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/), archivedAt: z.iso.datetime({ offset: true }) }).nullable(),
});

export const PiiAccessLogDto = z.object({
  id: z.uuid(),
  actorSubject: z.string(),
  actorRoles: z.array(z.string()),
  bin: BinSchema,
  reportId: z.uuid(),
  what: z.string(),
  correlationId: z.string().nullable(),
  accessedAt: z.iso.datetime({ offset: true }),
});

// ---- Open deadlines (the admin gateway's board, ADR 0033) ----
export const ParticipationDeadlineKindSchema = z.enum(['membership-fee', 'quarterly-report', 'information-request', 'audit-opinion', 'term-end']);
export const ParticipationDeadlineViewSchema = z.object({
  kind: ParticipationDeadlineKindSchema,
  ruleId: z.string(),
  /** The fee, report, request, audit obligation or participation the deadline belongs to. */
  subjectId: z.uuid(),
  participationId: z.uuid(),
  bin: BinSchema,
  companyName: z.string(),
  /** Civil date in Asia/Almaty; missed at the first instant of the next day. */
  dueDate: IsoDateSchema,
  status: z.string(),
  overdue: z.boolean(),
});
/** The paged deadlines contract (ADR 0047): limit, after, bin, overdue, dueBefore. */
export const ParticipationDeadlinesQuery = DeadlinesPageQuerySchema;
export const ParticipationDeadlinesPageSchema = deadlinesPageOf(ParticipationDeadlineViewSchema);
