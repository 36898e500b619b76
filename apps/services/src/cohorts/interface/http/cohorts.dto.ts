import { z } from 'zod';
import { COHORT_EXPULSION_GROUNDS, IsoDateSchema, TownSchema } from '@hub/contracts';

const text = (max: number) => z.string().trim().min(1).max(max);
export const IdParams = z.object({ id: z.uuid() });
export const ListQuery = z.object({ serviceId: z.uuid().optional() });
export const OpenCohortBody = z.object({
  serviceId: z.uuid(),
  title: text(300),
  town: TownSchema.describe('the programme’s town (KATO code and name); housing compares it with the dwelling’s town (F-59)'),
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema,
  capacity: z.int().min(1).max(10_000).describe('F-44: places in the cohort'),
});
export const EnrolBody = z.object({
  applicationId: z.uuid().describe('a contracted service application for the cohort’s service (F-55)'),
  personIin: z
    .string()
    .regex(/^\d{12}$/, 'an IIN is exactly 12 digits')
    .optional()
    .describe('the person in acceleration; required when the recipient is a company (F-42: restricted)'),
  enrolledOn: IsoDateSchema,
});
export const ExpelBody = z.object({ ground: z.enum(COHORT_EXPULSION_GROUNDS), reasons: text(2000), expelledOn: IsoDateSchema });
export const CompleteBody = z.object({ completedOn: IsoDateSchema });

export const CohortViewSchema = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  title: z.string(),
  town: TownSchema,
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema,
  capacity: z.int(),
  enrolledCount: z.int(),
  placesLeft: z.int(),
});
export const EnrolmentViewSchema = z.object({
  id: z.uuid(),
  cohortId: z.uuid(),
  applicationId: z.uuid(),
  contractId: z.uuid(),
  recipientKind: z.enum(['legal-entity', 'individual']),
  recipientId: z.string().describe('a BIN, or a masked IIN (F-42)'),
  personIin: z.string().describe('masked (F-42)'),
  status: z.enum(['enrolled', 'expelled', 'completed']),
  enrolledOn: IsoDateSchema,
  leftOn: IsoDateSchema.nullable(),
  expulsionGround: z.string().nullable(),
});
