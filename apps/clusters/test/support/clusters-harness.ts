import { fileURLToPath } from 'node:url';
import { Module } from '@nestjs/common';
import { type EventEnvelope, ParticipantRegisteredV1, type PayloadOf } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { type ConsumeOutcome, envelopeMessage, type EventConsumer, type MessageBus, type MessageBusAdmin, OutboxRelay, TimerPoller } from '@hub/messaging';
import { HUB_CONFIG, KnownDocumentsModule, MESSAGE_BUS, configureHttp, consumerOf } from '@hub/nest-commons';
import { makeIin } from '@hub/identifiers';
import { type TestApp, aCompany, startTestApp } from '@hub/testing';
import { clustersPlatform } from '../../src/app.module.js';
import { clustersOrmConfig } from '../../src/mikro-orm.config.js';
import { ParticipantsModule } from '../../src/participants/participants.module.js';
import { REGISTRATION_EVENTS_CONSUMER } from '../../src/participants/interface/kafka/registration-events.consumer.js';
import { SelectionModule } from '../../src/selection/selection.module.js';

/**
 * Territorial clusters on the one harness of @hub/testing (`startTestApp`): a fresh real database with the
 * app's migrations, a dev token issuer, a ManualClock (Monday 16 November 2026, 09:00 in Almaty),
 * the production HTTP pipeline. What follows here is this context's own: its modules, the
 * relay/poller/bus/consumer of the app, and fixtures.
 */
export type Harness = TestApp;

/**
 * The rule sets the tests run under: the real 2015 set (repealed) and a fictitious successor
 * `test-successor-2026` with the 2015 parameters, in force from 2026 (ADR 0080: a set is data — the
 * working-day calendar holds 2024 onwards, so rounds that run through C-12 run under it).
 */
export const TEST_RULE_SETS_FILE = fileURLToPath(new URL('./rule-sets.test.json', import.meta.url));
export const REAL_SET = 'kz-2015-1212';
export const TEST_SET = 'test-successor-2026';

export function startHarness(prefix: string, options: { start?: string; workers?: boolean; env?: Record<string, string> } = {}): Promise<Harness> {
  return startTestApp({
    prefix,
    createModule: (env) => {
      @Module({ imports: [clustersPlatform(env), SelectionModule, ParticipantsModule, KnownDocumentsModule] })
      class ClustersTestApp {}
      return ClustersTestApp;
    },
    orm: clustersOrmConfig,
    pipeline: (app) => configureHttp(app, app.get(HUB_CONFIG)),
    ...(options.start ? { clock: options.start } : {}),
    ...(options.workers ? { workers: true } : {}),
    env: { CLUSTERS_RULE_SETS_FILE: TEST_RULE_SETS_FILE, ...options.env },
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

/** A fresh valid head-office BIN per call (the factories of @hub/testing). */
export const newBin = (): string => aCompany().bin;

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export const json = <T = Record<string, unknown>>(res: { body: unknown }): T => res.body as T;

/** A complete application content (Annex 1 form, Annex 2 consents, Annex 3 information, the document index). */
export function anApplicationContent(overrides: { memberConsents?: unknown[]; documentIndex?: unknown[] } = {}) {
  return {
    form: {
      participantKind: 'business-group',
      applicantName: 'Group of textile companies',
      clusterName: 'Shymkent textile cluster',
      region: 'Turkistan region',
    },
    memberConsents: overrides.memberConsents ?? [
      { memberId: newBin(), idKind: 'bin', memberName: 'Ontustik Mata LLP', consentDocumentRef: 'doc-consent-1' },
      {
        memberId: makeIin({ birthDate: '1980-05-17', sex: 'female', serial: 4211 }),
        idKind: 'iin',
        memberName: 'IE Sarsenova',
        consentDocumentRef: 'doc-consent-2',
      },
    ],
    information: {
      location: 'Shymkent and the Turkistan region',
      sectors: ['Textiles', 'Apparel'],
      keyMembers: [{ name: 'Ontustik Mata LLP', role: 'Spinning and weaving' }],
      goals: 'A complete cotton-to-garment value chain in the region',
      developmentLevel: { interlinkedFirms: '38 firms', chainExtensionProjects: 'A dyeing plant', additionalFunding: 'Regional budget co-financing' },
      structureAndSpecialisation: {
        outsidePartners: 'Two universities',
        internationalisation: 'Export to Uzbekistan',
        valueChains: 'Cotton → yarn → fabric → garments',
      },
      prospects: {
        strategicGoals: 'Double export in five years',
        targetIndicators: [{ name: 'Export', unit: 'mln KZT', baseline: 1200, target: 2400, year: 2031 }],
        proposedSupportMeasures: 'Training centre',
        commonProblems: 'Dyeing capacity',
      },
      resources: { humanResources: 'Textile college graduates' },
      strategyAlignment: 'The regional development programme to 2030',
      importance: {
        employment: [{ year: 2025, value: 4200 }],
        output: [{ year: 2025, tiyn: 12_000_000_000_00 }],
        export: [{ year: 2025, tiyn: 1_200_000_000_00 }],
      },
    },
    documentIndex: overrides.documentIndex ?? [
      { number: 1, title: 'Application (Annex 1)', documentRef: 'doc-annex-1' },
      { number: 2, title: 'Consents of the members (Annex 2)', documentRef: 'doc-annex-2' },
      { number: 3, title: 'Information on the cluster (Annex 3)', documentRef: 'doc-annex-3' },
    ],
  };
}

/** C-14, C-15: an opinion on the four Annex 4 criteria of the 2015 parameters (the test sets' criteria), a SWOT each. */
export function anExpertOpinion(codes: readonly string[] = ['value-chain', 'regional-environment', 'socio-economic-impact', 'development-prospects']) {
  return {
    criteria: codes.map((code) => ({
      code,
      strengths: [`${code}: 38 interlinked firms`],
      weaknesses: [`${code}: a single dyeing plant`],
      opportunities: [`${code}: export to Uzbekistan`],
      threats: [`${code}: cotton price volatility`],
      finding: 'meets' as const,
    })),
    conclusion: 'The cluster meets the criteria of Annex 4; its value chain is complete in the region.',
    recommendation: 'recommended' as const,
  };
}
