import { Module } from '@nestjs/common';
import { type EventEnvelope, ParticipationStartedV1, ParticipationTerminatedV1, type PayloadOf } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { type ConsumeOutcome, type EventConsumer, type MessageBus, type MessageBusAdmin, OutboxRelay, TimerPoller } from '@hub/messaging';
import { EVENT_CONSUMERS, HUB_CONFIG, MESSAGE_BUS, configureHttp } from '@hub/nest-commons';
import { type TestApp, aCompany, startTestApp } from '@hub/testing';
import { SERVICES_MODULES, servicesPlatform } from '../../src/app.module.js';
import { servicesOrmConfig } from '../../src/mikro-orm.config.js';
import { PARTICIPATION_EVENTS_CONSUMER } from '../../src/participants/interface/kafka/participation-events.consumer.js';

/**
 * Services and pricing on the one harness of @hub/testing (`startTestApp`): a fresh real database with the
 * app's migrations, a dev token issuer, a ManualClock (Monday 16 November 2026, 09:00 in Almaty),
 * the production HTTP pipeline. What follows here is this context's own: its modules, the
 * relay/poller/bus/consumer of the app, and fixtures.
 */
export type Harness = TestApp;

export function startHarness(prefix: string, options: { start?: string; workers?: boolean; env?: Record<string, string> } = {}): Promise<Harness> {
  return startTestApp({
    prefix,
    createModule: (env) => {
      @Module({ imports: [servicesPlatform(env), ...SERVICES_MODULES] })
      class ServicesTestApp {}
      return ServicesTestApp;
    },
    orm: servicesOrmConfig,
    pipeline: (app) => configureHttp(app, app.get(HUB_CONFIG)),
    ...(options.start ? { clock: options.start } : {}),
    ...(options.workers ? { workers: true } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
}

export const relay = (h: Harness): OutboxRelay => h.app.get(OutboxRelay);
export const poller = (h: Harness): TimerPoller => h.app.get(TimerPoller);
/** The app's own Kafka bus (the platform's MessageBus and admin port; prefixed when HUB_KAFKA_TOPIC_PREFIX is set). */
export const bus = (h: Harness): MessageBus & MessageBusAdmin => h.app.get<MessageBus & MessageBusAdmin>(MESSAGE_BUS);

/** The app's consumer of participation's events, as the platform built it (inbox, unit of work, DLQ). */
export const participationConsumer = (h: Harness): EventConsumer => {
  const consumer = h.app.get<EventConsumer[]>(EVENT_CONSUMERS).find((c) => c.name === PARTICIPATION_EVENTS_CONSUMER.name);
  if (!consumer) throw new Error(`no consumer ${PARTICIPATION_EVENTS_CONSUMER.name}`);
  return consumer;
};

const envelope = <P>(type: string, aggregateId: string, payload: P): EventEnvelope<P> => ({
  id: uuidv7(),
  type,
  version: 1,
  occurredAt: '2026-11-16T04:00:00.000Z',
  correlationId: uuidv7(),
  causationId: null,
  aggregateId,
  payload,
});

/** participation.participation-started v1 for a fresh company (or the given BIN), as participation publishes it. */
export function participationStarted(
  overrides: Partial<PayloadOf<typeof ParticipationStartedV1>> = {},
): EventEnvelope<PayloadOf<typeof ParticipationStartedV1>> {
  const company = aCompany();
  const participationId = overrides.participationId ?? uuidv7();
  return envelope(ParticipationStartedV1.type, participationId, {
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
  });
}

/** participation.participation-terminated v1 of a started participation. */
export function participationTerminated(
  started: PayloadOf<typeof ParticipationStartedV1>,
  endedOn: string,
): EventEnvelope<PayloadOf<typeof ParticipationTerminatedV1>> {
  return envelope(ParticipationTerminatedV1.type, started.participationId, {
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
}

/** Feeds an envelope through the app's real consumer (decode, inbox, handler in the inbox transaction), as if read from Kafka. */
export const deliver = (h: Harness, e: EventEnvelope, offset = '0'): Promise<ConsumeOutcome> =>
  participationConsumer(h).consume({
    topic: PARTICIPATION_EVENTS_CONSUMER.topics[0]!,
    partition: 0,
    offset,
    key: (e.payload as { bin?: string }).bin ?? null,
    value: Buffer.from(JSON.stringify(e)),
    headers: {},
  });

/** A fresh valid head-office BIN per call (the factories of @hub/testing). */
export const newBin = (): string => aCompany().bin;

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** Responses are `any` to TypeScript: name what a test reads. */
export const json = <T = Record<string, unknown>>(res: { body: unknown }): T => res.body as T;
