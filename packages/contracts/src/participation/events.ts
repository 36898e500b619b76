import { z } from 'zod';
import { BinSchema, IsoDateSchema, KztAmountSchema } from '../common.js';
import { TiynSchema } from './money.js';
import { defineIntegrationEvent } from '../event-definition.js';
import { TOPICS } from '../topics.js';

/**
 * Participation's published language (F-21 … F-42). Every event travels on
 * TOPICS.participation.name keyed by the company's BIN, so that one company's events keep their
 * order. Payloads carry ids, dates, amounts and grounds only: never the technical, economic or
 * commercial information of a participant (F-35) and never personal data (F-42).
 */
const topic = TOPICS.participation.name;

export const QuarterSchema = z.number().int().min(1).max(4).describe('Calendar quarter, 1–4');

/**
 * How a participation ends (F-26 … F-28): `term-expired` is the planned end (F-27); the seven
 * early-termination grounds of F-28 follow, in the order of the rules.
 */
export const TERMINATION_GROUNDS = [
  'term-expired',
  'monitoring-not-expedient', // F-28(1), Commission (F-30)
  'planned-results-achieved', // F-28(2), Commission (F-30)
  'voluntary-withdrawal', // F-28(3), 10 WD notice (F-29)
  'reports-not-submitted', // F-28(4): F-37, F-38, F-39
  'liquidation', // F-28(5)
  'membership-fees-not-paid', // F-28(6): F-21
  'contract-breach', // F-28(7), Commission (F-30)
] as const;
export const TerminationGroundSchema = z.enum(TERMINATION_GROUNDS);
export type TerminationGround = z.infer<typeof TerminationGroundSchema>;
export const EarlyTerminationGroundSchema = TerminationGroundSchema.exclude(['term-expired']);
export type EarlyTerminationGround = z.infer<typeof EarlyTerminationGroundSchema>;

/** F-28: the number of each early-termination ground in the rules. */
export const GROUND_NUMBER: Readonly<Record<EarlyTerminationGround, number>> = {
  'monitoring-not-expedient': 1,
  'planned-results-achieved': 2,
  'voluntary-withdrawal': 3,
  'reports-not-submitted': 4,
  liquidation: 5,
  'membership-fees-not-paid': 6,
  'contract-breach': 7,
};

export const ParticipationStartedV1 = defineIntegrationEvent({
  type: 'participation.participation-started',
  version: 1,
  topic,
  description: 'A participation started from registration.participant-registered; it ends as planned after termEnd unless extended (F-24, F-27).',
  payload: z.object({
    participationId: z.uuid(),
    participantId: z.uuid(),
    bin: BinSchema,
    companyName: z.string(),
    activityTypeCodes: z.array(z.string()).min(1),
    certificateNumber: z.string(),
    termStart: IsoDateSchema,
    termEnd: IsoDateSchema,
    /** F-25: the last day an extension application is accepted (null while that year's working-day calendar is not published). */
    extensionDeadline: IsoDateSchema.nullable(),
  }),
});

export const ParticipationExtendedV1 = defineIntegrationEvent({
  type: 'participation.participation-extended',
  version: 1,
  topic,
  description:
    'An extension was approved (F-25): the term now ends on newTermEnd and the extension certificate (Annex 3) was issued under its own number on issuedOn. May arrive after previousTermEnd: an extension filed in time holds the planned end until the Fund decides (ADR 0050).',
  payload: z.object({
    participationId: z.uuid(),
    participantId: z.uuid(),
    bin: BinSchema,
    extensionId: z.uuid(),
    /** The term end before this extension; the extension certificate is valid from the day after it. */
    previousTermEnd: IsoDateSchema,
    /** F-25: the new planned end — the last day of the extension certificate's validity (Annex 3). */
    newTermEnd: IsoDateSchema,
    /** Annex 3: the extension certificate's own number (not the registration certificate's, F-19/Annex 2). */
    certificateNumber: z.string(),
    /** Annex 3: the extension certificate's issue date (the Fund's approval date). */
    issuedOn: IsoDateSchema,
  }),
});

