import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import {
  DocumentVerifiedV1,
  type EventEnvelope,
  ParticipantRegisteredV1,
  ParticipationStartedV1,
  ParticipationTerminatedV1,
  type PayloadOf,
} from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { type ConsumeOutcome, envelopeMessage, type EventConsumer, type MessageBus, type MessageBusAdmin, OutboxRelay, TimerPoller } from '@hub/messaging';
import { HUB_CONFIG, KnownDocumentsModule, MESSAGE_BUS, configureHttp, consumerOf } from '@hub/nest-commons';
import { type TestApp, aCompany, startTestApp } from '@hub/testing';
import { trainingPlatform } from '../../src/app.module.js';
import { trainingOrmConfig } from '../../src/mikro-orm.config.js';
import { ParticipantsModule } from '../../src/participants/participants.module.js';
import { REGISTRATION_EVENTS_CONSUMER } from '../../src/participants/interface/kafka/registration-events.consumer.js';
import { PARTICIPATION_EVENTS_CONSUMER } from '../../src/participants/interface/kafka/participation-events.consumer.js';
import { IntakesModule } from '../../src/intakes/intakes.module.js';
import { CommissionModule } from '../../src/commission/commission.module.js';
import { TraineesModule } from '../../src/trainees/trainees.module.js';

/**
 * ICT training on the one harness of @hub/testing (`startTestApp`): a fresh real database with the
 * app's migrations, a dev token issuer, a ManualClock (Monday 16 November 2026, 09:00 in Almaty),
 * the production HTTP pipeline. What follows here is this context's own: its modules, the
 * relay/poller/bus/consumer of the app, and fixtures.
 */
export type Harness = TestApp;

export function startHarness(prefix: string, options: { start?: string; workers?: boolean; env?: Record<string, string> } = {}): Promise<Harness> {
  return startTestApp({
    prefix,
    createModule: (env) => {
      @Module({ imports: [trainingPlatform(env), IntakesModule, CommissionModule, TraineesModule, ParticipantsModule, KnownDocumentsModule] })
      class TrainingTestApp {}
      return TrainingTestApp;
    },
    orm: trainingOrmConfig,
    pipeline: (app) => configureHttp(app, app.get(HUB_CONFIG)),
    ...(options.start ? { clock: options.start } : {}),
    ...(options.workers ? { workers: true } : {}),
    // F-76: a fresh PII key ring per test app (as housing's harness)
    env: { HUB_PII_KEYS: `t1:${randomBytes(32).toString('base64')}`, HUB_PII_ACTIVE_KEY: 't1', ...options.env },
  });
}

export const relay = (h: Harness): OutboxRelay => h.app.get(OutboxRelay);
export const poller = (h: Harness): TimerPoller => h.app.get(TimerPoller);
/** The app's own Kafka bus (the platform's MessageBus and admin port; prefixed when HUB_KAFKA_TOPIC_PREFIX is set). */
export const bus = (h: Harness): MessageBus & MessageBusAdmin => h.app.get<MessageBus & MessageBusAdmin>(MESSAGE_BUS);

/** The app's consumer of registration's events, as the platform built it (inbox, unit of work, DLQ). */
export const registrationConsumer = (h: Harness): EventConsumer => {
  const consumer = consumerOf(h.app, REGISTRATION_EVENTS_CONSUMER.name);
  return consumer;
};

/** A registration.participant-registered v1 envelope, as registration publishes it, for a fresh company. */
export function participantRegistered(
  overrides: Partial<PayloadOf<typeof ParticipantRegisteredV1>> = {},
): EventEnvelope<PayloadOf<typeof ParticipantRegisteredV1>> {
  const company = aCompany();
  const bin = overrides.bin ?? company.bin;
  const participantId = overrides.participantId ?? uuidv7();
  return {
    id: uuidv7(),
    type: ParticipantRegisteredV1.type,
    version: ParticipantRegisteredV1.version,
    occurredAt: '2026-11-16T04:00:00.000Z',
    correlationId: uuidv7(),
    causationId: null,
    aggregateId: participantId,
    payload: {
      participantId,
      applicationId: uuidv7(),
      bin,
      companyName: company.name,
      address: company.address,
      activityTypes: [{ code: 'PH-01', name: 'Software development', works: ['Development of software products'] }],
      contractNumber: `SC-${bin}`,
      contractSignedOn: '2026-11-16',
      termStart: '2026-11-16',
      termEnd: '2029-11-15',
      certificateNumber: `AH-${bin}`,
      certificateDueDate: '2026-11-19',
      ...overrides,
    },
  };
}

