import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import {
  CohortCompletionMadeV1,
  CohortCompletionMadeV2,
  CohortEnrolmentMadeV1,
  CohortEnrolmentMadeV2,
  CohortExpulsionMadeV1,
  CohortExpulsionMadeV2,
  type EventEnvelope,
  ParticipantRegisteredV1,
  type PayloadOf,
  TOPICS,
} from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { type ConsumeOutcome, envelopeMessage, type EventConsumer, type MessageBus, type MessageBusAdmin, OutboxRelay, TimerPoller } from '@hub/messaging';
import { HUB_CONFIG, MESSAGE_BUS, configureHttp, consumerOf } from '@hub/nest-commons';
import { type TestApp, aCompany, startTestApp } from '@hub/testing';
import { HOUSING_MODULES, housingPlatform } from '../../src/app.module.js';
import { housingOrmConfig } from '../../src/mikro-orm.config.js';

import { REGISTRATION_EVENTS_CONSUMER } from '../../src/participants/interface/kafka/registration-events.consumer.js';
import { SERVICES_EVENTS_CONSUMER } from '../../src/acceleration/interface/kafka/services-events.consumer.js';

/**
 * Housing and premises on the one harness of @hub/testing (`startTestApp`): a fresh real database with the
 * app's migrations, a dev token issuer, a ManualClock (Monday 16 November 2026, 09:00 in Almaty),
 * the production HTTP pipeline. What follows here is this context's own: its modules, the
 * relay/poller/bus/consumer of the app, and fixtures.
 */
export type Harness = TestApp;

export function startHarness(prefix: string, options: { start?: string; workers?: boolean; env?: Record<string, string> } = {}): Promise<Harness> {
  return startTestApp({
    prefix,
    createModule: (env) => {
      @Module({ imports: [housingPlatform(env), ...HOUSING_MODULES] })
      class HousingTestApp {}
      return HousingTestApp;
    },
    orm: housingOrmConfig,
    pipeline: (app) => configureHttp(app, app.get(HUB_CONFIG)),
    ...(options.start ? { clock: options.start } : {}),
    ...(options.workers ? { workers: true } : {}),
    // F-42: a fresh key ring per test app (never a committed key).
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

/** The app's consumer of services' cohort events, as the platform built it. */
export const servicesConsumer = (h: Harness): EventConsumer => {
  const consumer = consumerOf(h.app, SERVICES_EVENTS_CONSUMER.name);
  return consumer;
};

let offsets = 0;
/** Feeds a services envelope through the app's real consumer (decode, inbox, handler in the inbox transaction), as if read from Kafka. */
export const deliverServices = (h: Harness, envelope: EventEnvelope): Promise<ConsumeOutcome> =>
  servicesConsumer(h).consume(
    envelopeMessage(TOPICS.services.name, envelope, { offset: String(offsets++), key: (envelope.payload as { recipientId?: string }).recipientId ?? null }),
  );

/** A fresh 12-digit IIN (its check digit is not validated by the contract). */
export const newIin = (): string => `9${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`;
/** A fresh town: a random 9-digit KATO code, so that every test has its own waitlist. */
export const newTown = (name = 'Astana'): { katoCode: string; name: string } => ({
  katoCode: String(100_000_000 + Math.floor(Math.random() * 899_999_999)),
  name,
});

type Enrolment = EventEnvelope<PayloadOf<typeof CohortEnrolmentMadeV1>>;
const envelope = <P>(type: string, version: number, aggregateId: string, payload: P): EventEnvelope<P> => ({
  id: uuidv7(),
  type,
  version,
  occurredAt: '2026-11-16T04:00:00.000Z',
  correlationId: uuidv7(),
  causationId: null,
  aggregateId,
  payload,
});

/** services.cohort-enrolment-made v1, as services publishes it. */
export function cohortEnrolment(o: {
  town: { katoCode: string; name: string };
  iin?: string;
  enrolledOn?: string;
  cohortStartsOn?: string;
  cohortEndsOn?: string;
}): Enrolment {
  const enrolmentId = uuidv7();
  const iin = o.iin ?? newIin();
  return envelope(CohortEnrolmentMadeV1.type, CohortEnrolmentMadeV1.version, enrolmentId, {
    enrolmentId,
    cohortId: uuidv7(),
    serviceId: uuidv7(),
    recipientKind: 'individual' as const,
    recipientId: uuidv7(), // an individual recipient is a pseudonym (ADR 0069), never the IIN
    personIin: iin,
    contractId: uuidv7(),
    town: o.town,
    cohortStartsOn: o.cohortStartsOn ?? '2026-11-02',
    cohortEndsOn: o.cohortEndsOn ?? '2027-06-30',
    enrolledOn: o.enrolledOn ?? '2026-11-02',
  });
}

const person = (e: Enrolment) => ({
  enrolmentId: e.payload.enrolmentId,
  cohortId: e.payload.cohortId,
  serviceId: e.payload.serviceId,
  recipientKind: e.payload.recipientKind,
  recipientId: e.payload.recipientId,
  personIin: e.payload.personIin,
});
export const cohortExpulsion = (e: Enrolment, expelledOn: string) =>
  envelope(CohortExpulsionMadeV1.type, CohortExpulsionMadeV1.version, e.payload.enrolmentId, {
    ...person(e),
    ground: 'programme-conditions-breached' as const,
    expelledOn,
  });
export const cohortCompletion = (e: Enrolment, completedOn: string) =>
  envelope(CohortCompletionMadeV1.type, CohortCompletionMadeV1.version, e.payload.enrolmentId, { ...person(e), completedOn });

/**
 * ADR 0123: the same facts as services publishes them since v2 — the person is `personRef`, the blind index of
 * the IIN under the platform's index key (`blindIndex` of the app's PiiCipher), and the IIN is absent.
 */
export const asV2 = (e: Enrolment, personRef: string) => {
  const { personIin: _, ...payload } = e.payload;
  return { ...e, id: uuidv7(), version: CohortEnrolmentMadeV2.version, payload: { ...payload, personRef } };
};
const personV2 = (e: Enrolment, personRef: string) => {
  const { personIin: _, ...rest } = person(e);
  return { ...rest, personRef };
};
export const cohortExpulsionV2 = (e: Enrolment, personRef: string, expelledOn: string) =>
  envelope(CohortExpulsionMadeV2.type, CohortExpulsionMadeV2.version, e.payload.enrolmentId, {
    ...personV2(e, personRef),
    ground: 'programme-conditions-breached' as const,
    expelledOn,
  });
export const cohortCompletionV2 = (e: Enrolment, personRef: string, completedOn: string) =>
  envelope(CohortCompletionMadeV2.type, CohortCompletionMadeV2.version, e.payload.enrolmentId, { ...personV2(e, personRef), completedOn });

/** A fresh valid head-office BIN per call (the factories of @hub/testing). */
export const newBin = (): string => aCompany().bin;

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** Responses are `any` to TypeScript: name what a test reads. */
export const json = <T = Record<string, unknown>>(res: { body: unknown }): T => res.body as T;