export const ExtensionFiledV1 = defineIntegrationEvent({
  type: 'participation.extension-filed',
  version: 1,
  topic,
  description:
    'A participant applied in time to extend its term (F-25); the Fund decides (participation-extended when approved). Notifications stops the extension-window reminder (ADR 0105).',
  payload: z.object({
    extensionId: z.uuid(),
    participationId: z.uuid(),
    bin: BinSchema,
    filedOn: IsoDateSchema,
    currentTermEnd: IsoDateSchema,
    requestedTermEnd: IsoDateSchema,
  }),
});

export const ExtensionRefusedV1 = defineIntegrationEvent({
  type: 'participation.extension-refused',
  version: 1,
  topic,
  description:
    'The Fund refused an extension applied for (F-25). The term still ends on termEnd; while the F-25 window is open the company may apply again, so notifications re-arms the extension-window reminder (ADR 0107). The reason stays in participation (behind the portal link).',
  payload: z.object({
    extensionId: z.uuid(),
    participationId: z.uuid(),
    bin: BinSchema,
    refusedOn: IsoDateSchema,
    /** The planned end the refusal leaves in place. */
    termEnd: IsoDateSchema,
  }),
});

export const FeeAssessedV1 = defineIntegrationEvent({
  type: 'participation.fee-assessed',
  version: 1,
  topic,
  description: 'The membership fee for a quarter was assessed from the declared income of that quarter and the tariff in force (F-21 … F-23); due by dueDate.',
  payload: z.object({
    feeId: z.uuid(),
    participationId: z.uuid(),
    bin: BinSchema,
    year: z.number().int(),
    quarter: QuarterSchema,
    /** The same amounts in KZT (v1 as first published). Since ADR 0036 derived from the tiyn fields: exact decimals. */
    declaredIncomeKzt: KztAmountSchema,
    feeKzt: KztAmountSchema,
    /** Added in v1 by ADR 0036 (additive): the amounts as integer tiyn. Present on every event published since; absent on older ones. */
    declaredIncomeTiyn: TiynSchema.optional(),
    feeTiyn: TiynSchema.optional(),
    tariffId: z.string(),
    dueDate: IsoDateSchema,
  }),
});

export const FeeOverdueV1 = defineIntegrationEvent({
  type: 'participation.fee-overdue',
  version: 1,
  topic,
  description: 'A quarterly membership fee was not paid in full (or the income not declared) by its due date (F-21): early-termination ground F-28(6).',
  payload: z.object({
    feeId: z.uuid(),
    participationId: z.uuid(),
    bin: BinSchema,
    year: z.number().int(),
    quarter: QuarterSchema,
    dueDate: IsoDateSchema,
    reason: z.enum(['income-not-declared', 'not-paid-in-full']),
    /** null while the income is not declared (the amount is unknown). KZT as first published; since ADR 0036 derived from the tiyn fields. */
    feeKzt: KztAmountSchema.nullable(),
    paidKzt: KztAmountSchema,
    outstandingKzt: KztAmountSchema.nullable(),
    /** Added in v1 by ADR 0036 (additive): the amounts as integer tiyn. Present on every event published since; absent on older ones. */
    feeTiyn: TiynSchema.nullable().optional(),
    paidTiyn: TiynSchema.optional(),
    outstandingTiyn: TiynSchema.nullable().optional(),
    ground: z.literal('membership-fees-not-paid'),
  }),
});

export const FeePaidV1 = defineIntegrationEvent({
  type: 'participation.fee-paid',
  version: 1,
  topic,
  description:
    'A quarterly membership fee is paid in full (F-21): by the payment that settled it, or at the declaration when earlier payments already covered it. No amounts, no payer, nothing personal: notifications cancels the fee reminder (ADR 0107).',
  payload: z.object({
    feeId: z.uuid(),
    participationId: z.uuid(),
    bin: BinSchema,
    year: z.number().int(),
    quarter: QuarterSchema,
    dueDate: IsoDateSchema,
    /** When participation recorded the fee as paid in full. */
    settledAt: z.iso.datetime({ offset: true }),
  }),
});

export const ReportOverdueV1 = defineIntegrationEvent({
  type: 'participation.report-overdue',
  version: 1,
  topic,
  description: 'The quarterly activity report was not submitted by its due date (F-37, F-39): early-termination ground F-28(4).',
  payload: z.object({
    reportId: z.uuid(),
    participationId: z.uuid(),
    bin: BinSchema,
    year: z.number().int(),
    quarter: QuarterSchema,
    dueDate: IsoDateSchema,
    ground: z.literal('reports-not-submitted'),
  }),
});

