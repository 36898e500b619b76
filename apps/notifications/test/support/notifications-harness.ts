import { Module } from '@nestjs/common';
import {
  ClustersApplicationReturnedV1,
  ClustersResultsPublishedV1,
  ApplicationSubmittedV1,
  DecisionMadeV1,
  type EventEnvelope,
  FeeAssessedV1,
  FeeOverdueV1,
  MonitoringNotExpedientV1,
  ParticipationExtendedV1,
  ParticipationStartedV1,
  ParticipationTerminatedV1,
  type PayloadOf,
  RemarksIssuedV1,
  ReportOverdueV1,
  ReportSubmittedV1,
  InformationRequestedV1,
  InformationRequestAnsweredV1,
  AuditOpinionOwedV1,
  AuditOpinionSubmittedV1,
  ExtensionFiledV1,
  ExtensionRefusedV1,
  FeePaidV1,
  ServiceApplicationRemarksIssuedV1,
  ServiceDeliveryActAnsweredV1,
  ServiceDeliveryActIssuedV1,
  ServiceInvoiceIssuedV1,
  ServiceInvoiceOverdueV1,
  TrainingDecisionMadeV1,
  TrainingRemarksIssuedV1,
} from '@hub/contracts';
import { type SmtpSink, startSmtpSink } from '@hub/dev-smtp';
import { uuidv7 } from '@hub/kernel';
import { type ConsumeOutcome, OutboxRelay, TimerPoller } from '@hub/messaging';
import { type ConsumerSpec, HUB_CONFIG, configureHttp, deliverEnvelope } from '@hub/nest-commons';
import { type TestApp, aCompany, startTestApp } from '@hub/testing';
import { notificationsPlatform } from '../../src/app.module.js';
import { EmailDelivery } from '../../src/messages/application/email-delivery.js';
import { CLUSTERS_EVENTS_CONSUMER } from '../../src/messages/interface/kafka/clusters-events.consumer.js';
import { HOUSING_EVENTS_CONSUMER } from '../../src/messages/interface/kafka/housing-events.consumer.js';
import { PARTICIPATION_EVENTS_CONSUMER } from '../../src/messages/interface/kafka/participation-events.consumer.js';
import { REGISTRATION_EVENTS_CONSUMER } from '../../src/messages/interface/kafka/registration-events.consumer.js';
import { SERVICES_EVENTS_CONSUMER } from '../../src/messages/interface/kafka/services-events.consumer.js';
import { TRAINING_EVENTS_CONSUMER } from '../../src/messages/interface/kafka/training-events.consumer.js';
import { MessagesModule } from '../../src/messages/messages.module.js';
import { notificationsOrmConfig } from '../../src/mikro-orm.config.js';

/**
 * Notifications on the one harness of @hub/testing (`startTestApp`: a fresh real database with the
 * app's migrations, a dev token issuer, a ManualClock — Monday 16 November 2026, 09:00 in Almaty,
 * the production HTTP pipeline) plus a real SMTP server over TCP: the dev sink of tools/dev-smtp,
 * started in-process on a free port. Nothing of nodemailer is mocked.
 */
export interface Harness extends TestApp {
  readonly smtp: SmtpSink;
  /** Stops the SMTP server (an outage) or starts it again on the same port. */
  smtpDown(): Promise<void>;
  smtpUp(): Promise<SmtpSink>;
}

