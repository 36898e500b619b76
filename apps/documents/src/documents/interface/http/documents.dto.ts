import { z } from 'zod';
import { BinSchema } from '@hub/contracts';
import { OFFICES } from '../../domain/document-kind.js';

export const DocumentIdParams = z.object({ id: z.uuid() });

export const StartUploadBody = z.object({
  ownerBin: BinSchema.optional().describe(
    "The company the document belongs to; left out for a kind the Fund owns (ADR 0110: the Fund's BIN from configuration)",
  ),
  ownerOffice: z
    .enum(OFFICES)
    .optional()
    .describe('ADR 0113: for a kind an office owns, that office (optional: the kind names it; another is 422 ownerOffice)'),
  kind: z.string().min(1).max(60).describe('A document kind (data/document-kinds.json), e.g. tax-debt-certificate'),
  fileName: z.string().min(1).max(255).describe('The file name; its extension must name a type the kind accepts'),
  size: z.number().int().positive().describe('The exact size in bytes the client will upload'),
  supersedes: z.uuid().optional().describe('The document this upload corrects (a new version of it)'),
});

export const AttachBody = z.object({
  to: z
    .string()
    .regex(/^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*\/[A-Za-z0-9._-]{1,100}$/)
    .describe('What the document is attached to: <context>/<thing>/<id>, e.g. registration/application/<id>'),
});

export const IssueBody = z.object({
  ownerBin: BinSchema.optional().describe(
    "The company the document belongs to; required for a company's kind. A kind the Fund owns (ADR 0110, 0122) belongs to the configured Fund: leave it out",
  ),
  kind: z.string().min(1).max(60),
  issueKey: z
    .string()
    .regex(/^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*\/[A-Za-z0-9._-]{1,100}$/)
    .describe("The issuer's name for it: <context>/<thing>/<id>"),
  fileName: z.string().min(1).max(255),
  contentBase64: z.base64().describe('The rendered file (PDF), base64'),
});

export const DocumentListQuery = z.object({
  bin: BinSchema.optional(),
  kind: z.string().min(1).max(60).optional(),
});

const Status = z.enum(['awaiting-upload', 'verified', 'rejected', 'expired', 'attached', 'issued']);

export const DocumentViewSchema = z.object({
  id: z.uuid(),
  ownerBin: BinSchema.nullable().describe("The owner company's (or the Fund's) BIN; null for an office's document"),
  ownerOffice: z.enum(OFFICES).nullable().describe('ADR 0113: the office whose document it is (then ownerBin is null)'),
  kind: z.string(),
  restricted: z.boolean(),
  origin: z.enum(['uploaded', 'issued']),
  status: Status,
  seriesId: z.uuid(),
  versionNo: z.number().int(),
  supersedesId: z.uuid().nullable(),
  fileName: z.string(),
  declaredSize: z.number().int(),
  size: z.number().int().nullable(),
  sha256: z.string().nullable(),
  mediaType: z.string().nullable(),
  rejection: z.string().nullable(),
  attachedTo: z.string().nullable(),
  attachedAt: z.iso.datetime({ offset: true }).nullable(),
  issueKey: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  verifiedAt: z.iso.datetime({ offset: true }).nullable(),
  retainUntil: z.string().nullable(),
});

export const PresignedSchema = z.object({
  method: z.enum(['PUT', 'GET']),
  url: z.url(),
  headers: z.record(z.string(), z.string()),
  expiresAt: z.iso.datetime({ offset: true }),
});

export const StartUploadResponse = z.object({ document: DocumentViewSchema, upload: PresignedSchema });

export const DownloadGrantSchema = z.object({
  url: z.url(),
  expiresAt: z.iso.datetime({ offset: true }),
  fileName: z.string(),
  sha256: z.string(),
  size: z.number().int(),
});