export const ReportSubmittedV1 = defineIntegrationEvent({
  type: 'participation.report-submitted',
  version: 1,
  topic,
  description:
    'A participant submitted the quarterly activity report of a quarter (F-37, F-39), on time or late; the report itself (analysis, figures, non-residents) stays in participation (F-35, F-42). Notifications stops that quarter’s reminder (ADR 0105).',
  payload: z.object({
    reportId: z.uuid(),
    participationId: z.uuid(),
    bin: BinSchema,
    year: z.number().int(),
    quarter: QuarterSchema,
    dueDate: IsoDateSchema,
    /** The Almaty civil date it was submitted. */
    submittedOn: IsoDateSchema,
    late: z.boolean(),
  }),
});

export const DeadlineMissedV1 = defineIntegrationEvent({
  type: 'participation.deadline-missed',
  version: 1,
  topic,
  description: 'Another obligation of the participant passed its due date unmet: an information request (F-32, F-38) or the annual audit opinion (F-33).',
  payload: z.object({
    participationId: z.uuid(),
    bin: BinSchema,
    obligation: z.enum(['information-request', 'audit-opinion']),
    obligationId: z.uuid(),
    dueDate: IsoDateSchema,
    ruleIds: z.array(z.string()).min(1),
  }),
});

export const MonitoringNotExpedientV1 = defineIntegrationEvent({
  type: 'participation.monitoring-not-expedient',
  version: 1,
  topic,
  description:
    'Monitoring concluded that further implementation of a project is not expedient; the participant is notified (F-36, F-40) and the Fund may open early termination on ground F-28(1).',
  payload: z.object({
    participationId: z.uuid(),
    bin: BinSchema,
    conclusionId: z.uuid(),
    project: z.string(),
    periodFrom: IsoDateSchema,
    periodTo: IsoDateSchema,
    concludedOn: IsoDateSchema,
  }),
});

export const EarlyTerminationReferredV1 = defineIntegrationEvent({
  type: 'participation.early-termination-referred',
  version: 1,
  topic,
  description: 'The Fund brought early termination on ground (1), (2) or (7) to the Commission, which decides (F-30).',
  payload: z.object({
    caseId: z.uuid(),
    participationId: z.uuid(),
    bin: BinSchema,
    ground: EarlyTerminationGroundSchema,
    groundNumber: z.number().int().min(1).max(7),
    referredOn: IsoDateSchema,
  }),
});

export const ParticipationTerminatedV1 = defineIntegrationEvent({
  type: 'participation.participation-terminated',
  version: 1,
  topic,
  description:
    'The participation ended: as planned (ground term-expired, F-27) or early on one of the seven grounds of F-28 (ground category and number only; the reasons stay in the Fund, F-35). Services, housing and training stop from endedOn.',
  payload: z.object({
    participationId: z.uuid(),
    participantId: z.uuid(),
    bin: BinSchema,
    kind: z.enum(['planned', 'early']),
    ground: TerminationGroundSchema,
    /** F-28 ground number (1–7); null for the planned end. */
    groundNumber: z.number().int().min(1).max(7).nullable(),
    decidedBy: z.enum(['term', 'fund', 'commission', 'participant']),
    /** Commission protocol number (F-30) or the Fund's case reference (`early-termination:<id>`), when there is one. Never the case's reasons (F-35). */
    decisionReference: z.string().nullable(),
    /**
     * The date the participation ended, from which the certificate is no longer valid for services: the planned
     * term end (F-27; the last day of the term) or the early termination's effective date (F-28: the Fund's
     * decision, the Commission's decision date F-30, or the withdrawal date F-29). A planned end after an in-time
     * extension was refused is published at the refusal but dated the original term end (ADR 0050).
     */
    endedOn: IsoDateSchema,
    ruleIds: z.array(z.string()).min(1),
  }),
});

/** Issue #10 (ADR 0049): the documents of the documents context an answer, opinion or notice rests on (documents attaches them — immutable). */
const DocumentIdsSchema = z.array(z.uuid()).max(50);

/** F-32, F-38, F-33: what an information request asks for (the `kind` of the request events; a string there, so that a kind added later is not a new version). */
export const INFORMATION_REQUEST_KINDS = [
  'tax-and-accounting',
  'statistical-reports',
  'tax-declarations',
  'audit-opinion',
  'audit-report',
  'additional-documents',
] as const;

