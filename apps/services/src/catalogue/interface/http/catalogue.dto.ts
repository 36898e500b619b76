import { z } from 'zod';
import { IsoDateSchema, ProgrammeDirectionSchema, TiynSchema } from '@hub/contracts';

const RequiredSectionsSchema = z.object({
  readiness: z.boolean().describe('F-48(3) required'),
  team: z.boolean().describe('F-48(4) required'),
  pitch: z.boolean().describe('F-48(5) required'),
});
export const DefineServiceBody = z.object({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,58}$/, 'lower-case letters, digits and hyphens'),
  title: z.string().min(3).max(300),
  direction: ProgrammeDirectionSchema,
  eligibility: z.enum(['participants-only', 'anyone']),
  requiredSections: RequiredSectionsSchema,
  delivery: z.enum(['fund', 'third-party']),
});
export const AddPriceBody = z.object({
  effectiveFrom: IsoDateSchema,
  participantPriceTiyn: TiynSchema.nullable(),
  nonParticipantPriceTiyn: TiynSchema.nullable(),
  documentRef: z.string().min(3).max(300).describe("The Fund's internal document that sets the price (F-56)"),
});
const DraftContractSchema = z.object({
  serviceConditions: z.string().min(3).max(20000),
  paymentOrder: z.string().min(3).max(5000),
  paymentAmount: z.string().min(1).max(1000),
});
export const PublishCallBody = z.object({
  serviceId: z.uuid(),
  title: z.string().min(3).max(300),
  contractConditions: z.string().min(3).max(20000).describe('F-55 ¶1: the conditions for concluding a contract'),
  draftContract: DraftContractSchema.describe('F-55 ¶2'),
  intakeOpensOn: IsoDateSchema,
  intakeClosesOn: IsoDateSchema,
  reviewWorkingDays: z.int().min(1).max(120).optional().describe('Default: data/services-rules.json (ADR 0061)'),
});
export const IdParams = z.object({ id: z.uuid() });
export const CallListQuery = z.object({ serviceId: z.uuid().optional() });

const PriceViewSchema = z.object({
  id: z.uuid(),
  effectiveFrom: IsoDateSchema,
  participantPriceTiyn: TiynSchema.nullable(),
  nonParticipantPriceTiyn: TiynSchema.nullable(),
  documentRef: z.string(),
});
export const ServiceViewSchema = DefineServiceBody.extend({ id: z.uuid(), priceList: z.array(PriceViewSchema) });
export const CallViewSchema = PublishCallBody.extend({ id: z.uuid(), publishedOn: IsoDateSchema, reviewWorkingDays: z.int() });
export const CreatedSchema = z.object({ id: z.uuid() });
