import { z } from 'zod';
import { BinSchema, IsoDateSchema, LanguageSchema } from '../common.js';
import { PortalSubjectSchema } from '../commission.js';
import { defineIntegrationEvent } from '../event-definition.js';
import { TOPICS } from '../topics.js';

/**
 * Registration's published language (F-7 … F-20). Every event is keyed by the company's BIN, so
 * that one company's events keep their order across applications. Payloads carry ids and business
 * facts only: no business plan (F-35), no personal data.
 */
const topic = TOPICS.registration.name;

export const ActivityTypeSchema = z.object({
  /** Code of the priority ICT activity type in the official list (Order No. 521/НҚ of 20 Oct 2025). */
  code: z.string().min(1).max(50),
  name: z.string().min(1).max(500),
  /** The works of that type the participant carries out (F-7(7)). */
  works: z.array(z.string().min(1).max(500)).default([]),
});
export type ActivityType = z.infer<typeof ActivityTypeSchema>;

export const RefusalGroundSchema = z.enum([
  /** F-16: the business plan does not match Annex 1. */
  'business-plan-not-per-annex-1',
  /** F-16: the project does not match the priority ICT activity types / works of the list. */
  'activity-not-in-priority-list',
]);

export const ApplicationSubmittedV1 = defineIntegrationEvent({
  type: 'registration.application-submitted',
  version: 1,
  topic,
  description: 'A participation application was filed (F-8) or resubmitted after remarks (F-14); the completeness review is due by reviewDueDate (F-12).',
  payload: z.object({
    applicationId: z.uuid(),
    bin: BinSchema,
    companyName: z.string(),
    kind: z.enum(['registration', 'activity-change']),
    language: LanguageSchema,
    resubmission: z.boolean(),
    submittedAt: z.iso.datetime({ offset: true }),
    reviewDueDate: IsoDateSchema,
    /** F-12/F-14/F-16: rule IDs of the automated checks that failed — the filing is recorded anyway, for the Fund's review (additive: absent in older messages). */
    failedChecks: z.array(z.string()).default([]),
    /**
     * Issue #10 (additive: absent in older messages): the documents of the documents context the
     * application refers to (F-9(2), F-9(3)); documents attaches them — immutable from the filing on.
     */
    documentIds: z.array(z.uuid()).default([]),
    /**
     * Issue #16, ADR 0121 (additive: absent in older messages): the application's contact — the portal
     * subject (`sub`) of the person who filed it (F-8: every status notice goes through the internet
     * resource). An identifier, never an address, a phone or an IIN (F-42): notifications opens the
     * person's own contact (ADR 0114) from it.
     */
    filedBy: z.string().min(1).max(200).optional(),
  }),
});

export const RemarksIssuedV1 = defineIntegrationEvent({
  type: 'registration.remarks-issued',
  version: 1,
  topic,
  description: 'The Fund found the application incomplete, inaccurate or non-compliant and sent remarks (F-14).',
  payload: z.object({
    applicationId: z.uuid(),
    bin: BinSchema,
    remarks: z.array(z.object({ field: z.string(), message: z.string() })).min(1),
    issuedAt: z.iso.datetime({ offset: true }),
  }),
});

export const SentToCommissionV1 = defineIntegrationEvent({
  type: 'registration.sent-to-commission',
  version: 1,
  topic,
  description: 'A complete application went to the selection Commission (F-13, F-15); the decision is due by decisionDueDate.',
  payload: z.object({
    applicationId: z.uuid(),
    bin: BinSchema,
    sentAt: z.iso.datetime({ offset: true }),
    decisionDueDate: IsoDateSchema,
  }),
});

export const DecisionMadeV1 = defineIntegrationEvent({
  type: 'registration.decision-made',
  version: 1,
  topic,
  description: 'The Commission decided to register or refuse (F-15, F-16, F-20); the applicant is notified by notificationDueDate (F-17).',
  payload: z.object({
    applicationId: z.uuid(),
    bin: BinSchema,
    kind: z.enum(['registration', 'activity-change']),
    decision: z.enum(['register', 'refuse']),
    grounds: z.array(RefusalGroundSchema).default([]),
    protocolNumber: z.string(),
    decidedOn: IsoDateSchema,
    notificationDueDate: IsoDateSchema,
  }),
});

export const ParticipantRegisteredV1 = defineIntegrationEvent({
  type: 'registration.participant-registered',
  version: 1,
  topic,
  description:
    'The standard participant contract was signed: the company is a participant from termStart to termEnd (F-18, F-24). Participation, services, housing and training start from this event.',
  payload: z.object({
    participantId: z.uuid(),
    applicationId: z.uuid(),
    bin: BinSchema,
    companyName: z.string(),
    address: z.string(),
    activityTypes: z.array(ActivityTypeSchema).min(1),
    contractNumber: z.string(),
    contractSignedOn: IsoDateSchema,
    termStart: IsoDateSchema,
    termEnd: IsoDateSchema,
    certificateNumber: z.string(),
    /** F-18: the certificate is issued, and F-19: the registry lists the company, by this date. */
    certificateDueDate: IsoDateSchema,
  }),
});

