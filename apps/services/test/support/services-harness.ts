import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { type EventEnvelope, ParticipationStartedV1, ParticipationTerminatedV1, type PayloadOf } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { type ConsumeOutcome, envelopeMessage, type EventConsumer, type MessageBus, type MessageBusAdmin, OutboxRelay, TimerPoller } from '@hub/messaging';
import { HUB_CONFIG, MESSAGE_BUS, configureHttp, consumerOf } from '@hub/nest-commons';
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

export function startHarness(
  prefix: string,
  options: { start?: string; workers?: boolean; env?: Record<string, string>; overrides?: Parameters<typeof startTestApp>[0]['overrides'] } = {},
): Promise<Harness> {
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
    ...(options.overrides ? { overrides: options.overrides } : {}),
    // F-42 (ADR 0068): a key ring of this run for the cohort members' IINs
    env: { ...TEST_PII, ...options.env },
  });
}

/** This test run's personal-data key ring (F-42): services encrypts cohort members' IINs with it. */
export const TEST_PII = { HUB_PII_KEYS: `svc:${randomBytes(32).toString('base64')}`, HUB_PII_ACTIVE_KEY: 'svc' } as const;

export const relay = (h: Harness): OutboxRelay => h.app.get(OutboxRelay);
export const poller = (h: Harness): TimerPoller => h.app.get(TimerPoller);
/** The app's own Kafka bus (the platform's MessageBus and admin port; prefixed when HUB_KAFKA_TOPIC_PREFIX is set). */
export const bus = (h: Harness): MessageBus & MessageBusAdmin => h.app.get<MessageBus & MessageBusAdmin>(MESSAGE_BUS);

/** The app's consumer of participation's events, as the platform built it (inbox, unit of work, DLQ). */
export const participationConsumer = (h: Harness): EventConsumer => {
  const consumer = consumerOf(h.app, PARTICIPATION_EVENTS_CONSUMER.name);
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
  participationConsumer(h).consume(envelopeMessage(PARTICIPATION_EVENTS_CONSUMER.topics[0]!, e, { offset }));

/** A fresh valid head-office BIN per call (the factories of @hub/testing). */
export const newBin = (): string => aCompany().bin;

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** Responses are `any` to TypeScript: name what a test reads. */
export const json = <T = Record<string, unknown>>(res: { body: unknown }): T => res.body as T;

/** F-48 content with the sections every service requires (project, contacts). */
export const MINIMAL_CONTENT = {
  project: { name: 'Steppe AI', direction: 'ML', summary: 'Crop forecasts', expectedResults: 'A pilot' },
  contacts: { phone: '+7 701 000 0000', email: 'a@example.kz', city: 'Astana', country: 'Kazakhstan' },
};

/**
 * A service open to anyone, its prices from 1 January 2026 and a call whose intake runs 16 – 31 December
 * 2026 (published on the harness's start day, a month before: F-55), made through the API.
 */
export async function serviceWithCall(
  h: Harness,
  officer: string,
  s: { code: string; direction: string; participantPriceTiyn: number; nonParticipantPriceTiyn: number },
): Promise<{ serviceId: string; callId: string }> {
  const serviceId = json<{ id: string }>(
    await h
      .http()
      .post('/services')
      .set(auth(officer))
      .send({
        code: s.code,
        title: `Service ${s.code}`,
        direction: s.direction,
        eligibility: 'anyone',
        requiredSections: { readiness: false, team: false, pitch: false },
        delivery: 'fund',
      }),
  ).id;
  await h.http().post(`/services/${serviceId}/prices`).set(auth(officer)).send({
    effectiveFrom: '2026-01-01',
    participantPriceTiyn: s.participantPriceTiyn,
    nonParticipantPriceTiyn: s.nonParticipantPriceTiyn,
    documentRef: 'Order 1',
  });
  const callId = json<{ id: string }>(
    await h
      .http()
      .post('/calls')
      .set(auth(officer))
      .send({
        serviceId,
        title: `Call of ${s.code}`,
        contractConditions: 'Conditions',
        draftContract: { serviceConditions: 'As the service says', paymentOrder: 'Before', paymentAmount: 'Per the list' },
        intakeOpensOn: '2026-12-16',
        intakeClosesOn: '2026-12-31',
      }),
  ).id;
  return { serviceId, callId };
}

/** A fresh legal entity (not a participant) files for the call, the Fund decides and signs its contract; the clock must be inside the intake. */
export async function contractedApplication(
  h: Harness,
  officer: string,
  callId: string,
  payerName?: string,
): Promise<{ id: string; bin: string; applicant: string }> {
  const bin = newBin();
  const applicant = await h.token(['applicant'], [bin]);
  const filed = await h
    .http()
    .post('/service-applications')
    .set(auth(applicant))
    .send({ callId, recipient: { kind: 'legal-entity', bin }, language: 'ru', declarationAccepted: true, content: MINIMAL_CONTENT });
  if (filed.status !== 201) throw new Error(`filing answered ${filed.status}: ${JSON.stringify(filed.body)}`);
  const id = json<{ id: string }>(filed).id;
  for (const [path, body] of [
    ['decision', { outcome: 'conclude-contract' }],
    ['contract', payerName === undefined ? undefined : { payerName }],
  ] as const) {
    const res = await h.http().post(`/service-applications/${id}/${path}`).set(auth(officer)).send(body);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return { id, bin, applicant };
}
