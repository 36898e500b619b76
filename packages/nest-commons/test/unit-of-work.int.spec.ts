import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { defineEntity } from '@mikro-orm/core';
import request from 'supertest';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineIntegrationEvent } from '@hub/contracts';
import { AggregateRoot, ConflictError, type DomainEvent, uuidv7 } from '@hub/kernel';
import { messagingEntities, sql } from '@hub/messaging';
import { DevTokenIssuer, type TestApp, type TestDatabase, createTestDatabase, startTestApp } from '@hub/testing';
import {
  HUB_CONFIG,
  HubHttpModule,
  MESSAGE_BUS,
  HubPersistenceModule,
  HubPlatformModule,
  IntegrationEventMapper,
  type OutboxMessage,
  UnitOfWork,
  baseConfigSchema,
  configureHttp,
  httpConfigSchema,
  outboxMessage,
  persistenceConfigSchema,
} from '../src/index.js';

// A small aggregate in the ADR 0035 style: a domain class mapped by a schema, recording events.
interface TallyEvent extends DomainEvent {
  readonly name: 'TallyOpened' | 'TallyIncremented' | 'TallyPeeked';
  readonly total: number;
}

class Tally extends AggregateRoot<TallyEvent> {
  id!: string;
  label!: string;
  total!: number;
  version!: number;

  static open(id: string, label: string, at: Date): Tally {
    const t = new Tally();
    Object.assign(t, { id, label, total: 0, version: 1 });
    t.record({ name: 'TallyOpened', aggregateId: id, occurredAt: at, total: 0 });
    return t;
  }

  increment(at: Date): void {
    this.total += 1;
    this.record({ name: 'TallyIncremented', aggregateId: this.id, occurredAt: at, total: this.total });
  }

  /** A purely internal fact: the mapper publishes nothing for it. */
  peek(at: Date): void {
    this.record({ name: 'TallyPeeked', aggregateId: this.id, occurredAt: at, total: this.total });
  }
}

const p = defineEntity.properties;
const TallySchema = defineEntity({
  class: Tally,
  tableName: 'tally',
  properties: { id: p.uuid().primary(), label: p.string().length(50).unique('tally_label_unique'), total: p.integer(), version: p.integer().version() },
});

const TallyChanged = defineIntegrationEvent({
  type: 'test.tally-changed',
  version: 1,
  topic: 'test.tally',
  description: 'a tally changed',
  payload: z.object({ tallyId: z.uuid(), total: z.number().int() }),
});

class TallyEvents extends IntegrationEventMapper {
  map(event: DomainEvent): readonly OutboxMessage[] {
    const e = event as TallyEvent;
    switch (e.name) {
      case 'TallyOpened':
      case 'TallyIncremented':
        return [outboxMessage(TallyChanged, e.aggregateId, { tallyId: e.aggregateId, total: e.total }, `key-${e.aggregateId}`)];
      case 'TallyPeeked':
        return [];
    }
  }
}

