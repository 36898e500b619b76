import { z } from 'zod';
import { BinSchema, IsoDateSchema, LanguageSchema, TiynSchema } from '../common.js';
import { CommissionAgendaStateSchema } from '../commission.js';
import { defineIntegrationEvent } from '../event-definition.js';
import { TOPICS } from '../topics.js';

/**
 * ICT training's published language (F-63 … F-77). An application's events are keyed by the
 * company's BIN, so that one company's events keep their order; an intake's by its id. Payloads
 * carry ids and business facts only — no personal data. A change that removes or retypes a field
 * is a new version (`…V2`), published beside the old one until its consumers have moved.
 */
const topic = TOPICS.training.name;

const VersionedDocument = z.object({ version: z.string(), text: z.string() });

export const TrainingIntakeAnnouncedV1 = defineIntegrationEvent({
  type: 'training.intake-announced',
  version: 1,
  topic,
  description: 'The Fund announced an intake of ICT training providers with its window (F-64), selection criteria and intake order (F-77).',
  payload: z.object({
    intakeId: z.uuid(),
    title: z.string(),
    opensOn: IsoDateSchema,
    closesOn: IsoDateSchema,
    selectionCriteria: VersionedDocument,
    intakeOrder: VersionedDocument,
    announcedAt: z.iso.datetime({ offset: true }),
  }),
});

export const TrainingProviderApplicationFiledV1 = defineIntegrationEvent({
  type: 'training.provider-application-filed',
  version: 1,
  topic,
  description: 'A training company filed an application to an intake (F-65 … F-67); its completeness review is due by reviewDueOn (F-68, 10 working days).',
  payload: z.object({
    applicationId: z.uuid(),
    intakeId: z.uuid(),
    bin: BinSchema,
    language: LanguageSchema,
    courses: z.array(z.object({ name: z.string(), durationMonths: z.number().int(), academicHours: z.number().int(), priceTiyn: TiynSchema })),
    attachmentKinds: z.array(z.string()),
    /**
     * Issue #10 (ADR 0049; additive: absent in older messages): the uploaded syllabi (F-65(1)) and
     * rights documents (F-65(2)–(6)); documents attaches them to the application — immutable.
     */
    documentIds: z.array(z.uuid()).default([]),
    filedOn: IsoDateSchema,
    reviewDueOn: IsoDateSchema,
    filedAt: z.iso.datetime({ offset: true }),
  }),
});

export const TrainingRemarksIssuedV1 = defineIntegrationEvent({
  type: 'training.remarks-issued',
  version: 1,
  topic,
  description:
    'The Fund issued remarks on an incomplete provider application within the review period (F-70); the applicant fixes them by fixDueOn (F-71, 10 working days of receipt).',
  payload: z.object({
    applicationId: z.uuid(),
    intakeId: z.uuid(),
    bin: BinSchema,
    /** What is to be fixed, as the officer wrote it (no personal data: the application's own gaps). */
    remarks: z.array(z.string()).min(1),
    issuedOn: IsoDateSchema,
    fixDueOn: IsoDateSchema,
    issuedAt: z.iso.datetime({ offset: true }),
  }),
});

export const TrainingRemarksFixedV1 = defineIntegrationEvent({
  type: 'training.remarks-fixed',
  version: 1,
  topic,
  description:
    'The applicant fixed the remarks on its provider application in time (F-71) with new syllabi and attachments; the application is reviewed again (F-68). documentIds are the uploaded syllabi (F-65(1)) and rights documents (F-65(2)–(6)) it now names, for documents to attach (ADR 0049).',
  payload: z.object({
    applicationId: z.uuid(),
    intakeId: z.uuid(),
    bin: BinSchema,
    courses: z.array(z.object({ name: z.string(), durationMonths: z.number().int(), academicHours: z.number().int(), priceTiyn: TiynSchema })),
    attachmentKinds: z.array(z.string()),
    documentIds: z.array(z.uuid()),
    fixedOn: IsoDateSchema,
    fixedAt: z.iso.datetime({ offset: true }),
  }),
});

