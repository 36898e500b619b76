import { z } from 'zod';
import { BinSchema, IsoDateSchema, TiynSchema } from '@hub/contracts';

const kato = z.string().regex(/^\d{9}$/, 'a KATO code is exactly 9 digits');

export const RequestHousingBody = z.object({
  enrolmentId: z.uuid().describe('The enrolment services published (CohortEnrolmentMadeV1)'),
  iin: z
    .string()
    .regex(/^\d{12}$/, 'an IIN is exactly 12 digits')
    .describe('F-42 personal data: stored encrypted'),
  contacts: z.object({ phone: z.string().regex(/^\+?\d{10,15}$/, 'a phone number of 10 to 15 digits'), email: z.email().optional() }),
  declaration: z
    .object({
      noHousingInTown: z.literal(true, { error: 'F-59: housing is only for people without housing in the programme’s town' }),
      evidence: z.string().trim().min(3).max(2000).describe('What proves it (e.g. an e-gov certificate of no real estate)'),
    })
    .describe('F-59: the declaration of having no housing in the programme’s town, with evidence'),
});

export const OfferPlaceBody = z.object({ caseId: z.uuid(), unitId: z.uuid(), bed: z.string().trim().min(1).max(100) });
export const OfferNextBody = z.object({ townKatoCode: kato });
export const AcceptOfferBody = z.object({
  acceptsDuties: z.boolean().describe('F-60: the resident keeps the dwelling and common property intact'),
});

const decimal = z.string().regex(/^\d{1,12}(\.\d{1,3})?$/, 'a meter reading as a decimal string, e.g. "1234.5"');
const actBase = {
  signedOn: IsoDateSchema,
  condition: z.string().trim().min(3).max(2000),
  inventory: z.array(z.object({ item: z.string().trim().min(1).max(200), expected: z.int().min(0), found: z.int().min(0) })).max(200),
  meterReadings: z.array(z.object({ meter: z.string().trim().min(1).max(50), reading: decimal })).max(20),
  documentId: z
    .uuid()
    .optional()
    .describe("ADR 0110: the scan of the signed act — the Fund's verified document of kind dwelling-act (uploaded in documents by the housing manager)"),
};
export const CheckInBody = z.object(actBase);
export const HandOverBody = z.object({
  ...actBase,
  damages: z.array(z.object({ description: z.string().trim().min(3).max(1000), amountTiyn: TiynSchema })).max(100),
});

export const IdParams = z.object({ id: z.uuid() });
export const CaseListQuery = z.object({ status: z.enum(['waiting', 'offered', 'housed', 'left', 'declined', 'lapsed']).optional() });
export const WaitlistQuery = z.object({ townKatoCode: kato });
export const AllocationListQuery = z.object({
  status: z.enum(['offered', 'contracted', 'occupied', 'vacating', 'released', 'declined', 'lapsed', 'cancelled']).optional(),
  caseId: z.uuid().optional(),
});

export const CaseViewSchema = z.object({
  id: z.uuid(),
  enrolmentId: z.uuid(),
  townKatoCode: z.string(),
  enrolledOn: IsoDateSchema,
  cohortStartsOn: IsoDateSchema,
  status: z.string(),
  requestedAt: z.string(),
});
export const WaitlistViewSchema = z.object({
  position: z.int(),
  caseId: z.uuid(),
  enrolledOn: IsoDateSchema,
  cohortStartsOn: IsoDateSchema,
  requestedAt: z.string(),
});
export const AllocationViewSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  unitId: z.uuid(),
  buildingId: z.uuid(),
  townKatoCode: z.string(),
  bed: z.string(),
  status: z.string(),
  startsOn: IsoDateSchema,
  releasedOn: IsoDateSchema.nullable(),
  acceptBy: IsoDateSchema,
  contractNumber: z.string().nullable(),
  contractDuty: z.string().nullable(),
  contractEndsOn: IsoDateSchema.nullable(),
  vacateReason: z.string().nullable(),
  vacateBy: IsoDateSchema.nullable(),
  vacateOverdue: z.boolean(),
  checkInAct: z.unknown(),
  handoverAct: z.unknown(),
});
export const DeadlineViewSchema = z.object({
  kind: z.enum(['housing-offer-acceptance', 'housing-vacate', 'premises-hand-back']),
  ruleId: z.string(),
  dueDate: IsoDateSchema,
  overdue: z.boolean(),
  subjectId: z.uuid(),
  status: z.string(),
  unitId: z.uuid(),
  bed: z.string().describe('the bed of a dwelling; `*` for premises'),
  bin: BinSchema.optional().describe('premises (ADR 0053): the participant'),
});
export const ResidentDataSchema = z.object({ iin: z.string(), contacts: z.object({ phone: z.string(), email: z.string().optional() }) });
export const PiiAccessLogSchema = z.object({
  id: z.uuid(),
  actorSubject: z.string(),
  caseId: z.uuid(),
  what: z.string().nullable().describe('null for a read; ADR 0124: the deletion of the personal data at the end of its F-42 retention'),
  accessedAt: z.string(),
  correlationId: z.string().nullable(),
});