export async function startHarness(prefix: string, options: { workers?: boolean; env?: Record<string, string> } = {}): Promise<Harness> {
  let smtp = await startSmtpSink();
  const port = smtp.port;
  const app = await startTestApp({
    prefix,
    createModule: (env) => {
      @Module({ imports: [notificationsPlatform(env), MessagesModule] })
      class NotificationsTestApp {}
      return NotificationsTestApp;
    },
    orm: notificationsOrmConfig,
    pipeline: (a) => configureHttp(a, a.get(HUB_CONFIG)),
    ...(options.workers ? { workers: true } : {}),
    env: {
      NOTIFICATIONS_SMTP_URL: smtp.url,
      NOTIFICATIONS_SMTP_TIMEOUT_MS: '3000',
      NOTIFICATIONS_DELIVERY_MAX_ATTEMPTS: '4',
      NOTIFICATIONS_DELIVERY_BACKOFF_BASE_MS: '60000',
      NOTIFICATIONS_DELIVERY_BACKOFF_MAX_MS: '600000',
      NOTIFICATIONS_DELIVERY_POLL_MS: '200',
      ...options.env,
    },
  });
  const harness = Object.create(app) as Harness;
  Object.defineProperties(harness, {
    smtp: { get: () => smtp },
    smtpDown: { value: () => smtp.stop() },
    smtpUp: {
      value: async () => {
        smtp = await startSmtpSink({ port });
        return smtp;
      },
    },
    close: {
      value: async () => {
        await app.close();
        await smtp.stop().catch(() => undefined);
      },
    },
  });
  return harness;
}

export const delivery = (h: Harness): EmailDelivery => h.app.get(EmailDelivery);
export const relay = (h: Harness): OutboxRelay => h.app.get(OutboxRelay);
export const poller = (h: Harness): TimerPoller => h.app.get(TimerPoller);

/**
 * Feeds an envelope through one of the app's real consumers (decode, inbox, handler in the inbox
 * transaction), as if read from the spec's topic, keyed by the payload's BIN.
 */
const deliverTo = (h: Harness, spec: ConsumerSpec, e: EventEnvelope, offset: string): Promise<ConsumeOutcome> => {
  return deliverEnvelope(h.app, spec, e, { offset });
};

/** registration's events, through the app's consumer of them. */
export const deliver = (h: Harness, e: EventEnvelope, offset = '0'): Promise<ConsumeOutcome> => deliverTo(h, REGISTRATION_EVENTS_CONSUMER, e, offset);

/** An envelope as its producer publishes it (v1, a fixed occurrence time). */
const envelopeOf = <P>(type: string, aggregateId: string, payload: P, occurredAt = '2026-11-16T04:00:00.000Z'): EventEnvelope<P> => ({
  id: uuidv7(),
  type,
  version: 1,
  occurredAt,
  correlationId: uuidv7(),
  causationId: null,
  aggregateId,
  payload,
});
const envelope = <P extends { applicationId: string }>(type: string, payload: P): EventEnvelope<P> => envelopeOf(type, payload.applicationId, payload);

/** A registration.decision-made v1 envelope, as registration publishes it. */
export const decisionMade = (overrides: Partial<PayloadOf<typeof DecisionMadeV1>> = {}): EventEnvelope<PayloadOf<typeof DecisionMadeV1>> =>
  envelope(DecisionMadeV1.type, {
    applicationId: uuidv7(),
    bin: newBin(),
    kind: 'registration',
    decision: 'register',
    grounds: [],
    protocolNumber: 'P-2026-041',
    decidedOn: '2026-11-13',
    notificationDueDate: '2026-11-20',
    ...overrides,
  });

/** A registration.application-submitted v1 envelope (ADR 0121: `filedBy` is the filer's portal subject). */
export const applicationSubmitted = (
  overrides: Partial<PayloadOf<typeof ApplicationSubmittedV1>> = {},
): EventEnvelope<PayloadOf<typeof ApplicationSubmittedV1>> =>
  envelope(ApplicationSubmittedV1.type, {
    applicationId: uuidv7(),
    bin: newBin(),
    companyName: 'Alatau Analytics LLP',
    kind: 'registration',
    language: 'ru',
    resubmission: false,
    submittedAt: '2026-11-16T04:00:00.000Z',
    reviewDueDate: '2026-11-23',
    failedChecks: [],
    documentIds: [],
    ...overrides,
  });

