import { z } from 'zod';
import { BinSchema, IsoDateSchema, TiynSchema } from '@hub/contracts';

export const RequestPremisesBody = z
  .object({
    bin: BinSchema,
    premisesKind: z.enum(['administrative', 'production', 'auxiliary']).describe('F-57'),
    from: IsoDateSchema,
    until: IsoDateSchema.optional().describe('F-58: at most the participation term’s last day'),
  })
  .refine((b) => !b.until || b.until >= b.from, { path: ['until'], message: 'the use ends before it starts' });
export const AllocatePremisesBody = z.object({ unitId: z.uuid() });
export const ReleasePremisesBody = z.object({ from: IsoDateSchema.describe('The first day the premises are no longer used') });
export const HandBackBody = z.object({
  signedOn: IsoDateSchema,
  condition: z.string().trim().min(3).max(2000),
  inventory: z.array(z.object({ item: z.string().trim().min(1).max(200), expected: z.int().min(0), found: z.int().min(0) })).max(200),
  meterReadings: z.array(z.object({ meter: z.string().trim().min(1).max(50), reading: z.string().regex(/^\d{1,12}(\.\d{1,3})?$/) })).max(20),
  damages: z.array(z.object({ description: z.string().trim().min(3).max(1000), amountTiyn: TiynSchema })).max(100),
  documentId: z
    .uuid()
    .optional()
    .describe("ADR 0053: the scan of the signed act — the participant's verified document of kind handover-act (uploaded in documents)"),
});
export const IdParams = z.object({ id: z.uuid() });
export const LeaseListQuery = z.object({ bin: BinSchema.optional() });
export const LeaseViewSchema = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  bin: BinSchema,
  premisesKind: z.string(),
  unitId: z.uuid().nullable(),
  status: z.string(),
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema,
  releaseReason: z.string().nullable(),
  handBackBy: IsoDateSchema.nullable().describe('ADR 0053: the act handing the premises back is due by this day (2 WD after the use ends)'),
  handBackOverdue: z.boolean(),
  handoverAct: z.unknown(),
});
export const PremisesScanSchema = z.object({
  documentId: z.uuid(),
  kind: z.string(),
  sha256: z.string(),
  verifiedAt: z.string().describe('When documents verified the upload (server-side hash and type check)'),
  state: z
    .enum(['attached', 'named', 'available'])
    .describe(
      "ADR 0124: attached to this lease by the signed act; named by the act (documents' attachment not yet seen); or the company's verified handover act attached to nothing yet",
    ),
});
