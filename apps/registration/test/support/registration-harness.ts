import { Module } from '@nestjs/common';
import { expect } from 'vitest';
import type { z } from 'zod';
import { almatyDate } from '@hub/calendar';
import type {
  ApplicationPageSchema,
  ApplicationViewSchema,
  CertificateVerificationSchema,
  DeadlineViewSchema,
  ParticipantViewSchema,
  RegistryPageSchema,
  ReviewQueuePageSchema,
  TranslationTaskSchema,
} from '@hub/contracts';
import {
  DocumentAttachedV1,
  DocumentVerifiedV1,
  type EventEnvelope,
  NoticeDeliveredV1,
  ParticipationExtendedV1,
  ParticipationTerminatedV1,
  type PayloadOf,
} from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { type ConsumeOutcome, type MessageBus, type MessageBusAdmin, OutboxRelay, TimerPoller } from '@hub/messaging';
import { type ConsumerSpec, HUB_CONFIG, MESSAGE_BUS, type Problem, configureHttp, knownDocumentsConsumer, deliverEnvelope } from '@hub/nest-commons';
import { type TestApp, aCompany, startTestApp } from '@hub/testing';
import { registrationPlatform } from '../../src/app.module.js';
import { cleanDeclaration, sampleBusinessPlan, samplePlaceOfBusiness } from '../../src/cli/sample-data.js';
import { registrationOrmConfig } from '../../src/mikro-orm.config.js';
import { NOTIFICATIONS_EVENTS_CONSUMER } from '../../src/registration/interface/kafka/notifications-events.consumer.js';
import { PARTICIPATION_EVENTS_CONSUMER } from '../../src/registration/interface/kafka/participation-events.consumer.js';
import { RegistrationModule } from '../../src/registration/registration.module.js';

/**
 * Registration on the one harness of @hub/testing (`startTestApp`): a fresh real database with the
 * app's migrations, a dev token issuer, a ManualClock, the production HTTP pipeline. What follows
 * here is registration's own: its module, the relay/poller/bus, sample applications and drivers.
 */
export type Harness = TestApp;

export function startHarness(prefix: string, options: { start?: string; workers?: boolean; env?: Record<string, string> } = {}): Promise<Harness> {
  return startTestApp({
    prefix,
    createModule: (env) => {
      @Module({ imports: [registrationPlatform(env), RegistrationModule] })
      class RegistrationTestApp {}
      return RegistrationTestApp;
    },
    orm: registrationOrmConfig,
    pipeline: (app) => configureHttp(app, app.get(HUB_CONFIG)),
    ...(options.start ? { clock: options.start } : {}),
    ...(options.workers ? { workers: true } : {}),
    env: { REGISTRATION_PUBLIC_BASE_URL: 'https://hub.example.kz', ...options.env },
  });
}

export const relay = (h: Harness): OutboxRelay => h.app.get(OutboxRelay);
export const poller = (h: Harness): TimerPoller => h.app.get(TimerPoller);
/** The app's own Kafka bus (the platform's MessageBus and admin port; prefixed when HUB_KAFKA_TOPIC_PREFIX is set). */
export const bus = (h: Harness): MessageBus & MessageBusAdmin => h.app.get<MessageBus & MessageBusAdmin>(MESSAGE_BUS);

/** A fresh valid head-office BIN per call (the factories of @hub/testing). */
export const newBin = (): string => aCompany().bin;

/** A complete draft body for PATCH /applications/:id. */
export function completeDraft(codes: string[] = ['PH-01'], taxIssuedOn = '2026-11-12') {
  return {
    activityTypes: codes.map((code) => ({ code, works: [`${code}.1`] })),
    businessPlan: sampleBusinessPlan(codes),
    taxCertificate: { number: 'TAX-1', issuedOn: taxIssuedOn, debtTiyn: 0 },
    placeOfBusiness: samplePlaceOfBusiness(),
    eligibility: cleanDeclaration(),
  };
}

export interface Actors {
  bin: string;
  applicant: string;
  officer: string;
  member1: string;
  member2: string;
  secretary: string;
}

export async function actorsFor(h: Harness, bin = newBin()): Promise<Actors> {
  return {
    bin,
    applicant: await h.token(['applicant'], [bin], `rep-${bin}`),
    officer: await h.token(['fund-officer'], [], 'officer-1'),
    member1: await h.token(['commission-member'], [], 'member-1'),
    member2: await h.token(['commission-member'], [], 'member-2'),
    secretary: await h.token(['commission-secretary'], [], 'secretary-1'),
  };
}

export const auth = (t: string) => ({ authorization: `Bearer ${t}` });