/** A registration.remarks-issued v1 envelope. */
export const remarksIssued = (overrides: Partial<PayloadOf<typeof RemarksIssuedV1>> = {}): EventEnvelope<PayloadOf<typeof RemarksIssuedV1>> =>
  envelope(RemarksIssuedV1.type, {
    applicationId: uuidv7(),
    bin: newBin(),
    remarks: [{ field: 'businessPlan.market', message: 'the market section is empty' }],
    issuedAt: '2026-11-16T04:00:00.000Z',
    ...overrides,
  });

// ---- participation's events (ADR 0093): F-40, F-21, F-37 ----

/** participation's events, through the app's consumer of them. */
export const deliverParticipation = (h: Harness, e: EventEnvelope, offset = '0'): Promise<ConsumeOutcome> =>
  deliverTo(h, PARTICIPATION_EVENTS_CONSUMER, e, offset);

const participationEnvelope = <P extends { participationId: string }>(type: string, payload: P): EventEnvelope<P> =>
  envelopeOf(type, payload.participationId, payload);

/** participation.fee-assessed v1: Q3 2026, 1 234 567.89 KZT, due Monday 26 October 2026 unless overridden. */
export const feeAssessed = (overrides: Partial<PayloadOf<typeof FeeAssessedV1>> = {}): EventEnvelope<PayloadOf<typeof FeeAssessedV1>> =>
  participationEnvelope(FeeAssessedV1.type, {
    feeId: uuidv7(),
    participationId: uuidv7(),
    bin: newBin(),
    year: 2026,
    quarter: 3,
    declaredIncomeKzt: 123456789,
    feeKzt: 1234567.89,
    declaredIncomeTiyn: 12345678900,
    feeTiyn: 123456789,
    tariffId: 'tariff-2026',
    dueDate: '2026-10-26',
    ...overrides,
  });

/** participation.fee-overdue v1 for a fee. */
export const feeOverdue = (
  fee: PayloadOf<typeof FeeAssessedV1>,
  overrides: Partial<PayloadOf<typeof FeeOverdueV1>> = {},
): EventEnvelope<PayloadOf<typeof FeeOverdueV1>> =>
  participationEnvelope(FeeOverdueV1.type, {
    feeId: fee.feeId,
    participationId: fee.participationId,
    bin: fee.bin,
    year: fee.year,
    quarter: fee.quarter,
    dueDate: fee.dueDate,
    reason: 'not-paid-in-full',
    feeKzt: fee.feeKzt,
    paidKzt: 0,
    outstandingKzt: fee.feeKzt,
    ground: 'membership-fees-not-paid',
    ...overrides,
  });

/** participation.fee-paid v1 of a fee (ADR 0107): paid in full. */
export const feePaid = (fee: PayloadOf<typeof FeeAssessedV1>, settledAt = '2026-10-12T05:00:00.000Z'): EventEnvelope<PayloadOf<typeof FeePaidV1>> =>
  participationEnvelope(FeePaidV1.type, {
    feeId: fee.feeId,
    participationId: fee.participationId,
    bin: fee.bin,
    year: fee.year,
    quarter: fee.quarter,
    dueDate: fee.dueDate,
    settledAt,
  });

/** participation.monitoring-not-expedient v1. */
export const monitoringNotExpedient = (
  overrides: Partial<PayloadOf<typeof MonitoringNotExpedientV1>> = {},
): EventEnvelope<PayloadOf<typeof MonitoringNotExpedientV1>> =>
  participationEnvelope(MonitoringNotExpedientV1.type, {
    participationId: uuidv7(),
    bin: newBin(),
    conclusionId: uuidv7(),
    project: 'Qazaq cloud ERP',
    periodFrom: '2026-07-01',
    periodTo: '2026-09-30',
    concludedOn: '2026-11-13',
    ...overrides,
  });

/** participation.report-overdue v1. */
export const reportOverdue = (overrides: Partial<PayloadOf<typeof ReportOverdueV1>> = {}): EventEnvelope<PayloadOf<typeof ReportOverdueV1>> =>
  participationEnvelope(ReportOverdueV1.type, {
    reportId: uuidv7(),
    participationId: uuidv7(),
    bin: newBin(),
    year: 2026,
    quarter: 3,
    dueDate: '2026-10-20',
    ground: 'reports-not-submitted',
    ...overrides,
  });

