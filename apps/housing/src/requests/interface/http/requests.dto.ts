import { z } from 'zod';
import { BinSchema, IsoDateSchema } from '@hub/contracts';

export const OpenRequestBody = z.object({
  bin: BinSchema,
  subject: z.string().min(3).max(500).describe('What the request is about'),
});

export const RequestIdParams = z.object({ id: z.uuid() });

export const RequestStatusSchema = z.enum(['open', 'overdue']);

export const RequestListQuery = z.object({
  bin: BinSchema.optional(),
  status: RequestStatusSchema.optional(),
});

export const RequestViewSchema = z.object({
  id: z.uuid(),
  bin: BinSchema,
  subject: z.string(),
  status: RequestStatusSchema,
  openedAt: z.iso.datetime({ offset: true }),
  reviewDueOn: IsoDateSchema,
});
