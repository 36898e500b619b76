import { z } from 'zod';
import { isIsoDate } from '@hub/calendar';

/** Shared zod building blocks for DTOs and event payloads. */
export const IsoDateSchema = z
  .string()
  .refine((v) => isIsoDate(v), { message: 'must be a real calendar date in the form YYYY-MM-DD' })
  .describe('A civil date in Asia/Almaty, YYYY-MM-DD');

export const BinSchema = z.string().regex(/^\d{12}$/, 'BIN must be exactly 12 digits').describe('Business identification number (12 digits)');

export const KztAmountSchema = z
  .number()
  .finite()
  .nonnegative()
  .multipleOf(0.01)
  .describe('Amount in tenge (KZT), up to 2 decimals');

export const LanguageSchema = z.enum(['kk', 'ru', 'en']);

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });
