import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import type { MikroORM } from '@mikro-orm/postgresql';
import pino from 'pino';
import request from 'supertest';
import { EventRegistry, ParticipantRegisteredV1, registrationEvents, type EventEnvelope, type PayloadOf } from '@hub/contracts';
import { makeBin } from '@hub/identifiers';
import { uuidv7, type ManualClock } from '@hub/kernel';
import { envelopeMessage, EventConsumer, KafkaJsMessageBus, type MessageBus, silentLogger, sql, TimerPoller } from '@hub/messaging';
import { HUB_CONFIG, HUB_LOGGER, MESSAGE_BUS, MIKRO_ORM, REDACT_PATHS, UnitOfWork, configureHttp } from '@hub/nest-commons';
import { createTestTopics, deleteTestTopics, startTestApp, testKafkaBrokers, type DevTokenIssuer, type TestApp, type TestDatabase } from '@hub/testing';
import { participationAppModule } from '../../src/app.module.js';
import { participationOrmConfig } from '../../src/mikro-orm.config.js';
import { ActivityTypesChangedHandler } from '../../src/participation/application/event-handlers/activity-types-changed.handler.js';
import { ParticipantRegisteredHandler } from '../../src/participation/application/event-handlers/participant-registered.handler.js';

export const PII_KEY_1 = randomBytes(32).toString('base64');
export const PII_KEY_2 = randomBytes(32).toString('base64');

let serial = Number(BigInt(Date.now()) % 90_000n);
/** A valid, run-unique BIN (resident legal entity, head office). */
export const freshBin = (): string => makeBin({ year: 2019, month: 5, serial: (serial = (serial + 7) % 99_999) });

export interface HarnessOptions {
  readonly prefix: string;
  readonly clockStart?: string;
  readonly workers?: boolean;
  readonly piiKeys?: string;
  readonly activeKey?: string;
}

/** A problem+json field issue (ADR 0008). */
export interface ApiIssue {
  readonly field: string;
  readonly path: string;
  readonly code?: string;
  readonly message: string;
}

/** A JSON object answer as the tests read it: the fields they look at, typed (lint holds in test/ too). */
export interface ApiObject {
  readonly id: string;
  readonly bin: string;
  readonly status: string;
  readonly ruleId: string;
  readonly detail: string;
  readonly errors: readonly ApiIssue[];
  readonly [field: string]: unknown;
}

/** The body of a JSON object answer. */
export const body = (res: { body: unknown }): ApiObject => res.body as ApiObject;
/** The body of a JSON array answer. */
export const list = (res: { body: unknown }): ApiObject[] => res.body as ApiObject[];
/** The items of a paged answer (`{ items, page, pageSize, total }`). */
export const items = (res: { body: unknown }): ApiObject[] => (res.body as { items: ApiObject[] }).items;

/** One app on a fresh database of its own, with a manual clock, tokens for every role and a captured log. */
export class Harness {
  readonly logLines: string[] = [];
  app!: INestApplication;
  db!: TestDatabase;
  issuer!: DevTokenIssuer;
  clock!: ManualClock;
  consumer!: EventConsumer;
  topics!: Record<string, string>;
  /** The test's own bus (the platform's MessageBus port on kafkajs): topics, probes and raw messages go through it — no kafkajs here. */
  bus!: KafkaJsMessageBus;
  env!: Record<string, string>;
  testApp!: TestApp;
  tokens!: { officer: string; finance: string; secretary: string; analyst: string; auditor: string };

  static async start(o: HarnessOptions): Promise<Harness> {
    const h = new Harness();
    await h.init(o);
    return h;
  }

  private async init(o: HarnessOptions): Promise<void> {
    this.bus = new KafkaJsMessageBus({ clientId: `participation-test-${o.prefix}`, brokers: testKafkaBrokers(), logger: silentLogger });
    this.topics = await createTestTopics(this.bus, { registration: 2 });
    const sink = new Writable({
      write: (chunk: Buffer, _enc, cb) => {
        this.logLines.push(chunk.toString());
        cb();
      },
    });
    const logger = pino({ name: 'participation', level: 'trace', redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
    // The one app-test harness of @hub/testing: fresh database with the migrations, dev token
    // issuer, the production HTTP pipeline, a ManualClock; the context's own drivers stay here.
    this.testApp = await startTestApp({
      prefix: o.prefix,
      createModule: (env) => participationAppModule(env),
      orm: participationOrmConfig,
      pipeline: (app) => configureHttp(app, app.get(HUB_CONFIG)),
      clock: o.clockStart ?? '2026-03-02T04:00:00.000Z',
      workers: o.workers ?? false,
      env: {
        PORT: '3102',
        HUB_LOG_LEVEL: 'trace',
        HUB_PII_KEYS: o.piiKeys ?? `k1:${PII_KEY_1}`,
        HUB_PII_ACTIVE_KEY: o.activeKey ?? 'k1',
        HUB_REGISTRATION_TOPIC: this.topics.registration!,
        HUB_REGISTRATION_CONSUMER: `participation.registration-events.${o.prefix}.${process.pid}.${Date.now()}`,
      },
      overrides: (b) => b.overrideProvider(HUB_LOGGER).useValue(logger),
      nestOptions: { logger: false },
    });
    this.app = this.testApp.app;
    this.db = this.testApp.db;
    this.issuer = this.testApp.issuer;
    this.clock = this.testApp.clock;
    this.env = { ...this.testApp.env };
    this.consumer = new EventConsumer(this.orm.em, this.app.get<MessageBus>(MESSAGE_BUS), {
      name: this.env.HUB_REGISTRATION_CONSUMER!,
      topics: [this.env.HUB_REGISTRATION_TOPIC!],
      registry: new EventRegistry([...registrationEvents]),
      handlers: [this.app.get(ParticipantRegisteredHandler), this.app.get(ActivityTypesChangedHandler)],
      maxAttempts: 2,
      baseBackoffMs: 10,
      // as the platform's own consumer: the handler runs in the context's unit of work (repositories, recorded events → outbox)
      around: (em, work) => this.app.get(UnitOfWork).within(em as Parameters<UnitOfWork['within']>[0], work),
    });
    this.tokens = {
      officer: await this.issuer.issue({ sub: 'officer-1', roles: ['fund-officer'] }),
      finance: await this.issuer.issue({ sub: 'finance-1', roles: ['finance-officer'] }),
      secretary: await this.issuer.issue({ sub: 'secretary-1', roles: ['commission-secretary'] }),
      analyst: await this.issuer.issue({ sub: 'analyst-1', roles: ['authorised-body-analyst'] }),
      auditor: await this.issuer.issue({ sub: 'auditor-1', roles: ['auditor'] }),
    };
  }

  get orm(): MikroORM {
    return this.app.get<MikroORM>(MIKRO_ORM);
  }

  get poller(): TimerPoller {
    return this.app.get(TimerPoller);
  }

  applicant(bin: string, sub = `applicant-${bin}`): Promise<string> {
    return this.issuer.issue({ sub, roles: ['applicant'], companies: [bin] });
  }

  http(): ReturnType<typeof request> {
    return request(this.app.getHttpServer() as Parameters<typeof request>[0]);
  }

  /** A participant-registered v1 envelope (F-18, F-24) for a fresh company. */
  registeredEnvelope(overrides: Partial<PayloadOf<typeof ParticipantRegisteredV1>> = {}): EventEnvelope<PayloadOf<typeof ParticipantRegisteredV1>> {
    const bin = overrides.bin ?? freshBin();
    return {
      id: uuidv7(),
      type: ParticipantRegisteredV1.type,
      version: 1,
      occurredAt: this.clock.now().toISOString(),
      correlationId: uuidv7(),
      causationId: null,
      aggregateId: bin,
      payload: {
        participantId: uuidv7(),
        applicationId: uuidv7(),
        bin,
        companyName: 'ТОО «Тест Софт»',
        address: 'Astana, Mangilik El 55/8',
        activityTypes: [{ code: '62.01', name: 'Computer programming', works: ['software development'] }],
        contractNumber: `C-${bin}`,
        contractSignedOn: '2026-03-02',
        termStart: '2026-03-02',
        termEnd: '2027-03-01',
        certificateNumber: `AH-${bin}`,
        certificateDueDate: '2026-03-05',
        ...overrides,
      },
    };
  }

  /** Delivers an envelope through the real consumer (inbox, transaction, DLQ on the real broker). */
  deliver(envelope: EventEnvelope, offset = '0'): ReturnType<EventConsumer['consume']> {
    return this.consumer.consume(envelopeMessage(this.env.HUB_REGISTRATION_TOPIC!, envelope, { offset }));
  }

  /** Registers a fresh participant; returns the new participation's id and BIN. */
  async register(overrides: Partial<PayloadOf<typeof ParticipantRegisteredV1>> = {}): Promise<{ id: string; bin: string; participantId: string }> {
    const env = this.registeredEnvelope(overrides);
    const outcome = await this.deliver(env);
    if (outcome !== 'handled') throw new Error(`participant-registered was ${outcome}`);
    const [row] = await sql<{ id: string }>(this.orm.em.fork(), 'select id from participation where participant_id = ?', [env.payload.participantId]);
    return { id: row!.id, bin: env.payload.bin, participantId: env.payload.participantId };
  }

  /** Integration events written to the outbox (optionally of one type). */
  async outbox(type?: string): Promise<Array<EventEnvelope<Record<string, unknown>> & { key: string }>> {
    const rows = await sql<{ envelope: EventEnvelope<Record<string, unknown>> | string; message_key: string }>(
      this.orm.em.fork(),
      `select envelope, message_key from hub_outbox ${type ? 'where event_type = ?' : ''} order by position`,
      type ? [type] : [],
    );
    return rows.map((r) => ({
      ...(typeof r.envelope === 'string' ? (JSON.parse(r.envelope) as EventEnvelope<Record<string, unknown>>) : r.envelope),
      key: r.message_key,
    }));
  }

  /** Moves the clock to an instant and fires every timer due by then. */
  async at(instant: string): Promise<number> {
    this.clock.set(instant);
    return this.poller.runDue();
  }

  async close(): Promise<void> {
    await this.testApp?.close();
    if (this.topics) await deleteTestTopics(this.bus, Object.values(this.topics)).catch(() => undefined); // best effort: tools/dev-stack prunes t.* anyway
    await this.bus?.close();
  }
}