/** participation.report-submitted v1 of a started participation's quarter (on time, 5 January 2027 unless overridden). */
export const reportSubmitted = (
  started: PayloadOf<typeof ParticipationStartedV1>,
  year: number,
  quarter: 1 | 2 | 3 | 4,
  dueDate: string,
  overrides: Partial<PayloadOf<typeof ReportSubmittedV1>> = {},
): EventEnvelope<PayloadOf<typeof ReportSubmittedV1>> =>
  participationEnvelope(ReportSubmittedV1.type, {
    reportId: uuidv7(),
    participationId: started.participationId,
    bin: started.bin,
    year,
    quarter,
    dueDate,
    submittedOn: '2027-01-05',
    late: false,
    ...overrides,
  });

/** participation.information-requested v1 (F-38 extra documents) of a participation, requested Monday 16 November 2026, due Monday 30 November. */
export const informationRequested = (
  overrides: Partial<PayloadOf<typeof InformationRequestedV1>> = {},
): EventEnvelope<PayloadOf<typeof InformationRequestedV1>> =>
  participationEnvelope(InformationRequestedV1.type, {
    requestId: uuidv7(),
    participationId: uuidv7(),
    bin: newBin(),
    kind: 'additional-documents',
    ruleIds: ['F-38'],
    requestedOn: '2026-11-16',
    dueDate: '2026-11-30',
    ...overrides,
  });

/** participation.information-request-answered v1 of a request. */
export const informationRequestAnswered = (r: PayloadOf<typeof InformationRequestedV1>): EventEnvelope<PayloadOf<typeof InformationRequestAnsweredV1>> =>
  participationEnvelope(InformationRequestAnsweredV1.type, {
    requestId: r.requestId,
    participationId: r.participationId,
    bin: r.bin,
    kind: r.kind,
    ruleIds: r.ruleIds,
    answeredOn: '2026-11-20',
    late: false,
    documentIds: [],
  });

/** participation.audit-opinion-owed v1: the 2026 opinion due on Wednesday 30 June 2027. */
export const auditOpinionOwed = (overrides: Partial<PayloadOf<typeof AuditOpinionOwedV1>> = {}): EventEnvelope<PayloadOf<typeof AuditOpinionOwedV1>> =>
  participationEnvelope(AuditOpinionOwedV1.type, {
    obligationId: uuidv7(),
    participationId: uuidv7(),
    bin: newBin(),
    financialYear: 2026,
    dueDate: '2027-06-30',
    ...overrides,
  });

/** participation.audit-opinion-submitted v1 of an owed opinion. */
export const auditOpinionSubmitted = (o: PayloadOf<typeof AuditOpinionOwedV1>): EventEnvelope<PayloadOf<typeof AuditOpinionSubmittedV1>> =>
  participationEnvelope(AuditOpinionSubmittedV1.type, {
    obligationId: o.obligationId,
    participationId: o.participationId,
    bin: o.bin,
    financialYear: o.financialYear,
    submittedOn: '2027-05-04',
    late: false,
    documentIds: [],
  });

/** participation.participation-started v1: a one-year term from Monday 16 November 2026 unless overridden. */
export const participationStarted = (
  overrides: Partial<PayloadOf<typeof ParticipationStartedV1>> = {},
): EventEnvelope<PayloadOf<typeof ParticipationStartedV1>> =>
  participationEnvelope(ParticipationStartedV1.type, {
    participationId: uuidv7(),
    participantId: uuidv7(),
    bin: newBin(),
    companyName: 'Qazaq Cloud LLP',
    activityTypeCodes: ['62.01'],
    certificateNumber: 'AH-2026-0001',
    termStart: '2026-11-16',
    termEnd: '2027-11-15',
    extensionDeadline: null,
    ...overrides,
  });

