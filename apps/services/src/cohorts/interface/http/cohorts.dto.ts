import { z } from 'zod';
import { CohortExpulsionGroundSchema, IsoDateSchema, TownSchema } from '@hub/contracts';

export const OpenCohortBody = z.object({
  serviceId: z.uuid(),
  title: z.string().min(3).max(300),
  town: TownSchema.describe('Where the programme runs (KATO code and name); housing compares it with the dwelling’s town (F-59)'),
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema,
  capacity: z.int().min(1).max(10_000).describe('Seats; enrolled and completed people hold one (ADR 0064)'),
});
export const EnrolBody = z.object({
  applicationId: z.uuid().describe('The contracted service application (F-55)'),
  personIin: z.string().regex(/^\d{12}$/, 'an IIN is exactly 12 digits'),
});
export const ExpelBody = z.object({ ground: CohortExpulsionGroundSchema, reasons: z.string().min(3).max(5000) });
export const CohortIdParams = z.object({ id: z.uuid() });
export const EnrolmentParams = z.object({ id: z.uuid(), enrolmentId: z.uuid() });
export const CohortListQuery = z.object({ serviceId: z.uuid().optional() });

const EnrolmentViewSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  contractId: z.uuid(),
  recipientKind: z.enum(['legal-entity', 'individual']),
  recipientId: z.string(),
  personIin: z.string(),
  status: z.enum(['enrolled', 'expelled', 'completed']),
  enrolledOn: IsoDateSchema,
  endedOn: IsoDateSchema.nullable(),
  expulsionGround: CohortExpulsionGroundSchema.nullable(),
  expulsionReasons: z.string().nullable(),
});
export const CohortViewSchema = OpenCohortBody.extend({ id: z.uuid(), seatsTaken: z.int(), enrolments: z.array(EnrolmentViewSchema) });
