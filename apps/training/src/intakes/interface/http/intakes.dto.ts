import { z } from 'zod';
import { BinSchema, IsoDateSchema, LanguageSchema, TiynSchema } from '@hub/contracts';
import { ATTACHMENT_KINDS } from '../../domain/intake.types.js';

/** One of the Fund's internal documents (F-77): its version and text. */
export const VersionedDocumentSchema = z.object({ version: z.string().trim().min(1).max(50), text: z.string().trim().min(1).max(20000) });

export const AnnounceIntakeBody = z.object({
  title: z.string().trim().min(3).max(500),
  opensOn: IsoDateSchema.describe('F-64: the first day applications are accepted (Asia/Almaty)'),
  closesOn: IsoDateSchema.describe('F-64: the last day applications are accepted (Asia/Almaty)'),
  selectionCriteria: VersionedDocumentSchema.describe('F-77: the selection criteria (the Fund’s internal document, versioned)'),
  intakeOrder: VersionedDocumentSchema.describe('F-77: the intake order (the Fund’s internal document, versioned)'),
});

export const CourseSyllabusSchema = z.object({
  name: z.string().trim().min(3).max(500),
  description: z.string().trim().min(1).max(10000),
  curriculum: z
    .array(z.object({ week: z.int().min(1).max(520), topics: z.string().trim().min(1).max(2000), academicHours: z.int().min(1).max(100) }))
    .min(1)
    .describe('F-65(1): the curriculum by weeks and academic hours'),
  durationMonths: z.int().min(1).max(60),
  studentSelectionCriteria: z.string().trim().min(1).max(5000),
  priceTiyn: TiynSchema.describe('F-65(1): the course price in tiyn (ADR 0036)'),
  syllabusDocumentId: z.uuid().optional().describe('F-65(1), issue #10: the syllabus approved by the head, uploaded to documents (kind course-syllabus)'),
});

export const TypedAttachmentSchema = z.object({
  kind: z.enum(ATTACHMENT_KINDS).describe('F-65(2)–(6): franchise, foreign methodology rights, exclusive course rights, graduates’ employment, premises'),
  documentId: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('Issue #10: the uploaded document (a UUID of documents, kind training-rights-document); any other text is a deprecated free-text reference'),
  title: z.string().trim().min(1).max(500),
});

export const FileProviderApplicationBody = z.object({
  intakeId: z.uuid(),
  bin: BinSchema,
  language: LanguageSchema.describe('F-66 as F-10'),
  courses: z.array(CourseSyllabusSchema).min(1).max(50),
  attachments: z.array(TypedAttachmentSchema).max(50).default([]),
  declarationOfAccuracy: z.boolean().describe('F-67: the applicant answers for accuracy'),
});

export const EvidenceSchema = z.object({ documentId: z.string().trim().min(1).max(200), title: z.string().trim().min(1).max(500) });
const officerCheck = <T extends z.ZodType>(value: T) =>
  z.object({
    value,
    source: z.string().trim().min(1).max(500).describe('where the officer checked (the register, its extract number)'),
    checkedOn: IsoDateSchema,
    evidence: EvidenceSchema.describe('the stored extract or screenshot the check relied on'),
  });

export const CompletenessReviewBody = z.object({
  checks: z
    .object({
      taxDebt: officerCheck(z.object({ taxDebtTiyn: TiynSchema, pensionSocialArrearsTiyn: TiynSchema }))
        .optional()
        .describe('F-68(1): the officer’s recorded check of the tax debt and arrears (tiyn); replaces the register'),
      unfairProcurement: officerCheck(z.object({ listed: z.boolean() }))
        .optional()
        .describe('F-68(4): the officer’s recorded check'),
      debtors: officerCheck(z.object({ listed: z.boolean() }))
        .optional()
        .describe('F-68(5): the officer’s recorded check'),
    })
    .default({}),
  findings: z.object({
    falseInformation: z
      .object({ found: z.boolean(), note: z.string().trim().min(1).max(2000).nullable().default(null), evidence: EvidenceSchema.nullable().default(null) })
      .describe('F-68(2)'),
    bankruptcyOrLiquidation: z
      .object({ inProceedings: z.boolean(), source: z.string().trim().min(1).max(500), evidence: EvidenceSchema.nullable().default(null) })
      .describe('F-68(3)'),
    internetResource: z
      .object({ url: z.url().max(2000).nullable(), statesParticipation: z.boolean(), evidence: EvidenceSchema.nullable().default(null) })
      .describe('F-68(8)'),
  }),
});
export const RemarksBody = z.object({ items: z.array(z.string().trim().min(1).max(2000)).min(1).max(100).describe('F-70: what is incomplete') });
export const FixRemarksBody = z.object({
  courses: z.array(CourseSyllabusSchema).min(1).max(50),
  attachments: z.array(TypedAttachmentSchema).max(50).default([]),
});