/** participation.participation-extended v1 of a started participation. */
export const participationExtended = (
  started: PayloadOf<typeof ParticipationStartedV1>,
  newTermEnd: string,
): EventEnvelope<PayloadOf<typeof ParticipationExtendedV1>> =>
  participationEnvelope(ParticipationExtendedV1.type, {
    participationId: started.participationId,
    participantId: started.participantId,
    bin: started.bin,
    extensionId: uuidv7(),
    previousTermEnd: started.termEnd,
    newTermEnd,
    certificateNumber: 'AH-EXT-0001',
    issuedOn: started.termEnd,
  });

/** participation.extension-filed v1 of a started participation, filed on `filedOn`. */
export const extensionFiled = (started: PayloadOf<typeof ParticipationStartedV1>, filedOn: string): EventEnvelope<PayloadOf<typeof ExtensionFiledV1>> =>
  participationEnvelope(ExtensionFiledV1.type, {
    extensionId: uuidv7(),
    participationId: started.participationId,
    bin: started.bin,
    filedOn,
    currentTermEnd: started.termEnd,
    requestedTermEnd: '2028-11-15',
  });

/** participation.extension-refused v1 of a started participation (ADR 0107): the term stays. */
export const extensionRefused = (started: PayloadOf<typeof ParticipationStartedV1>, refusedOn: string): EventEnvelope<PayloadOf<typeof ExtensionRefusedV1>> =>
  participationEnvelope(ExtensionRefusedV1.type, {
    extensionId: uuidv7(),
    participationId: started.participationId,
    bin: started.bin,
    refusedOn,
    termEnd: started.termEnd,
  });

/** participation.participation-terminated v1 (early, withdrawal) of a started participation. */
export const participationTerminated = (
  started: PayloadOf<typeof ParticipationStartedV1>,
  endedOn: string,
): EventEnvelope<PayloadOf<typeof ParticipationTerminatedV1>> =>
  participationEnvelope(ParticipationTerminatedV1.type, {
    participationId: started.participationId,
    participantId: started.participantId,
    bin: started.bin,
    kind: 'early',
    ground: 'voluntary-withdrawal',
    groundNumber: 3,
    decidedBy: 'participant',
    decisionReference: null,
    endedOn,
    ruleIds: ['F-28', 'F-29'],
  });

// ---- clusters' events: C-12, C-21 ----

/** clusters' events, through the app's consumer of them. */
export const deliverClusters = (h: Harness, e: EventEnvelope, offset = '0'): Promise<ConsumeOutcome> => deliverTo(h, CLUSTERS_EVENTS_CONSUMER, e, offset);

/** clusters.application-returned v1 with two deficiencies. */
export const applicationReturned = (
  overrides: Partial<PayloadOf<typeof ClustersApplicationReturnedV1>> = {},
): EventEnvelope<PayloadOf<typeof ClustersApplicationReturnedV1>> => {
  const applicationId = overrides.applicationId ?? uuidv7();
  return envelopeOf(ClustersApplicationReturnedV1.type, applicationId, {
    applicationId,
    roundId: uuidv7(),
    bin: newBin(),
    returnedAt: '2026-11-18T05:00:00.000Z',
    deficiencies: [
      { field: 'annex2.consents', reason: 'two members have no signed consent' },
      { field: 'annex3.strategyAlignment', reason: 'empty' },
    ],
    ...overrides,
  });
};

/** clusters.results-published v1 with the given winners. */
export const resultsPublished = (winners: { bin: string; clusterName: string }[]): EventEnvelope<PayloadOf<typeof ClustersResultsPublishedV1>> => {
  const roundId = uuidv7();
  return envelopeOf(ClustersResultsPublishedV1.type, roundId, {
    roundId,
    ruleSetId: 'kz-2015-territorial-clusters',
    protocolNumber: 'KC-2016-07',
    publishedAt: '2016-12-20T06:00:00.000Z',
    winners: winners.map((w) => ({ applicationId: uuidv7(), ...w })),
  });
};