export const CertificateIssuedV1 = defineIntegrationEvent({
  type: 'registration.certificate-issued',
  version: 1,
  topic,
  description: 'The registration certificate (Annex 2) was issued (F-18).',
  payload: z.object({
    participantId: z.uuid(),
    bin: BinSchema,
    certificateNumber: z.string(),
    issuedOn: IsoDateSchema,
    validFrom: IsoDateSchema,
    validTo: IsoDateSchema,
  }),
});

export const ParticipantListedV1 = defineIntegrationEvent({
  type: 'registration.participant-listed',
  version: 1,
  topic,
  description: 'The participant appears in the public registry (F-19).',
  payload: z.object({ participantId: z.uuid(), bin: BinSchema, listedOn: IsoDateSchema }),
});

export const ActivityTypesChangedV1 = defineIntegrationEvent({
  type: 'registration.activity-types-changed',
  version: 1,
  topic,
  description: 'The Commission approved a change or addition of activity types (F-20). activityTypes is the complete new list.',
  payload: z.object({
    participantId: z.uuid(),
    applicationId: z.uuid(),
    bin: BinSchema,
    activityTypes: z.array(ActivityTypeSchema).min(1),
    added: z.array(z.string()),
    removed: z.array(z.string()),
    effectiveFrom: IsoDateSchema,
  }),
});

export const ParticipantAddressChangedV1 = defineIntegrationEvent({
  type: 'registration.participant-address-changed',
  version: 1,
  topic,
  description: 'The participant reported a change of the address where it operates (F-9(3): to be reported to the Fund promptly).',
  payload: z.object({ participantId: z.uuid(), bin: BinSchema, address: z.string(), reportedOn: IsoDateSchema }),
});

export const RegistrationDeadlineKindSchema = z.enum([
  'completeness-review',
  'commission-decision',
  'activity-change-decision',
  'decision-notification',
  'certificate',
  'registry-listing',
]);

export const RegistrationDeadlineMissedV1 = defineIntegrationEvent({
  type: 'registration.deadline-missed',
  version: 1,
  topic,
  description:
    'A statutory deadline of the Fund passed with the step not done (F-12/F-14, F-15, F-17, F-18, F-19, F-20): the platform holds the Fund to its own deadlines. The step stays open and is shown as overdue.',
  payload: z.object({
    applicationId: z.uuid(),
    bin: BinSchema,
    kind: RegistrationDeadlineKindSchema,
    ruleId: z.string(),
    dueDate: IsoDateSchema,
    missedAt: z.iso.datetime({ offset: true }),
  }),
});

export const TranslationRecordedV1 = defineIntegrationEvent({
  type: 'registration.translation-recorded',
  version: 1,
  topic,
  description:
    "The Fund recorded the Kazakh or Russian translation of an application filed in English (F-10), as a document of the documents context (kind application-translation, the company's): documents attaches it to the application — immutable from then on (ADR 0137).",
  payload: z.object({
    taskId: z.uuid(),
    applicationId: z.uuid(),
    bin: BinSchema,
    targetLanguage: z.enum(['kk', 'ru']),
    documentId: z.uuid(),
    recordedAt: z.iso.datetime({ offset: true }),
  }),
});

export const CommissionVoteCastV1 = defineIntegrationEvent({
  type: 'registration.commission-vote-cast',
  version: 1,
  topic,
  description:
    "A member of the selection Commission voted on an application before it (F-15, F-16); a member's later vote replaces it (issue #16, ADR 0138: notifications' 'awaiting your vote' digest). Who voted, never how.",
  payload: z.object({
    applicationId: z.uuid(),
    bin: BinSchema,
    /** The member's portal subject (ADR 0138): an identifier, not personal data beyond it (F-42). */
    member: PortalSubjectSchema,
    castAt: z.iso.datetime({ offset: true }),
  }),
});

export const registrationEvents = [
  ApplicationSubmittedV1,
  RemarksIssuedV1,
  SentToCommissionV1,
  DecisionMadeV1,
  ParticipantRegisteredV1,
  CertificateIssuedV1,
  ParticipantListedV1,
  ActivityTypesChangedV1,
  RegistrationDeadlineMissedV1,
  ParticipantAddressChangedV1,
  TranslationRecordedV1,
  CommissionVoteCastV1,
] as const;