export const TrainingDecisionMadeV1 = defineIntegrationEvent({
  type: 'training.decision-made',
  version: 1,
  topic,
  description:
    'The Independent Commission decided on a provider application by vote (F-72): admitted with a number of quotas (F-73), or rejected with reasons; the notice is due by noticeDueOn (F-74), the contract by contractDueOn (F-75).',
  payload: z
    .object({
      applicationId: z.uuid(),
      intakeId: z.uuid(),
      bin: BinSchema,
      outcome: z.enum(['admitted', 'rejected']),
      quotas: z.number().int().min(0).nullable(),
      reasons: z.array(z.string()),
      decidedOn: IsoDateSchema,
      noticeDueOn: IsoDateSchema,
      contractDueOn: IsoDateSchema.nullable(),
      decidedAt: z.iso.datetime({ offset: true }),
    })
    /**
     * The outcome decides the rest (issue #13): an admission carries its quotas and the F-75 contract
     * day, a refusal carries neither but at least one reason. Written into the contract so that the
     * producer's outbox refuses a broken decision in the command's transaction, instead of a consumer
     * (notifications' F-74 notice) dead-lettering it later.
     */
    .superRefine((p, ctx) => {
      if (p.outcome === 'admitted') {
        if (p.contractDueOn === null) ctx.addIssue({ code: 'custom', path: ['contractDueOn'], message: 'an admission carries the F-75 contract day' });
        if (p.quotas === null) ctx.addIssue({ code: 'custom', path: ['quotas'], message: 'an admission carries its quotas (F-73)' });
      } else {
        if (p.contractDueOn !== null) ctx.addIssue({ code: 'custom', path: ['contractDueOn'], message: 'a refusal has no contract day' });
        if (p.quotas !== null) ctx.addIssue({ code: 'custom', path: ['quotas'], message: 'a refusal has no quotas' });
        if (p.reasons.length === 0) ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'a refusal states its reasons (F-74)' });
      }
    }),
});

export const TrainingContractSignedV1 = defineIntegrationEvent({
  type: 'training.contract-signed',
  version: 1,
  topic,
  description: 'The Fund signed the training-participation contract of an admitted provider (F-75), for its quotas.',
  payload: z.object({
    applicationId: z.uuid(),
    intakeId: z.uuid(),
    bin: BinSchema,
    contractNumber: z.string(),
    signedOn: IsoDateSchema,
    quotas: z.number().int().min(0),
    recordedAt: z.iso.datetime({ offset: true }),
  }),
});

export const TrainingTraineeListChangedV1 = defineIntegrationEvent({
  type: 'training.trainee-list-changed',
  version: 1,
  topic,
  description: 'An admitted provider changed its list of trainees (F-76). Counts only: the people are personal data and never leave training.',
  payload: z.object({
    applicationId: z.uuid(),
    intakeId: z.uuid(),
    bin: BinSchema,
    traineeCount: z.number().int().min(0),
    quotas: z.number().int().min(0),
    changedAt: z.iso.datetime({ offset: true }),
  }),
});

export const TrainingCommissionAgendaChangedV1 = defineIntegrationEvent({
  type: 'training.commission-agenda-changed',
  version: 1,
  topic,
  description:
    "The agenda of an intake's Independent Commission as it now stands (F-69, F-72; issue #16, ADR 0138): its members, and per complete application the members who may vote and have not — a member who declared a conflict with the applicant is left out, and no BIN is named (F-35). Keyed by the intake id.",
  payload: CommissionAgendaStateSchema.extend({ intakeId: z.uuid() }),
});

/** Every event of training, for a consumer's EventRegistry. */
export const trainingEvents = [
  TrainingIntakeAnnouncedV1,
  TrainingProviderApplicationFiledV1,
  TrainingRemarksIssuedV1,
  TrainingRemarksFixedV1,
  TrainingDecisionMadeV1,
  TrainingContractSignedV1,
  TrainingTraineeListChangedV1,
  TrainingCommissionAgendaChangedV1,
] as const;