describe('UnitOfWork (ADR 0035): recorded events become outbox rows in the same transaction; races become 409', () => {
  let app: INestApplication;
  let db: TestDatabase;
  let uow: UnitOfWork;

  const outboxRows = async (aggregateId: string) =>
    sql<{ message_key: string; envelope: { type: string; payload: { total: number }; aggregateId: string } }>(
      db.orm.em.fork(),
      `select message_key, envelope from hub_outbox where envelope->>'aggregateId' = ? order by position`,
      [aggregateId],
    );

  let testApp: TestApp;

  beforeAll(async () => {
    // The one app-test harness of @hub/testing: a fresh database, a token issuer, the production pipeline.
    testApp = await startTestApp({
      prefix: 'uow',
      createModule: (env) => {
        @Module({ imports: [HubPlatformModule.forRoot({ name: 'uow-test', title: 'T', description: 't', configSchema: baseConfigSchema, entities: [TallySchema], eventMapper: TallyEvents, env })] })
        class AppModule {}
        return AppModule;
      },
      orm: { entities: [TallySchema, ...messagingEntities] },
      migrate: false,
      pipeline: (a) => configureHttp(a, a.get(HUB_CONFIG)),
    });
    ({ app, db } = testApp);
    uow = app.get(UnitOfWork);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('writes the mapped integration events of every aggregate the transaction touched, keyed and in order', async () => {
    const id = uuidv7();
    await uow.run(async (em) => void em.persist(Tally.open(id, `a-${id}`, new Date('2026-12-01T10:00:00Z'))));
    await uow.run(async () => {
      const t = await uow.em().findOneOrFail(Tally, { id });
      t.increment(new Date('2026-12-01T10:01:00Z'));
      t.increment(new Date('2026-12-01T10:02:00Z'));
    });
    const rows = await outboxRows(id);
    expect(rows.map((r) => r.envelope.payload.total)).toEqual([0, 1, 2]);
    expect(rows.every((r) => r.message_key === `key-${id}` && r.envelope.type === 'test.tally-changed')).toBe(true);
    expect((await db.orm.em.fork().findOneOrFail(Tally, { id })).total).toBe(2);
  });

  it('keeps an event the mapper does not publish internal', async () => {
    const id = uuidv7();
    await uow.run(async (em) => void em.persist(Tally.open(id, `b-${id}`, new Date())));
    await uow.run(async () => (await uow.em().findOneOrFail(Tally, { id })).peek(new Date()));
    expect(await outboxRows(id)).toHaveLength(1);
  });

  it('commits nothing — neither the aggregate nor its events — when the work fails after recording', async () => {
    const id = uuidv7();
    await expect(
      uow.run(async (em) => {
        em.persist(Tally.open(id, `c-${id}`, new Date()));
        await em.flush();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await outboxRows(id)).toHaveLength(0);
    expect(await db.orm.em.fork().findOne(Tally, { id })).toBeNull();
  });

  it('answers a lost optimistic-lock race with ConflictError concurrent-change, and a unique violation with duplicate', async () => {
    const id = uuidv7();
    await uow.run(async (em) => void em.persist(Tally.open(id, `d-${id}`, new Date())));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = uow.run(async () => {
      const t = await uow.em().findOneOrFail(Tally, { id });
      await gate;
      t.increment(new Date());
    });
    await uow.run(async () => (await uow.em().findOneOrFail(Tally, { id })).increment(new Date()));
    release();
    const lost = await slow.then(() => null, (e: unknown) => e);
    expect(lost).toBeInstanceOf(ConflictError);
    expect((lost as ConflictError).code).toBe('concurrent-change');

    const dup = await uow.run(async (em) => void em.persist(Tally.open(uuidv7(), `d-${id}`, new Date()))).then(() => null, (e: unknown) => e);
    expect(dup).toBeInstanceOf(ConflictError);
    expect((dup as ConflictError).code).toBe('duplicate');
  });

  it('joins an outer unit of work, and publishes for work run within a transaction somebody else opened', async () => {
    const id = uuidv7();
    await uow.run(async (em) => {
      em.persist(Tally.open(id, `e-${id}`, new Date()));
      await uow.run(async (inner) => expect(inner).toBe(em));
    });
    await db.orm.em.fork().transactional(async (tx) => {
      await uow.within(tx, async () => (await uow.em().findOneOrFail(Tally, { id })).increment(new Date()));
    });
    expect((await outboxRows(id)).map((r) => r.envelope.payload.total)).toEqual([0, 1]);
  });

  it('refuses em() outside a unit of work', () => {
    expect(() => uow.em()).toThrow(/outside a unit of work/);
    expect(uow.active).toBe(false);
  });

  it('serves Prometheus metrics: HTTP by route template, outbox lag, timers due', async () => {
    await request(app.getHttpServer() as Server).get('/health/live');
    const res = await request(app.getHttpServer() as Server).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/hub_http_requests_total\{method="GET",route="\/health\/live",status="200",app="uow-test"\} [1-9]/);
    expect(res.text).toMatch(/hub_outbox_pending_events\{app="uow-test"\} \d+/);
    expect(res.text).toMatch(/hub_timers_due\{app="uow-test"\} 0/);
    expect(res.text).toMatch(/process_cpu_seconds_total/);
  });
});

describe('the platform in parts: an app with HTTP and persistence only (the gateway)', () => {
  let app: INestApplication;
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('parts', { entities: [TallySchema] });
    const issuer = await DevTokenIssuer.create();
    const jwksFile = join(tmpdir(), `jwks-parts-${process.pid}.json`);
    writeFileSync(jwksFile, JSON.stringify(issuer.jwks()));
    const env = { PORT: '3999', DATABASE_URL: db.url, HUB_AUTH_ISSUER: issuer.issuer, HUB_AUTH_JWKS_FILE: jwksFile, HUB_LOG_LEVEL: 'silent' };
    const schema = httpConfigSchema.extend(persistenceConfigSchema.shape);
    @Module({ imports: [HubHttpModule.forRoot({ name: 'parts-test', title: 'T', description: 't', configSchema: schema, env, cqrs: false }), HubPersistenceModule.forRoot({ entities: [TallySchema] })] })
    class GatewayLikeModule {}
    app = (await Test.createTestingModule({ imports: [GatewayLikeModule] }).compile()).createNestApplication({ bodyParser: false });
    configureHttp(app, app.get(HUB_CONFIG));
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('starts no message bus, needs no broker variable, and is ready on its database alone', async () => {
    expect(() => app.get<unknown>(MESSAGE_BUS)).toThrow(/MESSAGE_BUS/);
    const res = await request(app.getHttpServer() as Server).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: { status: 'up', required: true } } });
  });

  it('refuses aggregates that record events it cannot publish, and commits nothing', async () => {
    const uow = app.get(UnitOfWork);
    const id = uuidv7();
    await expect(uow.run(async (em) => void em.persist(Tally.open(id, `f-${id}`, new Date())))).rejects.toThrow(/no messaging to publish them/);
    expect(await db.orm.em.fork().findOne(Tally, { id })).toBeNull();
  });
});