// ---- housing's events: F-57 … F-62 (ADR 0053, 0116) ----

/** housing's events, through the app's consumer of them. */
export const deliverHousing = (h: Harness, e: EventEnvelope, offset = '0'): Promise<ConsumeOutcome> => deliverTo(h, HOUSING_EVENTS_CONSUMER, e, offset);

/** A housing envelope as housing publishes it (v1), occurring Monday 14 December 2026, 09:00 Almaty. */
export const housingEnvelopeOf = <P>(type: string, aggregateId: string, payload: P): EventEnvelope<P> =>
  envelopeOf(type, aggregateId, payload, '2026-12-14T04:00:00.000Z');

// ---- training's events: F-70, F-74 ----

/** training's events, through the app's consumer of them. */
export const deliverTraining = (h: Harness, e: EventEnvelope, offset = '0'): Promise<ConsumeOutcome> => deliverTo(h, TRAINING_EVENTS_CONSUMER, e, offset);

/** training.remarks-issued v1: issued Monday 16 November 2026, to be fixed by 30 November (F-71). */
export const trainingRemarksIssued = (
  overrides: Partial<PayloadOf<typeof TrainingRemarksIssuedV1>> = {},
): EventEnvelope<PayloadOf<typeof TrainingRemarksIssuedV1>> =>
  envelope(TrainingRemarksIssuedV1.type, {
    applicationId: uuidv7(),
    intakeId: uuidv7(),
    bin: newBin(),
    remarks: ['The curriculum of week 3 lacks hours of practice', 'No student selection criteria'],
    issuedOn: '2026-11-16',
    fixDueOn: '2026-11-30',
    issuedAt: '2026-11-16T04:00:00.000Z',
    ...overrides,
  });

/** training.decision-made v1: admitted with 25 quotas on 16 November 2026 unless overridden; notice due 23 November (F-74), contract 30 November (F-75). */
export const trainingDecisionMade = (
  overrides: Partial<PayloadOf<typeof TrainingDecisionMadeV1>> = {},
): EventEnvelope<PayloadOf<typeof TrainingDecisionMadeV1>> =>
  envelope(TrainingDecisionMadeV1.type, {
    applicationId: uuidv7(),
    intakeId: uuidv7(),
    bin: newBin(),
    outcome: 'admitted',
    quotas: 25,
    reasons: [],
    decidedOn: '2026-11-16',
    noticeDueOn: '2026-11-23',
    contractDueOn: '2026-11-30',
    decidedAt: '2026-11-16T04:00:00.000Z',
    ...overrides,
  });

// ---- services' events: F-52 ----

/** services' events, through the app's consumer of them. */
export const deliverServices = (h: Harness, e: EventEnvelope, offset = '0'): Promise<ConsumeOutcome> => deliverTo(h, SERVICES_EVENTS_CONSUMER, e, offset);

/** services.application-remarks-issued v1 to a legal entity, issued 16 November 2026 at 10:00 Almaty. */
export const serviceRemarksIssued = (
  overrides: Partial<PayloadOf<typeof ServiceApplicationRemarksIssuedV1>> = {},
): EventEnvelope<PayloadOf<typeof ServiceApplicationRemarksIssuedV1>> =>
  envelope(ServiceApplicationRemarksIssuedV1.type, {
    applicationId: uuidv7(),
    recipientKind: 'legal-entity',
    recipientId: newBin(),
    fields: ['project.summary', 'contacts.phone'],
    issuedAt: '2026-11-16T05:00:00.000Z',
    ...overrides,
  });

// ---- services' contract money and acts: F-55 (ADR 0066, ADR 0105) ----

const ofContract = (recipientId: string) => ({
  invoiceId: uuidv7(),
  number: 'SRV-2026-000042',
  applicationId: uuidv7(),
  contractId: uuidv7(),
  recipientKind: 'legal-entity' as const,
  recipientId,
});

