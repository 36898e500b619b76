import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Controller, type INestApplication, Inject, Module, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineIntegrationEvent } from '@hub/contracts';
import { Outbox, messagingEntities, sql } from '@hub/messaging';
import { DevTokenIssuer, createTestDatabase, testKafkaBrokers, type TestDatabase } from '@hub/testing';
import {
  Endpoint,
  HUB_CONFIG,
  HubPlatformModule,
  type HubTracing,
  TracingLifecycle,
  UnitOfWork,
  ValidBody,
  baseConfigSchema,
  configureHttp,
  createLogger,
  otlpTracesUrl,
  startTracing,
} from '../src/index.js';

/**
 * ADR 0102 (issue #19): the HTTP end of a trace. A request that arrives with a W3C `traceparent`
 * (from the gateway's CLIENT span) gets a SERVER span in the caller's trace; what its command writes
 * to the outbox carries that span as parent; log lines carry the trace id. Real PostgreSQL.
 */
const Traced = defineIntegrationEvent({
  type: 'test.traced',
  version: 1,
  topic: 'test.traced',
  description: 'test',
  payload: z.object({ n: z.number().int() }),
});

@Controller('things')
class TracedController {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(Outbox) private readonly outbox: Outbox,
  ) {}

  @Post('events')
  @Endpoint({ summary: 'Writes an event through the outbox', access: ['fund-officer'], body: z.object({ n: z.number().int() }) })
  async write(@ValidBody() body: { n: number }): Promise<{ eventId: string }> {
    const env = await this.uow.run((em) => this.outbox.add(em, Traced, 'agg-1', { n: body.n }));
    return { eventId: env.id };
  }
}

const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

describe('traces over HTTP into the outbox', () => {
  let app: INestApplication;
  let db: TestDatabase;
  let officer: string;
  let tracing: HubTracing;
  const exporter = new InMemorySpanExporter();

  beforeAll(async () => {
    tracing = startTracing({ serviceName: 'commons-test', exporter, simple: true });
    db = await createTestDatabase('commons_trace', { entities: messagingEntities });
    const issuer = await DevTokenIssuer.create();
    const jwksFile = join(tmpdir(), `jwks-trace-${process.pid}.json`);
    writeFileSync(jwksFile, JSON.stringify(issuer.jwks()));
    const env = {
      PORT: '3998',
      DATABASE_URL: db.url,
      HUB_KAFKA_BROKERS: testKafkaBrokers().join(','),
      HUB_AUTH_ISSUER: issuer.issuer,
      HUB_AUTH_JWKS_FILE: jwksFile,
      HUB_LOG_LEVEL: 'silent',
      HUB_RUN_WORKERS: 'false',
    };
    @Module({
      imports: [
        HubPlatformModule.forRoot({ name: 'commons-trace', title: 'Test', description: 'test app', configSchema: baseConfigSchema, entities: [], env }),
      ],
      controllers: [TracedController],
    })
    class AppModule {}
    app = (await Test.createTestingModule({ imports: [AppModule] }).compile()).createNestApplication({ bodyParser: false });
    configureHttp(app, app.get(HUB_CONFIG));
    await app.init();
    officer = await issuer.issue({ sub: 'officer-1', roles: ['fund-officer'] });
  });

  afterAll(async () => {
    await app?.close();
    await tracing?.shutdown();
    await db?.drop();
  });

  it("opens the request's SERVER span in the caller's trace and hands it to the outbox row", async () => {
    const res = await request(app.getHttpServer() as Server)
      .post('/things/events')
      .set('authorization', `Bearer ${officer}`)
      .set('traceparent', `00-${CALLER_TRACE}-${CALLER_SPAN}-01`)
      .send({ n: 1 });
    expect(res.status).toBe(201);
    const server = exporter.getFinishedSpans().find((s) => s.kind === SpanKind.SERVER && s.attributes['http.route'] === '/things/events');
    expect(server, 'a SERVER span named after the route').toBeDefined();
    expect(server!.name).toBe('POST /things/events');
    expect(server!.spanContext().traceId).toBe(CALLER_TRACE);
    expect(server!.parentSpanContext?.spanId).toBe(CALLER_SPAN);
    expect(server!.attributes['http.response.status_code']).toBe(201);
    const [row] = await sql<{ envelope: { traceparent?: string } }>(db.orm.em.fork(), 'select envelope from hub_outbox where event_id = ?', [
      (res.body as { eventId: string }).eventId,
    ]);
    expect(row!.envelope.traceparent).toBe(`00-${CALLER_TRACE}-${server!.spanContext().spanId}-01`);
    // Issue #18: traces never carry the caller's token — no span's name, attributes or events hold it.
    const spans = exporter.getFinishedSpans();
    expect(spans.length).toBeGreaterThan(0);
    const written = JSON.stringify(spans.map((s) => ({ name: s.name, attributes: s.attributes, events: s.events })));
    expect(written).not.toContain(officer);
    expect(written).not.toContain(officer.split('.')[2]!); // not even the signature alone
    expect(written.toLowerCase()).not.toContain('bearer');
  });

  it('starts a new trace for a request without traceparent, and ignores a malformed one', async () => {
    exporter.reset();
    const res = await request(app.getHttpServer() as Server)
      .post('/things/events')
      .set('authorization', `Bearer ${officer}`)
      .set('traceparent', 'not-a-trace')
      .send({ n: 2 });
    expect(res.status).toBe(201);
    const server = exporter.getFinishedSpans().find((s) => s.kind === SpanKind.SERVER);
    expect(server!.parentSpanContext).toBeUndefined();
    expect(server!.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(server!.spanContext().traceId).not.toBe(CALLER_TRACE);
  });

  it('writes the trace id on every log line written inside a span', () => {
    const out = new PassThrough();
    const lines: string[] = [];
    out.on('data', (c: Buffer) => lines.push(...c.toString('utf8').trim().split('\n')));
    const logger = createLogger('trace-log-test', 'info', out);
    const traceId = trace.getTracer('t').startActiveSpan('work', (span) => {
      logger.info('inside');
      span.end();
      return span.spanContext().traceId;
    });
    logger.info('outside');
    const parsed = lines.map((l) => JSON.parse(l) as { msg: string; traceId?: string });
    expect(parsed.find((l) => l.msg === 'inside')?.traceId).toBe(traceId);
    expect(parsed.find((l) => l.msg === 'outside')?.traceId).toBeUndefined();
  });

  it('exports over OTLP only when an endpoint is configured (the platform registers nothing otherwise)', () => {
    expect(otlpTracesUrl({})).toBeUndefined();
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318/' })).toBe('http://otel-collector:4318/v1/traces');
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:4318/traces' })).toBe(
      'http://b:4318/traces',
    );
    expect(app.get(TracingLifecycle).exporting).toBe(false);
  });
});