// Response bodies as the contracts of @hub/contracts describe them (supertest types them `any`).
export type ApplicationView = z.infer<typeof ApplicationViewSchema>;
export type ApplicationPage = z.infer<typeof ApplicationPageSchema>;
export type ReviewQueuePage = z.infer<typeof ReviewQueuePageSchema>;
export type DeadlineView = z.infer<typeof DeadlineViewSchema>;
export type RegistryPage = z.infer<typeof RegistryPageSchema>;
export type CertificateVerification = z.infer<typeof CertificateVerificationSchema>;
export type TranslationTask = z.infer<typeof TranslationTaskSchema>;
export type ParticipantView = z.infer<typeof ParticipantViewSchema>;
export type { Problem };

/** A response body read as `T` (default: an application view); errors are `Problem` (problem+json). */
export const body = <T = ApplicationView>(res: { body: unknown }): T => res.body as T;
export const problem = (res: { body: unknown }): Problem => res.body as Problem;
/** `expect.any(String)`, typed as the string it stands for inside an expected object. */
export const anyString = (): string => expect.any(String) as string;
/** `expect.stringMatching(re)`, typed likewise. */
export const matching = (re: RegExp): string => expect.stringMatching(re) as string;

/** Drives one application through HTTP up to `until` (inclusive), returning its id. */
export async function driveTo(
  h: Harness,
  a: Actors,
  until: 'draft' | 'submitted' | 'remarks-issued' | 'with-commission' | 'registered' | 'refused' | 'contract-signed' | 'certificate-issued' | 'listed',
  opts: { language?: 'kk' | 'ru' | 'en'; companyName?: string; codes?: string[] } = {},
): Promise<string> {
  const ok = (res: { status: number; body: unknown }, status = 200) => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res;
  };
  const created = ok(
    await h
      .http()
      .post('/applications')
      .set(auth(a.applicant))
      .send({ bin: a.bin, companyName: opts.companyName ?? `Company ${a.bin}`, address: 'Astana, Mangilik El 55/8', language: opts.language ?? 'ru' }),
    201,
  );
  const id = body(created).id;
  ok(
    await h
      .http()
      .patch(`/applications/${id}`)
      .set(auth(a.applicant))
      .send(completeDraft(opts.codes, almatyDate(h.clock.now()))),
  );
  if (until === 'draft') return id;
  ok(await h.http().post(`/applications/${id}/submit`).set(auth(a.applicant)));
  if (until === 'submitted') return id;
  if (until === 'remarks-issued') {
    ok(
      await h
        .http()
        .post(`/applications/${id}/remarks`)
        .set(auth(a.officer))
        .send({ remarks: [{ field: 'businessPlan.clients', message: 'Name the pilot clients' }] }),
    );
    return id;
  }
  ok(await h.http().post(`/applications/${id}/send-to-commission`).set(auth(a.officer)));
  if (until === 'with-commission') return id;
  const refuse = until === 'refused';
  ok(
    await h
      .http()
      .post(`/applications/${id}/votes`)
      .set(auth(a.member1))
      .send(refuse ? { vote: 'refuse', grounds: ['business-plan-not-per-annex-1'] } : { vote: 'register' }),
  );
  ok(
    await h
      .http()
      .post(`/applications/${id}/decision`)
      .set(auth(a.secretary))
      .send(
        refuse ? { decision: 'refuse', grounds: [{ ground: 'business-plan-not-per-annex-1', reason: 'KPIs are not measurable' }] } : { decision: 'register' },
      ),
  );
  if (until === 'registered' || until === 'refused') return id;
  const today = almatyDate(h.clock.now());
  ok(
    await h
      .http()
      .post(`/applications/${id}/contract`)
      .set(auth(a.officer))
      .send({ contractNumber: `SC-${a.bin}`, signedOn: today }),
  );
  if (until === 'contract-signed') return id;
  ok(await h.http().post(`/applications/${id}/certificate`).set(auth(a.officer)));
  if (until === 'certificate-issued') return id;
  ok(await h.http().post(`/applications/${id}/listing`).set(auth(a.officer)));
  return id;
}

// ---- participation's events (ADR 0055): fed through the app's real consumer (decode, inbox, handler in the inbox transaction) ----

/**
 * Feeds an envelope through one of the app's real consumers (decode, inbox, handler in the inbox
 * transaction), as if read from the spec's topic, keyed by the payload's BIN.
 */
const deliverTo = (h: Harness, spec: ConsumerSpec, envelope: EventEnvelope, offset: string): Promise<ConsumeOutcome> => {
  return deliverEnvelope(h.app, spec, envelope, { offset });
};

/** participation's events, through the app's consumer of them. */
export const deliverParticipation = (h: Harness, envelope: EventEnvelope, offset = '0'): Promise<ConsumeOutcome> =>
  deliverTo(h, PARTICIPATION_EVENTS_CONSUMER, envelope, offset);

