import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, type INestApplication, Inject, Injectable, Module, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Actor, EventRegistry, defineIntegrationEvent } from '@hub/contracts';
import { type EventHandler, Outbox, messagingEntities, sql } from '@hub/messaging';
import { IllegalStateError } from '@hub/kernel';
import { DevTokenIssuer, createTestDatabase, testKafkaBrokers, type TestDatabase } from '@hub/testing';
import {
  UnitOfWork,
  CurrentActor,
  Endpoint,
  HUB_CONFIG,
  HubPlatformModule,
  ValidBody,
  ValidParams,
  baseConfigSchema,
  configureHttp,
  type BaseConfig,
} from '../src/index.js';

/** The parts of the OpenAPI document these tests read. */
interface OpenApiOperation {
  readonly requestBody?: { readonly content: Record<string, { readonly schema: { readonly properties: Record<string, { readonly type: string }> } }> };
  readonly parameters?: readonly unknown[];
  readonly 'x-hub-access'?: readonly string[];
}
interface OpenApiDocument {
  readonly paths: Record<string, Record<string, OpenApiOperation>>;
}

const TestPinged = defineIntegrationEvent({
  type: 'test.pinged',
  version: 1,
  topic: 'test.pinged',
  description: 'test',
  payload: z.object({ n: z.number().int() }),
});

const Body = z.object({ name: z.string().min(2), amount: z.number().int().positive(), nested: z.object({ date: z.iso.date() }) });

@Controller('things')
class ThingsController {
  constructor(
    @Inject(HUB_CONFIG) private readonly config: BaseConfig,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(Outbox) private readonly outbox: Outbox,
  ) {}

  @Post()
  @Endpoint({ summary: 'Create a thing', access: ['fund-officer'], body: Body, response: z.object({ ok: z.boolean(), by: z.string() }) })
  create(@ValidBody() body: z.infer<typeof Body>, @CurrentActor() actor: Actor): { ok: boolean; by: string } {
    return { ok: body.amount > 0, by: actor.subject };
  }

  @Get(':id/close')
  @Endpoint({ summary: 'Illegal transition', access: 'authenticated', params: z.object({ id: z.uuid() }) })
  close(@ValidParams() p: { id: string }): never {
    throw new IllegalStateError('thing', 'closed', 'close', p.id);
  }

  @Get('undeclared')
  undeclared(): string {
    return 'should never be reachable';
  }

  @Post('events')
  @Endpoint({ summary: 'Writes an event through the outbox', access: ['fund-officer'], body: z.object({ n: z.number().int() }) })
  async write(@ValidBody() body: { n: number }): Promise<{ eventId: string }> {
    const env = await this.uow.run((em) => this.outbox.add(em, TestPinged, 'agg-1', { n: body.n }));
    return { eventId: env.id };
  }

  @Get('public')
  @Endpoint({ summary: 'Public', access: 'public' })
  publicRoute(): { port: number } {
    return { port: this.config.PORT };
  }
}