export const IdParams = z.object({ id: z.uuid() });
export const ProviderApplicationListQuery = z.object({ bin: BinSchema.optional(), intakeId: z.uuid().optional() });

export const IntakeViewSchema = AnnounceIntakeBody.extend({ id: z.uuid(), announcedAt: z.string() });
export const ProviderApplicationViewSchema = z.object({
  id: z.uuid(),
  intakeId: z.uuid(),
  bin: BinSchema,
  language: LanguageSchema,
  courses: z.array(CourseSyllabusSchema),
  attachments: z.array(TypedAttachmentSchema),
  declarationOfAccuracy: z.boolean(),
  status: z.enum(['filed', 'review-overdue', 'remarks-issued', 'resubmitted', 'lapsed', 'complete', 'refused', 'admitted', 'rejected']),
  filedAt: z.string(),
  filedOn: IsoDateSchema,
  reviewDueOn: IsoDateSchema,
  remarks: z.object({ items: z.array(z.string()), issuedOn: IsoDateSchema, fixDueOn: IsoDateSchema, fixedOn: IsoDateSchema.nullable() }).nullable(),
  refusalReasons: z.array(z.string()),
  presentationAt: z.string().nullable().describe('F-72: when the applicant presents to the Commission'),
  presentationMinutes: z.int().nullable().describe('F-72: the length of the presentation slot'),
  decidedOn: IsoDateSchema.nullable(),
  quotas: z.int().nullable().describe('F-72, F-73: trainee places allocated'),
  noticeDueOn: IsoDateSchema.nullable().describe('F-74: 5 working days after the decision'),
  noticeSentOn: IsoDateSchema.nullable(),
  noticeSentVia: z
    .enum(['officer-record', 'email', 'portal'])
    .nullable()
    .describe('F-74: how the notice is proven — the delivery notifications proved (e-mail accepted, read in the portal), or the officer’s record'),
  contractDueOn: IsoDateSchema.nullable().describe('F-75: 10 working days after a positive decision'),
  contract: z.object({ number: z.string(), signedOn: IsoDateSchema, documentId: z.string(), late: z.boolean() }).nullable(),
  missedDeadlines: z.array(z.string()).describe('rule ids of the Fund’s deadlines that passed unmet'),
  traineeCount: z.int(),
});
export const GroundOutcomeViewSchema = z.object({
  ruleId: z.string(),
  name: z.string(),
  refuses: z.boolean(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
  source: z.string(),
  checkedOn: IsoDateSchema,
  evidence: EvidenceSchema.nullable(),
});
export const CompletenessReviewViewSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  result: z.enum(['complete', 'refused']),
  outcomes: z.array(GroundOutcomeViewSchema),
  reviewedBy: z.string(),
  reviewedOn: IsoDateSchema,
  reviewedAt: z.string(),
});
export const NoticeViewSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  kind: z.enum(['lapse', 'decision']),
  ruleId: z.string(),
  text: z.string(),
  sentOn: IsoDateSchema,
});
export const TrainingDeadlineViewSchema = z.object({
  kind: z.enum(['completeness-review', 'remarks-fix', 'decision-notice', 'contract']),
  ruleId: z.enum(['F-68', 'F-71', 'F-74', 'F-75']),
  subjectId: z.uuid(),
  bin: BinSchema,
  startedOn: IsoDateSchema,
  dueDate: IsoDateSchema,
  status: z.literal('open'),
  overdue: z.boolean(),
});

export type IntakeView = z.infer<typeof IntakeViewSchema>;
export type ProviderApplicationView = z.infer<typeof ProviderApplicationViewSchema>;
export type TrainingDeadlineView = z.infer<typeof TrainingDeadlineViewSchema>;
export type CompletenessReviewView = z.infer<typeof CompletenessReviewViewSchema>;
export type NoticeView = z.infer<typeof NoticeViewSchema>;
