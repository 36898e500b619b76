import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type INestApplication, Inject, Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { type EventArgs, type EventSubscriber, type FlushEventArgs, defineEntity } from '@mikro-orm/core';
import type { MikroORM, SqlEntityManager } from '@mikro-orm/postgresql';
import request from 'supertest';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type EventEnvelope, EventRegistry, type PayloadOf, defineIntegrationEvent } from '@hub/contracts';
import { AggregateRoot, ConflictError, type DomainEvent, uuidv7 } from '@hub/kernel';
import { type EventConsumer, type EventHandler, type MessageBus, type MessageBusAdmin, OutboxRelay, messagingEntities, sql } from '@hub/messaging';
import { DevTokenIssuer, type TestApp, type TestDatabase, createTestDatabase, startTestApp, uniqueName } from '@hub/testing';
import {
  EVENT_CONSUMERS,
  HUB_CONFIG,
  HubHttpModule,
  MESSAGE_BUS,
  HubPersistenceModule,
  HubPlatformModule,
  IntegrationEventMapper,
  MIKRO_ORM,
  type OutboxMessage,
  listenersBypassedByInsert,
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

/** ADR 0136: an entity with a lifecycle hook of its own (a flush runs `beforeCreate`; a bare insert would not). */
class Stamped {
  id!: string;
  stampedBy: string | null = null;
  stamp(): void {
    this.stampedBy = 'beforeCreate';
  }
}
const StampedSchema = defineEntity({
  class: Stamped,
  tableName: 'stamped',
  properties: { id: p.uuid().primary(), stampedBy: p.string().length(20).nullable() },
  hooks: { beforeCreate: ['stamp'] },
});

/** ADR 0136: an entity an EventSubscriber listens to (by name), as a repository keeping rows beside it would. */
class Watched {
  id!: string;
}
const WatchedSchema = defineEntity({ class: Watched, tableName: 'watched', properties: { id: p.uuid().primary() } });
class WatchedCreations implements EventSubscriber<Watched> {
  readonly seen: string[] = [];
  getSubscribedEntities() {
    return [Watched];
  }
  afterCreate({ entity }: EventArgs<Watched>): void {
    this.seen.push(entity.id);
  }
}
const watchedCreations = new WatchedCreations();

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

/** "Another context" asks for a tally to be bumped; our consumer does it through the repository. */
const BumpRequested = defineIntegrationEvent({
  type: 'test.bump-requested',
  version: 1,
  topic: 'test.bumps',
  description: 'somebody asks for a tally to be bumped',
  payload: z.object({ tallyId: z.uuid() }),
});

@Injectable()
class BumpRequestedHandler implements EventHandler<typeof BumpRequested> {
  readonly event = BumpRequested;
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {}
  async handle(e: EventEnvelope<PayloadOf<typeof BumpRequested>>): Promise<void> {
    // No transaction of its own: the inbox's, through uow.within (the platform wraps every handler).
    (await this.uow.em().findOneOrFail(Tally, { id: e.payload.tallyId })).increment(new Date(e.occurredAt));
  }
}

const envelopeOf = (tallyId: string, id = uuidv7()) => ({
  id,
  type: BumpRequested.type,
  version: 1,
  occurredAt: new Date().toISOString(),
  correlationId: 'corr-bump',
  causationId: null,
  aggregateId: tallyId,
  payload: { tallyId },
});

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
        @Module({
          imports: [
            HubPlatformModule.forRoot({
              name: 'uow-test',
              title: 'T',
              description: 't',
              configSchema: baseConfigSchema,
              entities: [TallySchema, StampedSchema, WatchedSchema],
              eventMapper: TallyEvents,
              consumers: [
                { name: 'uow-test.bumps', topics: [BumpRequested.topic], registry: new EventRegistry([BumpRequested]), handlers: [BumpRequestedHandler] },
              ],
              env,
            }),
          ],
        })
        class AppModule {}
        return AppModule;
      },
      orm: { entities: [TallySchema, StampedSchema, WatchedSchema, ...messagingEntities] },
      migrate: false,
      // This file's own topics and consumer groups on the shared broker.
      env: { HUB_KAFKA_TOPIC_PREFIX: `t.${uniqueName('uow').replace(/_/g, '-')}.` },
      pipeline: (a) => configureHttp(a, a.get(HUB_CONFIG)),
    });
    ({ app, db } = testApp);
    uow = app.get(UnitOfWork);
    app.get<MikroORM>(MIKRO_ORM).em.getEventManager().registerSubscriber(watchedCreations);
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

  it('issue #17, ADR 0135: a commit that wrote outbox rows wakes the relay once, and one that wrote none does not', async () => {
    const relay = app.get(OutboxRelay);
    const bus = app.get<MessageBus & MessageBusAdmin>(MESSAGE_BUS);
    await bus.createTopics([{ name: TallyChanged.topic, partitions: 1 }]);
    relay.start(); // this app runs without workers: the relay here, for this test only
    try {
      const before = relay.wakes.commit;
      const id = uuidv7();
      await uow.run(async (em) => void em.persist(Tally.open(id, `w-${id}`, new Date())));
      expect(relay.wakes.commit - before).toBe(1); // TallyOpened → one outbox row → one wake at its commit
      await uow.run(async () => (await uow.em().findOneOrFail(Tally, { id })).peek(new Date()));
      expect(relay.wakes.commit - before).toBe(1); // an internal event only: nothing to publish, the relay sleeps on
      await uow.run(async () => void (await uow.em().findOneOrFail(Tally, { id })));
      expect(relay.wakes.commit - before).toBe(1);
    } finally {
      await relay.stop();
    }
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
    let loaded!: () => void;
    const read = new Promise<void>((r) => (loaded = r));
    const slow = uow.run(async () => {
      const t = await uow.em().findOneOrFail(Tally, { id });
      loaded(); // read version 1 before the other request commits version 2
      await gate;
      t.increment(new Date());
    });
    await read;
    await uow.run(async () => (await uow.em().findOneOrFail(Tally, { id })).increment(new Date()));
    release();
    const lost = await slow.then(
      () => null,
      (e: unknown) => e,
    );
    expect(lost).toBeInstanceOf(ConflictError);
    expect((lost as ConflictError).code).toBe('concurrent-change');

    const dup = await uow
      .run(async (em) => void em.persist(Tally.open(uuidv7(), `d-${id}`, new Date())))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(dup).toBeInstanceOf(ConflictError);
    expect((dup as ConflictError).code).toBe('duplicate');
  });

  it('a handler that re-reads an aggregate it changed still loses the race with 409 — no lost update (flush before every query)', async () => {
    const id = uuidv7();
    const label = `h-${id}`;
    await uow.run(async (em) => void em.persist(Tally.open(id, label, new Date())));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let loaded!: () => void;
    const read = new Promise<void>((r) => (loaded = r));
    const slow = uow.run(async () => {
      const t = await uow.em().findOneOrFail(Tally, { id });
      t.increment(new Date());
      loaded(); // the slow one has read version 1 before the fast one commits version 2
      await gate;
      // A query by another column returns the same, changed entity.
      await uow.em().findOneOrFail(Tally, { label });
    });
    await read;
    await uow.run(async () => (await uow.em().findOneOrFail(Tally, { id })).increment(new Date()));
    release();
    const lost = await slow.then(
      () => null,
      (e: unknown) => e,
    );
    expect(lost).toBeInstanceOf(ConflictError);
    expect((await db.orm.em.fork().findOneOrFail(Tally, { id })).total).toBe(1);
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

  it('runs an inbox handler inside the inbox transaction: its aggregate changes and recorded events commit with the inbox row, once', async () => {
    const id = uuidv7();
    await uow.run(async (em) => void em.persist(Tally.open(id, `g-${id}`, new Date())));
    const [consumer] = app.get<EventConsumer[]>(EVENT_CONSUMERS);
    const message = (env: ReturnType<typeof envelopeOf>) => ({
      topic: BumpRequested.topic,
      partition: 0,
      offset: '0',
      key: id,
      value: Buffer.from(JSON.stringify(env)),
      headers: {},
    });
    const env = envelopeOf(id);
    expect(await consumer!.consume(message(env))).toBe('handled');
    expect(await consumer!.consume(message(env))).toBe('duplicate');
    expect((await db.orm.em.fork().findOneOrFail(Tally, { id })).total).toBe(1);
    const rows = await outboxRows(id);
    expect(rows.map((r) => r.envelope.payload.total)).toEqual([0, 1]);
    // The published event carries the consumed event's correlation id.
    const [last] = await sql<{ envelope: { correlationId: string; causationId: string } }>(
      db.orm.em.fork(),
      `select envelope from hub_outbox where envelope->>'aggregateId' = ? order by position desc limit 1`,
      [id],
    );
    expect(last?.envelope).toMatchObject({ correlationId: 'corr-bump', causationId: env.id });
  });

  it('reports each consumer group’s lag on /metrics', async () => {
    const bus = app.get<MessageBus & MessageBusAdmin>(MESSAGE_BUS);
    await bus.createTopics([{ name: BumpRequested.topic, partitions: 1 }]);
    await bus.publish([1, 2, 3].map((n) => ({ topic: BumpRequested.topic, key: `k${n}`, value: JSON.stringify(envelopeOf(uuidv7())) })));
    const res = await testApp.http().get('/metrics');
    expect(res.text).toMatch(/hub_consumer_lag_messages\{consumer="uow-test\.bumps",app="uow-test"\} 3/);
  });

  describe('runInsertingOne (issue #17, ADR 0136): one new aggregate, one insert, no begin/commit', () => {
    /** A tally created without recording anything (Tally.open records TallyOpened). */
    const quiet = (id: string, label: string): Tally => Object.assign(new Tally(), { id, label, total: 0, version: 1 });
    const stored = (id: string) => db.orm.em.fork().findOne(Tally, { id });

    it('writes the one new aggregate, after reads of its own, and returns what the work returned', async () => {
      const before = uuidv7();
      await uow.run(async (em) => void em.persist(quiet(before, `q0-${before}`)));
      const id = uuidv7();
      const out = await uow.runInsertingOne(Tally, async (em) => {
        expect(em.isInTransaction()).toBe(false);
        expect(uow.em()).toBe(em);
        const seen = await uow.em().findOneOrFail(Tally, { id: before }); // a read, loaded into the unit of work unchanged
        em.persist(quiet(id, `q1-${id}`));
        return `read ${seen.label}`;
      });
      expect(out).toBe(`read q0-${before}`);
      expect(await stored(id)).toMatchObject({ id, label: `q1-${id}`, total: 0, version: 1 });
      expect(await outboxRows(id)).toHaveLength(0);
    });

    it('refuses — and writes nothing — a work that recorded a domain event (its outbox row must commit with it)', async () => {
      const id = uuidv7();
      await expect(uow.runInsertingOne(Tally, async (em) => void em.persist(Tally.open(id, `q2-${id}`, new Date())))).rejects.toThrow(
        /recorded 1 domain event\(s\) \(TallyOpened …\).*use run/,
      );
      expect(await stored(id)).toBeNull();
      expect(await outboxRows(id)).toHaveLength(0);
    });

    it('refuses — and writes nothing — a second new aggregate, a change to a loaded one, or no write at all', async () => {
      const [a, b, loaded] = [uuidv7(), uuidv7(), uuidv7()];
      await uow.run(async (em) => void em.persist(quiet(loaded, `q3-${loaded}`)));
      await expect(
        uow.runInsertingOne(Tally, async (em) => {
          em.persist(quiet(a, `q4-${a}`));
          em.persist(quiet(b, `q5-${b}`));
        }),
      ).rejects.toThrow(/exactly one new Tally and nothing else; it left create Tally, create Tally/);
      await expect(
        uow.runInsertingOne(Tally, async (em) => {
          (await em.findOneOrFail(Tally, { id: loaded })).total = 7;
          em.persist(quiet(a, `q4-${a}`));
        }),
      ).rejects.toThrow(/exactly one new Tally and nothing else/);
      await expect(uow.runInsertingOne(Tally, async () => undefined)).rejects.toThrow(/it left nothing/);
      expect(await stored(a)).toBeNull();
      expect(await stored(b)).toBeNull();
      expect((await stored(loaded))?.total).toBe(0);
    });

    it('answers a unique violation with ConflictError duplicate, as run does; and is refused inside another unit of work', async () => {
      const id = uuidv7();
      await uow.runInsertingOne(Tally, async (em) => void em.persist(quiet(id, `q6-${id}`)));
      const dup = await uow
        .runInsertingOne(Tally, async (em) => void em.persist(quiet(uuidv7(), `q6-${id}`)))
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(dup).toBeInstanceOf(ConflictError);
      expect((dup as ConflictError).code).toBe('duplicate');
      await expect(uow.run(() => uow.runInsertingOne(Tally, async () => undefined))).rejects.toThrow(/inside a unit of work/);
    });

    it('refuses — before the work runs, writing nothing — an entity with a lifecycle hook or an EventSubscriber the bare insert would bypass; run still honours them', async () => {
      const [s, w] = [uuidv7(), uuidv7()];
      let ran = 0;
      await expect(
        uow.runInsertingOne(Stamped, async (em) => {
          ran++;
          em.persist(Object.assign(new Stamped(), { id: s }));
        }),
      ).rejects.toThrow(/Stamped has MikroORM listeners a bare insert would bypass \(beforeCreate\): use run/);
      await expect(
        uow.runInsertingOne(Watched, async (em) => {
          ran++;
          em.persist(Object.assign(new Watched(), { id: w }));
        }),
      ).rejects.toThrow(/Watched has MikroORM listeners a bare insert would bypass \(afterCreate\)/);
      expect(ran).toBe(0);
      expect(await db.orm.em.fork().findOne(Stamped, { id: s })).toBeNull();
      expect(await db.orm.em.fork().findOne(Watched, { id: w })).toBeNull();
      // the same writes through run: the hook and the subscriber fire
      await uow.run(async (em) => void em.persist([Object.assign(new Stamped(), { id: s }), Object.assign(new Watched(), { id: w })]));
      expect((await db.orm.em.fork().findOneOrFail(Stamped, { id: s })).stampedBy).toBe('beforeCreate');
      expect(watchedCreations.seen).toContain(w);
      // Tally has neither; the platform's own subscriber (the outbox's commit signal, ADR 0135) listens to transactions only
      expect(listenersBypassedByInsert(app.get<MikroORM>(MIKRO_ORM).em.fork() as SqlEntityManager, Tally)).toEqual([]);
    });

    it('counts a subscriber that names no entity as listening to every entity’s flushes (it would be bypassed too)', () => {
      const em = app.get<MikroORM>(MIKRO_ORM).em.fork({ cloneEventManager: true }) as SqlEntityManager; // a clone: the app's own stays as it is
      em.getEventManager().registerSubscriber({ afterFlush: async (_: FlushEventArgs) => undefined } satisfies EventSubscriber);
      expect(listenersBypassedByInsert(em, Tally)).toEqual(['afterFlush']);
      expect(listenersBypassedByInsert(app.get<MikroORM>(MIKRO_ORM).em.fork() as SqlEntityManager, Tally)).toEqual([]);
    });
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
    @Module({
      imports: [
        HubHttpModule.forRoot({ name: 'parts-test', title: 'T', description: 't', configSchema: schema, env, cqrs: false }),
        HubPersistenceModule.forRoot({ entities: [TallySchema] }),
      ],
    })
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
