import { type AddressInfo, type Server, type Socket, connect, createServer } from 'node:net';
import { Module } from '@nestjs/common';
import { type EventEnvelope, ParticipantRegisteredV1, type PayloadOf } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { type ConsumeOutcome, envelopeMessage, type EventConsumer, type MessageBus, type MessageBusAdmin, OutboxRelay, TimerPoller } from '@hub/messaging';
import { HUB_CONFIG, MESSAGE_BUS, configureHttp, consumerOf, deliverEnvelope } from '@hub/nest-commons';
import { S3ObjectStorage, sampleFiles, sha256Hex } from '@hub/object-storage';
import { type TestApp, aCompany, startTestApp } from '@hub/testing';
import { documentsPlatform } from '../../src/app.module.js';
import { documentsOrmConfig } from '../../src/mikro-orm.config.js';
import { ParticipantsModule } from '../../src/participants/participants.module.js';
import { REGISTRATION_EVENTS_CONSUMER } from '../../src/participants/interface/kafka/registration-events.consumer.js';
import { DocumentsModule } from '../../src/documents/documents.module.js';

/**
 * Documents on the one harness of @hub/testing (`startTestApp`): a fresh real database with the
 * app's migrations, a dev token issuer, a ManualClock (Monday 16 November 2026, 09:00 in Almaty),
 * the production HTTP pipeline. What follows here is this context's own: its modules, the
 * relay/poller/bus/consumer of the app, and fixtures.
 */
export type Harness = TestApp & {
  /** The app's bucket on the real local S3 server (HUB_S3_ENDPOINT), made for this test file and dropped by close(). */
  readonly storage: S3ObjectStorage;
};

export async function startHarness(
  prefix: string,
  options: {
    start?: string;
    workers?: boolean;
    env?: Record<string, string>;
    /** The S3 endpoint the app talks to (a proxy in front of the real server), if not the real server's. */ appS3Endpoint?: string;
  } = {},
): Promise<Harness> {
  const endpoint = process.env.HUB_S3_ENDPOINT ?? 'http://127.0.0.1:9090';
  const bucket = `t-${prefix.replace(/[^a-z0-9]/g, '-')}-${process.pid}-${Date.now().toString(36)}`.slice(0, 63);
  const storage = new S3ObjectStorage({ endpoint, bucket });
  await storage.ensureBucket();
  let app: TestApp;
  try {
    app = await startTestApp({
      prefix,
      createModule: (env) => {
        @Module({ imports: [documentsPlatform(env), DocumentsModule, ParticipantsModule] })
        class DocumentsTestApp {}
        return DocumentsTestApp;
      },
      orm: documentsOrmConfig,
      pipeline: (a) => configureHttp(a, a.get(HUB_CONFIG)),
      ...(options.start ? { clock: options.start } : {}),
      ...(options.workers ? { workers: true } : {}),
      env: { HUB_S3_ENDPOINT: options.appS3Endpoint ?? endpoint, HUB_S3_BUCKET: bucket, ...options.env },
    });
  } catch (error) {
    await storage.dropBucket();
    storage.close();
    throw error;
  }
  const close = app.close.bind(app);
  return Object.assign(app, {
    storage,
    close: async () => {
      try {
        await close();
      } finally {
        await storage.dropBucket();
        storage.close();
      }
    },
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

/** Feeds an envelope through one of the app's real consumers (issue #10: each context's facts that name documents). */
export const deliverTo = (h: Harness, spec: { name: string; topics: readonly string[] }, envelope: EventEnvelope, offset = '0'): Promise<ConsumeOutcome> => {
  return deliverEnvelope(h.app, spec, envelope, { offset });
};

/** An envelope of another context's event, as its mapper writes it. */
export const envelopeOf = <P>(type: string, aggregateId: string, payload: P): EventEnvelope<P> => ({
  id: uuidv7(),
  type,
  version: 1,
  occurredAt: '2026-11-16T04:00:00.000Z',
  correlationId: uuidv7(),
  causationId: null,
  aggregateId,
  payload,
});

/** A fresh valid head-office BIN per call (the factories of @hub/testing). */
export const newBin = (): string => aCompany().bin;

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** A document as the API returns it (responses are `any` to TypeScript: name what a test reads). */
export interface DocumentJson {
  readonly id: string;
  readonly ownerBin: string | null;
  /** ADR 0113: the office whose document it is (then ownerBin is null). */
  readonly ownerOffice: string | null;
  readonly kind: string;
  readonly status: string;
  readonly versionNo: number;
  readonly seriesId: string;
  readonly supersedesId: string | null;
  readonly sha256: string | null;
  readonly size: number | null;
  readonly rejection: string | null;
  readonly attachedTo: string | null;
  readonly retainUntil: string | null;
}
export interface UploadJson {
  readonly document: DocumentJson;
  readonly upload: { readonly method: 'PUT'; readonly url: string; readonly headers: Record<string, string>; readonly expiresAt: string };
}
export interface DownloadJson {
  readonly url: string;
  readonly expiresAt: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly size: number;
}
export const json = <T = DocumentJson>(res: { body: unknown }): T => res.body as T;

/** PUTs bytes to a presigned upload the way a browser would. */
export async function putBytes(upload: UploadJson['upload'], bytes: Uint8Array): Promise<number> {
  const res = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: bytes });
  return res.status;
}

/** GETs a presigned download; returns the bytes and their hash. */
export async function fetchBytes(url: string): Promise<{ status: number; bytes: Uint8Array; sha256: string }> {
  const res = await fetch(url);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, bytes, sha256: sha256Hex(bytes) };
}

/**
 * A TCP proxy in front of the real S3 server, to take the storage away and bring it back on the same
 * address (an outage as the app sees it: connections refused).
 */
export class S3Outage {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private constructor(
    readonly port: number,
    private readonly target: URL,
  ) {}

  static async start(target = process.env.HUB_S3_ENDPOINT ?? 'http://127.0.0.1:9090'): Promise<S3Outage> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const outage = new S3Outage(port, new URL(target));
    await outage.restore();
    return outage;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async restore(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(Number(this.target.port), this.target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  async takeAway(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** A verified upload of the company (start → PUT → complete), through the API; its content is unique per call. */
export async function verifiedUpload(h: Harness, bin: string, kind: string, fileName = `${kind}.pdf`): Promise<string> {
  const token = await h.token(['applicant'], [bin]);
  const pdf = sampleFiles.pdf(`${kind} of ${bin} ${uuidv7()}`);
  const started = await h.http().post('/documents/uploads').set(auth(token)).send({ ownerBin: bin, kind, fileName, size: pdf.byteLength });
  if (started.status !== 201) throw new Error(`upload start answered ${started.status}: ${JSON.stringify(started.body)}`);
  const { document, upload } = json<UploadJson>(started);
  const put = await putBytes(upload, pdf);
  if (put !== 200) throw new Error(`upload PUT answered ${put}`);
  const completed = await h.http().post(`/documents/${document.id}/complete`).set(auth(token));
  if (completed.status !== 200) throw new Error(`upload complete answered ${completed.status}: ${JSON.stringify(completed.body)}`);
  return document.id;
}