export const InformationRequestedV1 = defineIntegrationEvent({
  type: 'participation.information-requested',
  version: 1,
  topic,
  description:
    "The Fund asked a participant for documents (F-32 within 10 WD; F-38 extra documents in monitoring; F-33 the audit report on request), due on dueDate (a working day). The request's text stays in participation (F-35); notifications reminds the participant before the due day (ADR 0105).",
  payload: z.object({
    requestId: z.uuid(),
    participationId: z.uuid(),
    bin: BinSchema,
    /** What is asked for (tax-and-accounting, statistical-reports, tax-declarations, audit-opinion, audit-report, additional-documents). */
    kind: z.string(),
    ruleIds: z.array(z.string()).min(1),
    requestedOn: IsoDateSchema,
    dueDate: IsoDateSchema,
  }),
});

export const AuditOpinionOwedV1 = defineIntegrationEvent({
  type: 'participation.audit-opinion-owed',
  version: 1,
  topic,
  description:
    'F-33: the income a participant declared for a financial year is above the audit threshold, so it owes the audit opinion by dueDate (1 July). Notifications reminds it before the due day (ADR 0105).',
  payload: z.object({
    obligationId: z.uuid(),
    participationId: z.uuid(),
    bin: BinSchema,
    financialYear: z.number().int(),
    dueDate: IsoDateSchema,
  }),
});

export const InformationRequestAnsweredV1 = defineIntegrationEvent({
  type: 'participation.information-request-answered',
  version: 1,
  topic,
  description:
    "A participant answered the Fund's request for documents (F-32; F-38 extra documents in monitoring; F-33 the audit report on request), on time or late; the documents given by id are attached to the request.",
  payload: z.object({
    requestId: z.uuid(),
    participationId: z.uuid(),
    bin: BinSchema,
    /** What was asked for (tax-and-accounting, statistical-reports, tax-declarations, audit-opinion, audit-report, additional-documents). */
    kind: z.string(),
    ruleIds: z.array(z.string()).min(1),
    answeredOn: IsoDateSchema,
    late: z.boolean(),
    /** Empty when the answer still came with the deprecated file metadata only. */
    documentIds: DocumentIdsSchema,
  }),
});

export const AuditOpinionSubmittedV1 = defineIntegrationEvent({
  type: 'participation.audit-opinion-submitted',
  version: 1,
  topic,
  description: 'F-33: a participant submitted the audit opinion on its annual financial statements (by 1 July, or late); the document given by id is attached.',
  payload: z.object({
    obligationId: z.uuid(),
    participationId: z.uuid(),
    bin: BinSchema,
    financialYear: z.number().int(),
    submittedOn: IsoDateSchema,
    late: z.boolean(),
    /** The opinion (kind audit-opinion); empty when it came with the deprecated file metadata only. */
    documentIds: DocumentIdsSchema,
  }),
});

export const CorporateNoticeFiledV1 = defineIntegrationEvent({
  type: 'participation.corporate-notice-filed',
  version: 1,
  topic,
  description:
    'F-34: a participant notified its re-registration or liquidation (within 10 WD, or late), with copies of the decision; the copies given by id are attached to the notice. A liquidation grounds F-28(5).',
  payload: z.object({
    noticeId: z.uuid(),
    participationId: z.uuid(),
    bin: BinSchema,
    kind: z.enum(['re-registration', 'liquidation']),
    eventDate: IsoDateSchema,
    filedOn: IsoDateSchema,
    onTime: z.boolean(),
    /** The copies (kind decision-copy); empty when they came with the deprecated file metadata only. */
    documentIds: DocumentIdsSchema,
  }),
});

export const participationEvents = [
  ParticipationStartedV1,
  ParticipationExtendedV1,
  ExtensionFiledV1,
  ExtensionRefusedV1,
  FeeAssessedV1,
  FeeOverdueV1,
  FeePaidV1,
  ReportOverdueV1,
  ReportSubmittedV1,
  DeadlineMissedV1,
  MonitoringNotExpedientV1,
  EarlyTerminationReferredV1,
  ParticipationTerminatedV1,
  InformationRequestedV1,
  InformationRequestAnsweredV1,
  AuditOpinionOwedV1,
  AuditOpinionSubmittedV1,
  CorporateNoticeFiledV1,
] as const;