/** services.invoice-issued v1: 1 234 567,89 tenge issued on 16 November 2026, due on 30 November. */
export const serviceInvoiceIssued = (
  overrides: Partial<PayloadOf<typeof ServiceInvoiceIssuedV1>> = {},
): EventEnvelope<PayloadOf<typeof ServiceInvoiceIssuedV1>> => {
  const payload = { ...ofContract(newBin()), amountTiyn: 123_456_789, issuedOn: '2026-11-16', dueOn: '2026-11-30', ...overrides };
  return envelopeOf(ServiceInvoiceIssuedV1.type, payload.invoiceId, payload);
};

/** services.invoice-overdue v1 of an invoice due on 30 November 2026. */
export const serviceInvoiceOverdue = (
  overrides: Partial<PayloadOf<typeof ServiceInvoiceOverdueV1>> = {},
): EventEnvelope<PayloadOf<typeof ServiceInvoiceOverdueV1>> => {
  const payload = { ...ofContract(newBin()), dueOn: '2026-11-30', ...overrides };
  return envelopeOf(ServiceInvoiceOverdueV1.type, payload.invoiceId, payload);
};

const ofAct = (recipientId: string) => ({
  actId: uuidv7(),
  number: 'ACT-2026-000007',
  applicationId: uuidv7(),
  contractId: uuidv7(),
  recipientKind: 'legal-entity' as const,
  recipientId,
});

/** services.delivery-act-issued v1 of the services delivered up to 15 November 2026. */
export const serviceActIssued = (
  overrides: Partial<PayloadOf<typeof ServiceDeliveryActIssuedV1>> = {},
): EventEnvelope<PayloadOf<typeof ServiceDeliveryActIssuedV1>> => {
  const payload = { ...ofAct(newBin()), deliveredTo: '2026-11-15', ...overrides };
  return envelopeOf(ServiceDeliveryActIssuedV1.type, payload.actId, payload);
};

/** services.delivery-act-answered v1, answered on 17 November 2026 at 15:00 Almaty. */
export const serviceActAnswered = (
  answer: 'accepted' | 'disputed',
  overrides: Partial<PayloadOf<typeof ServiceDeliveryActAnsweredV1>> = {},
): EventEnvelope<PayloadOf<typeof ServiceDeliveryActAnsweredV1>> => {
  const payload = { ...ofAct(newBin()), answer, answeredAt: '2026-11-17T10:00:00.000Z', ...overrides };
  return envelopeOf(ServiceDeliveryActAnsweredV1.type, payload.actId, payload);
};

/** A fresh valid head-office BIN per call (the factories of @hub/testing). */
export const newBin = (): string => aCompany().bin;
export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** A representative of the company sets its notice language and address through the API. */
export async function prefer(
  h: Harness,
  bin: string,
  language: 'kk' | 'ru' | 'en' | null,
  email: string | null,
  more: { emailReminders?: boolean } = {},
): Promise<void> {
  const token = await h.token(['applicant'], [bin]);
  const res = await h
    .http()
    .put(`/recipients/${bin}/preferences`)
    .set(auth(token))
    .send({ language, email, ...more });
  if (res.status !== 200) throw new Error(`preferences: ${res.status} ${JSON.stringify(res.body)}`);
}

export interface MessageRow {
  id: string;
  channel: string;
  status: string;
  language: string;
  address: string | null;
  subject: string;
  body: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date | null;
}
export const messagesOf = (h: Harness, sourceEventId: string) =>
  h.sql<MessageRow>(
    `select id, channel, status, language, address, subject, body, attempts, last_error, next_attempt_at from notifications_message where source_event_id = ? order by channel`,
    [sourceEventId],
  );
export const outboxOf = (h: Harness, type: string) =>
  h.sql<{ envelope: { id: string; payload: Record<string, unknown> } }>(`select envelope from hub_outbox where event_type = ? order by position`, [type]);
