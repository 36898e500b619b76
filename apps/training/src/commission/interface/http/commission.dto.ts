import { z } from 'zod';
import { BinSchema, IsoDateSchema } from '@hub/contracts';
import { AFFILIATIONS } from '../../domain/commission-member.js';

export const IdParams = z.object({ id: z.uuid() });

export const AppointMemberBody = z.object({
  subject: z.string().trim().min(1).max(200).describe('the member’s account (token subject)'),
  fullName: z.string().trim().min(3).max(300),
  affiliation: z.enum(AFFILIATIONS).describe('F-69: the Fund, a state body, an ICT or education specialist, an international expert'),
});
export const DeclarationBody = z
  .object({
    hasConflict: z.boolean(),
    conflictingBins: z.array(BinSchema).max(200).default([]).describe('the applicants the member is conflicted with'),
    statement: z.string().trim().min(1).max(5000),
  })
  .refine((d) => d.hasConflict || d.conflictingBins.length === 0, { path: ['conflictingBins'], message: 'name conflicts only when hasConflict' });
export const PresentationBody = z.object({
  at: z.iso.datetime({ offset: true }).describe('F-72: when the applicant presents to the Commission (ahead of now)'),
  minutes: z.int().min(1).max(480).default(30).describe('F-72: the length of the slot; slots of one intake never overlap'),
});
export const ScheduleViewSchema = z.object({
  intakeId: z.uuid(),
  slots: z.array(
    z.object({
      applicationId: z.uuid(),
      bin: BinSchema,
      at: z.string(),
      minutes: z.int(),
      status: z.string().describe('the application’s state (complete until the Commission decides)'),
    }),
  ),
});
export type ScheduleView = z.infer<typeof ScheduleViewSchema>;
export const VoteBody = z.object({
  choice: z.enum(['admit', 'refuse']),
  score: z.int().min(0).max(100).describe('F-73 input: the member’s score of the application'),
  reason: z.string().trim().min(1).max(5000),
});
export const DecisionBody = z.object({
  budget: z.int().min(0).max(1_000_000).describe('F-73: the intake’s total quota budget (trainee places), allocated exactly'),
  reasons: z.record(z.uuid(), z.string().trim().min(1).max(5000)).default({}).describe('F-72: the reasons of each refusal, by application id'),
});
export const ContractBody = z.object({
  number: z.string().trim().min(1).max(100),
  signedOn: IsoDateSchema,
  documentId: z.string().trim().min(1).max(200).describe('the signed contract in documents'),
});

export const MemberViewSchema = z.object({
  id: z.uuid(),
  intakeId: z.uuid(),
  subject: z.string(),
  fullName: z.string(),
  affiliation: z.enum(AFFILIATIONS),
  declaration: z.object({ hasConflict: z.boolean(), conflictingBins: z.array(BinSchema), statement: z.string(), declaredOn: IsoDateSchema }).nullable(),
});
export const VoteViewSchema = z.object({ id: z.uuid() });
export const ProtocolViewSchema = z.object({
  intakeId: z.uuid(),
  decidedOn: IsoDateSchema,
  members: z.array(
    z.object({
      memberId: z.uuid(),
      fullName: z.string(),
      affiliation: z.string(),
      declaredOn: IsoDateSchema.nullable(),
      hasConflict: z.boolean(),
      conflictingBins: z.array(z.string()),
    }),
  ),
  applications: z.array(
    z.object({
      applicationId: z.uuid(),
      bin: z.string(),
      presentationAt: z.string().nullable(),
      votes: z.array(z.object({ memberId: z.uuid(), choice: z.string(), score: z.int(), reason: z.string() })),
      admitVotes: z.int(),
      refuseVotes: z.int(),
      outcome: z.enum(['admitted', 'rejected']),
      quotas: z.int().nullable(),
      reasons: z.array(z.string()),
    }),
  ),
});
export const QuotaCalculationViewSchema = z.object({
  formulaVersion: z.string(),
  formula: z.string(),
  budget: z.int(),
  total: z.int(),
  lines: z.array(
    z.object({
      applicationId: z.uuid(),
      inputs: z.object({ applicationId: z.uuid(), commissionScoreMilli: z.int(), courseMonths: z.int(), pricePerTraineeTiyn: z.int() }),
      weight: z.string(),
      floor: z.int(),
      remainder: z.string(),
      denominator: z.string(),
      remainderRank: z.int(),
      bonus: z.int(),
      quota: z.int(),
    }),
  ),
});
export type MemberView = z.infer<typeof MemberViewSchema>;