/** notifications' events, through the app's consumer of them. */
export const deliverNotifications = (h: Harness, envelope: EventEnvelope, offset = '0'): Promise<ConsumeOutcome> =>
  deliverTo(h, NOTIFICATIONS_EVENTS_CONSUMER, envelope, offset);

/** documents' events, through the app's consumer of them. */
export const deliverDocuments = (h: Harness, envelope: EventEnvelope, offset = '0'): Promise<ConsumeOutcome> =>
  deliverTo(h, knownDocumentsConsumer('registration'), envelope, offset);

/** documents.document-verified v1 as documents publishes it. */
export function documentVerified(bin: string, kind: string): EventEnvelope<PayloadOf<typeof DocumentVerifiedV1>> {
  const documentId = uuidv7();
  return envelopeOf(DocumentVerifiedV1.type, documentId, {
    documentId,
    bin,
    kind,
    seriesId: documentId,
    versionNo: 1,
    supersedesId: null,
    sha256: 'cd'.repeat(32),
    size: 48_213,
    mediaType: 'application/pdf',
    verifiedAt: '2026-11-16T03:30:00.000Z',
  });
}

/** documents.document-attached v1 as documents publishes it: `verified` now belongs to `attachedTo`. */
export function documentAttached(
  verified: EventEnvelope<PayloadOf<typeof DocumentVerifiedV1>>,
  attachedTo: string,
): EventEnvelope<PayloadOf<typeof DocumentAttachedV1>> {
  const { documentId, bin, kind, sha256 } = verified.payload;
  return envelopeOf(DocumentAttachedV1.type, documentId, { documentId, bin, kind, sha256, attachedTo, attachedAt: '2026-11-16T03:40:00.000Z' });
}

/** notifications.notice-delivered v1 as notifications publishes it: the F-17 decision notice by e-mail unless overridden. */
export function noticeDelivered(
  notice: { applicationId: string; bin: string; sourceEventId: string },
  over: Partial<PayloadOf<typeof NoticeDeliveredV1>> = {},
): EventEnvelope<PayloadOf<typeof NoticeDeliveredV1>> {
  const messageId = over.messageId ?? uuidv7();
  return envelopeOf(NoticeDeliveredV1.type, messageId, {
    messageId,
    sourceEventId: notice.sourceEventId,
    sourceEventType: 'registration.decision-made',
    subjectId: notice.applicationId,
    bin: notice.bin,
    ruleId: 'F-17',
    channel: 'email',
    deliveredAt: '2026-11-18T09:30:00.000+05:00',
    contentHash: 'ab'.repeat(32),
    ...over,
  });
}

const envelopeOf = <P>(type: string, aggregateId: string, payload: P): EventEnvelope<P> => ({
  id: uuidv7(),
  type,
  version: 1,
  occurredAt: new Date().toISOString(),
  correlationId: uuidv7(),
  causationId: null,
  aggregateId,
  payload,
});

/** participation.participation-terminated v1 as participation publishes it (early on F-28(7) unless overridden). */
export function participationTerminated(
  participant: { participantId: string; bin: string },
  over: Partial<PayloadOf<typeof ParticipationTerminatedV1>> = {},
): EventEnvelope<PayloadOf<typeof ParticipationTerminatedV1>> {
  const participationId = over.participationId ?? uuidv7();
  return envelopeOf(ParticipationTerminatedV1.type, participationId, {
    participationId,
    participantId: participant.participantId,
    bin: participant.bin,
    kind: 'early',
    ground: 'contract-breach',
    groundNumber: 7,
    decidedBy: 'commission',
    decisionReference: 'CP-2026-00042 (confidential deliberation)',
    endedOn: '2026-11-16',
    ruleIds: ['F-26', 'F-28(7)', 'F-30'],
    ...over,
  });
}

/** participation.participation-extended v1 as participation publishes it. */
export function participationExtended(
  participant: { participantId: string; bin: string; certificateNumber: string },
  over: Partial<PayloadOf<typeof ParticipationExtendedV1>> = {},
): EventEnvelope<PayloadOf<typeof ParticipationExtendedV1>> {
  const participationId = over.participationId ?? uuidv7();
  const newTermEnd = over.newTermEnd ?? '2028-11-15';
  return envelopeOf(ParticipationExtendedV1.type, participationId, {
    participationId,
    participantId: participant.participantId,
    bin: participant.bin,
    extensionId: uuidv7(),
    previousTermEnd: '2027-11-15',
    newTermEnd,
    certificateNumber: `EXT-${participant.certificateNumber}-${newTermEnd.replace(/-/g, '')}`,
    issuedOn: '2027-10-20',
    ...over,
  });
}
