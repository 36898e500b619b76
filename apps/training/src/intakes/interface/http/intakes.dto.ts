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
});

export const TypedAttachmentSchema = z.object({
  kind: z.enum(ATTACHMENT_KINDS).describe('F-65(2)–(6): franchise, foreign methodology rights, exclusive course rights, graduates’ employment, premises'),
  documentId: z.string().trim().min(1).max(200),
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
  status: z.enum(['filed', 'review-overdue']),
  filedAt: z.string(),
  filedOn: IsoDateSchema,
  reviewDueOn: IsoDateSchema,
});
export const TrainingDeadlineViewSchema = z.object({
  kind: z.literal('completeness-review'),
  ruleId: z.literal('F-68'),
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