/** Feeds an envelope through the app's real consumer (decode, inbox, handler in the inbox transaction), as if read from Kafka. */
export const deliver = (h: Harness, envelope: EventEnvelope, offset = '0'): Promise<ConsumeOutcome> =>
  registrationConsumer(h).consume(envelopeMessage(REGISTRATION_EVENTS_CONSUMER.topics[0]!, envelope, { offset }));

/** documents.document-verified v1 through the app's own consumer of documents' events (issue #10). */
export async function deliverVerifiedDocument(h: Harness, bin: string, kind: string, offset = '0'): Promise<{ documentId: string; outcome: ConsumeOutcome }> {
  const consumer = consumerOf(h.app, 'training.documents-events');
  const documentId = uuidv7();
  const envelope: EventEnvelope<PayloadOf<typeof DocumentVerifiedV1>> = {
    id: uuidv7(),
    type: DocumentVerifiedV1.type,
    version: 1,
    occurredAt: '2026-11-16T04:00:00.000Z',
    correlationId: uuidv7(),
    causationId: null,
    aggregateId: documentId,
    payload: {
      documentId,
      bin,
      kind,
      seriesId: documentId,
      versionNo: 1,
      supersedesId: null,
      sha256: 'cd'.repeat(32),
      size: 30_000,
      mediaType: 'application/pdf',
      verifiedAt: '2026-11-16T03:30:00.000Z',
    },
  };
  const outcome = await consumer.consume(envelopeMessage('hub.documents.events.v1', envelope, { offset }));
  return { documentId, outcome };
}

/** participation.participation-started v1 for a fresh company, as participation publishes it (ADR 0062). */
export function participationStarted(
  overrides: Partial<PayloadOf<typeof ParticipationStartedV1>> = {},
): EventEnvelope<PayloadOf<typeof ParticipationStartedV1>> {
  const company = aCompany();
  const participationId = overrides.participationId ?? uuidv7();
  return {
    id: uuidv7(),
    type: ParticipationStartedV1.type,
    version: ParticipationStartedV1.version,
    occurredAt: '2026-11-16T04:00:00.000Z',
    correlationId: uuidv7(),
    causationId: null,
    aggregateId: participationId,
    payload: {
      participationId,
      participantId: uuidv7(),
      bin: company.bin,
      companyName: company.name,
      activityTypeCodes: ['PH-01'],
      certificateNumber: `AH-${company.bin}`,
      termStart: '2026-01-05',
      termEnd: '2028-12-31',
      extensionDeadline: null,
      ...overrides,
    },
  };
}

/** participation.participation-terminated v1 of a started participation (early, voluntary). */
export function participationTerminated(
  started: PayloadOf<typeof ParticipationStartedV1>,
  endedOn: string,
): EventEnvelope<PayloadOf<typeof ParticipationTerminatedV1>> {
  return {
    id: uuidv7(),
    type: ParticipationTerminatedV1.type,
    version: ParticipationTerminatedV1.version,
    occurredAt: '2026-11-16T04:00:00.000Z',
    correlationId: uuidv7(),
    causationId: null,
    aggregateId: started.participationId,
    payload: {
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
    },
  };
}

/** Feeds a participation envelope through the app's real participation consumer (inbox, handler in its transaction). */
export const deliverParticipation = (h: Harness, envelope: EventEnvelope, offset = '0'): Promise<ConsumeOutcome> => {
  const consumer = consumerOf(h.app, PARTICIPATION_EVENTS_CONSUMER.name);
  return consumer.consume(envelopeMessage(PARTICIPATION_EVENTS_CONSUMER.topics[0]!, envelope, { offset }));
};

/** A fresh valid head-office BIN per call (the factories of @hub/testing). */
export const newBin = (): string => aCompany().bin;

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** A provider application as the API returns it (responses are `any` to TypeScript: name what a test reads). */
export interface ApplicationJson {
  readonly id: string;
  readonly bin: string;
  readonly intakeId: string;
  readonly status: string;
  readonly filedOn: string;
  readonly reviewDueOn: string;
}
export const json = <T = ApplicationJson>(res: { body: unknown }): T => res.body as T;