describe('HubPlatformModule over HTTP', () => {
  let app: INestApplication;
  let db: TestDatabase;
  let issuer: DevTokenIssuer;
  let officer: string;

  beforeAll(async () => {
    db = await createTestDatabase('commons', { entities: messagingEntities });
    issuer = await DevTokenIssuer.create();
    const jwksFile = join(tmpdir(), `jwks-${process.pid}.json`);
    writeFileSync(jwksFile, JSON.stringify(issuer.jwks()));
    const env = {
      PORT: '3999',
      DATABASE_URL: db.url,
      HUB_KAFKA_BROKERS: testKafkaBrokers().join(','),
      HUB_AUTH_ISSUER: issuer.issuer,
      HUB_AUTH_JWKS_FILE: jwksFile,
      HUB_LOG_LEVEL: 'silent',
      HUB_RUN_WORKERS: 'false',
    };
    @Module({
      imports: [HubPlatformModule.forRoot({ name: 'commons-test', title: 'Test', description: 'test app', configSchema: baseConfigSchema, entities: [], env })],
      controllers: [ThingsController],
    })
    class AppModule {}
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ bodyParser: false });
    configureHttp(app, app.get(HUB_CONFIG));
    await app.init();
    officer = await issuer.issue({ sub: 'officer-1', roles: ['fund-officer'] });
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('answers malformed input with 400 problem+json naming every bad field', async () => {
    const res = await request(app.getHttpServer() as Server)
      .post('/things')
      .set('authorization', `Bearer ${officer}`)
      .send({ name: 'x', amount: -1, nested: { date: '2026-02-30' } });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const problem = res.body as { errors: Array<{ field: string }>; correlationId: string };
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['body.amount', 'body.name', 'body.nested.date']);
    expect(problem.correlationId).toBe(res.headers['x-correlation-id']);
  });

  it('answers a body that is not JSON with 400', async () => {
    const res = await request(app.getHttpServer() as Server)
      .post('/things')
      .set('authorization', `Bearer ${officer}`)
      .set('content-type', 'application/json')
      .send('{oops');
    expect(res.status).toBe(400);
    expect((res.body as { type: string }).type).toMatch(/invalid-json/);
  });

  it("accepts a valid request from an allowed role and keeps the caller's correlation id", async () => {
    const res = await request(app.getHttpServer() as Server)
      .post('/things')
      .set('authorization', `Bearer ${officer}`)
      .set('x-correlation-id', 'corr-123')
      .send({ name: 'ok', amount: 5, nested: { date: '2026-02-28' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ ok: true, by: 'officer-1' });
    expect(res.headers['x-correlation-id']).toBe('corr-123');
  });

  it('carries the correlation id from the HTTP request into the event it writes (causation = request id)', async () => {
    const res = await request(app.getHttpServer() as Server)
      .post('/things/events')
      .set('authorization', `Bearer ${officer}`)
      .set('x-correlation-id', 'corr-http-1')
      .send({ n: 7 });
    expect(res.status).toBe(201);
    const [row] = await sql<{ envelope: { correlationId: string; causationId: string; payload: unknown } }>(
      db.orm.em.fork(),
      'select envelope from hub_outbox where event_id = ?',
      [(res.body as { eventId: string }).eventId],
    );
    expect(row?.envelope.correlationId).toBe('corr-http-1');
    expect(row?.envelope.causationId).toBe(res.headers['x-request-id']);
    expect(row?.envelope.payload).toEqual({ n: 7 });
  });

  it('401 for no token, a forged token, an expired token, a wrong issuer', async () => {
    const other = await DevTokenIssuer.create(issuer.issuer);
    const forged = await other.issue({ sub: 'x', roles: ['fund-officer'] });
    const expired = await issuer.issue({ sub: 'x', roles: ['fund-officer'], expiresInSec: -60 });
    const wrongIssuer = await issuer.issue({ sub: 'x', roles: ['fund-officer'], issuer: 'https://evil.example' });
    const body = { name: 'ok', amount: 5, nested: { date: '2026-02-28' } };
    expect(
      (
        await request(app.getHttpServer() as Server)
          .post('/things')
          .send(body)
      ).status,
    ).toBe(401);
    for (const t of [forged, expired, wrongIssuer, 'not.a.jwt']) {
      const res = await request(app.getHttpServer() as Server)
        .post('/things')
        .set('authorization', `Bearer ${t}`)
        .send(body);
      expect(res.status).toBe(401);
    }
  });

  it('403 for a role that is not allowed, and for a route that declares no access', async () => {
    const applicant = await issuer.issue({ sub: 'a', roles: ['applicant'], companies: ['123456789012'] });
    const res = await request(app.getHttpServer() as Server)
      .post('/things')
      .set('authorization', `Bearer ${applicant}`)
      .send({ name: 'ok', amount: 5, nested: { date: '2026-02-28' } });
    expect(res.status).toBe(403);
    expect(
      (
        await request(app.getHttpServer() as Server)
          .get('/things/undeclared')
          .set('authorization', `Bearer ${officer}`)
      ).status,
    ).toBe(403);
  });

  it('409 naming the current state for an illegal transition', async () => {
    const res = await request(app.getHttpServer() as Server)
      .get('/things/018f0000-0000-7000-8000-000000000000/close')
      .set('authorization', `Bearer ${officer}`);
    expect(res.status).toBe(409);
    const problem = res.body as { currentState: string; detail: string };
    expect(problem.currentState).toBe('closed');
    expect(problem.detail).toMatch(/state 'closed'/);
  });

  it('serves OpenAPI generated from the zod schemas', async () => {
    const res = await request(app.getHttpServer() as Server).get('/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body as OpenApiDocument;
    const op = doc.paths['/things']?.post;
    expect(op?.requestBody?.content['application/json']?.schema.properties.amount?.type).toBe('integer');
    expect(op?.['x-hub-access']).toEqual(['fund-officer']);
    expect(doc.paths['/things/{id}/close']?.get?.parameters?.[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(doc.paths['/health/ready']).toBeDefined();
  });

  it('readiness checks the database and Kafka', async () => {
    const res = await request(app.getHttpServer() as Server).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: { status: 'up', required: true }, kafka: { status: 'up', required: false } } });
  });

  it('401 for a token that does not verify also on a public route; no token there is anonymous', async () => {
    const other = await DevTokenIssuer.create(issuer.issuer);
    const forged = await other.issue({ sub: 'x', roles: ['fund-officer'] });
    expect((await request(app.getHttpServer() as Server).get('/things/public')).status).toBe(200);
    expect(
      (
        await request(app.getHttpServer() as Server)
          .get('/things/public')
          .set('authorization', `Bearer ${officer}`)
      ).status,
    ).toBe(200);
    const res = await request(app.getHttpServer() as Server)
      .get('/things/public')
      .set('authorization', `Bearer ${forged}`);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});

describe('readiness while the broker is down', () => {
  let app: INestApplication;
  let db: TestDatabase;
  let issuer: DevTokenIssuer;

  beforeAll(async () => {
    db = await createTestDatabase('commons_nokafka', { entities: messagingEntities });
    issuer = await DevTokenIssuer.create();
    const jwksFile = join(tmpdir(), `jwks-nokafka-${process.pid}.json`);
    writeFileSync(jwksFile, JSON.stringify(issuer.jwks()));
    // Nothing listens on port 1: the broker is "down" for this app.
    const env = {
      PORT: '3999',
      DATABASE_URL: db.url,
      HUB_KAFKA_BROKERS: '127.0.0.1:1',
      HUB_AUTH_ISSUER: issuer.issuer,
      HUB_AUTH_JWKS_FILE: jwksFile,
      HUB_LOG_LEVEL: 'silent',
      HUB_RUN_WORKERS: 'false',
    };
    @Module({
      imports: [
        HubPlatformModule.forRoot({ name: 'commons-nokafka', title: 'Test', description: 'test app', configSchema: baseConfigSchema, entities: [], env }),
      ],
      controllers: [ThingsController],
    })
    class AppModule {}
    app = (await Test.createTestingModule({ imports: [AppModule] }).compile()).createNestApplication({ bodyParser: false });
    configureHttp(app, app.get(HUB_CONFIG));
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('stays ready (degraded, 200) and still commits commands: the outbox keeps their events', async () => {
    const res = await request(app.getHttpServer() as Server).get('/health/ready');
    expect(res.status).toBe(200);
    const health = res.body as { status: string; checks: Record<string, { status: string; required: boolean }> };
    expect(health.status).toBe('degraded');
    expect(health.checks.database).toEqual({ status: 'up', required: true });
    expect(health.checks.kafka).toMatchObject({ status: 'down', required: false });
    const token = await issuer.issue({ sub: 'officer-2', roles: ['fund-officer'] });
    const write = await request(app.getHttpServer() as Server)
      .post('/things/events')
      .set('authorization', `Bearer ${token}`)
      .send({ n: 11 });
    expect(write.status).toBe(201);
    const [row] = await sql<{ published_at: Date | null }>(db.orm.em.fork(), 'select published_at from hub_outbox where event_id = ?', [
      (write.body as { eventId: string }).eventId,
    ]);
    expect(row).toEqual({ published_at: null });
  }, 20_000);
});

@Injectable()
class PingedHandler implements EventHandler<typeof TestPinged> {
  readonly event = TestPinged;
  handle(): Promise<void> {
    return Promise.resolve();
  }
}

describe('issue #18: HTTP answers at once while the consumers cannot join (broker down)', () => {
  let app: INestApplication | undefined;
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('commons_joining', { entities: messagingEntities });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('with workers on and a consumer that can never join, init completes within seconds, /health/ready answers degraded, and close() does not hang', async () => {
    const issuer = await DevTokenIssuer.create();
    const jwksFile = join(tmpdir(), `jwks-joining-${process.pid}.json`);
    writeFileSync(jwksFile, JSON.stringify(issuer.jwks()));
    const env = {
      PORT: '3999',
      DATABASE_URL: db.url,
      HUB_KAFKA_BROKERS: '127.0.0.1:1', // nothing listens: joining the group never completes
      HUB_AUTH_ISSUER: issuer.issuer,
      HUB_AUTH_JWKS_FILE: jwksFile,
      HUB_LOG_LEVEL: 'silent',
      HUB_RUN_WORKERS: 'true',
    };
    const consumer = { name: 'commons.joining', topics: ['test.pinged'], registry: new EventRegistry([TestPinged]), handlers: [PingedHandler] };
    @Module({
      imports: [
        HubPlatformModule.forRoot({
          name: 'commons-joining',
          title: 'Test',
          description: 'test app',
          configSchema: baseConfigSchema,
          entities: [],
          consumers: [consumer],
          env,
        }),
      ],
      controllers: [ThingsController],
    })
    class AppModule {}
    const started = performance.now();
    app = (await Test.createTestingModule({ imports: [AppModule] }).compile()).createNestApplication({ bodyParser: false });
    configureHttp(app, app.get(HUB_CONFIG));
    await app.init(); // before the fix this waited for the group join: forever with the broker down
    expect(performance.now() - started).toBeLessThan(10_000);
    const res = await request(app.getHttpServer() as Server).get('/health/ready');
    expect(res.status).toBe(200);
    expect((res.body as { status: string }).status).toBe('degraded');
    const closing = performance.now();
    await app.close();
    app = undefined;
    expect(performance.now() - closing).toBeLessThan(15_000);
  }, 40_000);
});
