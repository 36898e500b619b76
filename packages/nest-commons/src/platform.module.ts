import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type Provider,
  type Type,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { MikroORM, type SqlEntityManager } from '@mikro-orm/postgresql';
import type { EntitySchema } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { Gauge, Counter } from 'prom-client';
import type { z } from 'zod';
import type { EventRegistry } from '@hub/contracts';
import { Clock, type DomainEvent, SystemClock } from '@hub/kernel';
import {
  EventConsumer,
  type EventHandler,
  createMessageBus,
  type MessageBus,
  type MessageBusAdmin,
  Outbox,
  OutboxNotifier,
  OutboxRelay,
  PrefixedMessageBus,
  type TimerHandler,
  TimerPoller,
  Timers,
  type TransactionWrapper,
  messagingEntities,
  sql,
} from '@hub/messaging';
import { AuthGuard } from './auth/auth.guard.js';
import { BearerAuthenticator } from './auth/bearer-authenticator.js';
import { TokenVerifier } from './auth/token-verifier.js';
import { type BaseConfig, HUB_CONFIG, type HttpConfig, type MessagingConfig, type PersistenceConfig, loadConfig } from './config/config.js';
import { UNIT_OF_WORK_HOOKS, UnitOfWork, type UnitOfWorkHooks } from './database/unit-of-work.js';
import { HealthController } from './health/health.controller.js';
import { ProblemDetailsFilter } from './http/problem.filter.js';
import { createLogger, messagingLoggerOf } from './logging/logger.js';
import { IntegrationEventMapper, NoIntegrationEvents } from './messaging/integration-event-mapper.js';
import { EVENT_CONSUMERS, MESSAGE_BUS, MIKRO_ORM } from './messaging/tokens.js';
import { MetricsController, MetricsRegistry } from './metrics/metrics.js';
import { HUB_APP_INFO } from './openapi/app-info.js';
import { OpenApiController, OpenApiGenerator } from './openapi/openapi.js';
import { TracingLifecycle } from './tracing/tracing.js';

export const HUB_LOGGER = Symbol('HUB_LOGGER');

export interface ConsumerSpec {
  /** Consumer group and inbox name, e.g. `participation.registration-events`. */
  readonly name: string;
  readonly topics: readonly string[];
  readonly registry: EventRegistry;
  /** Providers implementing EventHandler. */
  readonly handlers: readonly Type<EventHandler>[];
}

// ---------------------------------------------------------------------------------------------------
// HTTP: config, logger, clock, auth, problem+json, health, OpenAPI, metrics, CQRS buses.

export interface HubHttpOptions<S extends z.ZodType<HttpConfig>> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly version?: string;
  readonly configSchema: S;
  /** Overrides for tests: an env object instead of process.env. */
  readonly env?: Record<string, string | undefined>;
  /** Command and query buses (@nestjs/cqrs). Default true; the gateway has no use cases and says false. */
  readonly cqrs?: boolean;
}

/** What every app with an HTTP API takes from the platform (ADR 0035 §8). */
@Module({})
export class HubHttpModule {
  static forRoot<S extends z.ZodType<HttpConfig>>(options: HubHttpOptions<S>): DynamicModule {
    const providers: Provider[] = [
      { provide: HUB_CONFIG, useFactory: () => loadConfig(options.configSchema, options.env ?? process.env) },
      { provide: HUB_APP_INFO, useValue: { name: options.name, title: options.title, description: options.description, version: options.version ?? '1.0.0' } },
      { provide: HUB_LOGGER, inject: [HUB_CONFIG], useFactory: (c: HttpConfig) => createLogger(options.name, c.HUB_LOG_LEVEL) },
      { provide: Clock, useClass: SystemClock },
      { provide: MetricsRegistry, useFactory: () => new MetricsRegistry(options.name) },
      {
        provide: TokenVerifier,
        inject: [HUB_CONFIG],
        useFactory: (c: HttpConfig) =>
          new TokenVerifier({
            ...(c.HUB_AUTH_JWKS_URL ? { jwksUrl: c.HUB_AUTH_JWKS_URL } : {}),
            ...(c.HUB_AUTH_JWKS_FILE ? { jwksFile: c.HUB_AUTH_JWKS_FILE } : {}),
            issuer: c.HUB_AUTH_ISSUER,
            audience: c.HUB_AUTH_AUDIENCE,
            verifiedTtlMs: c.HUB_AUTH_VERIFIED_TOKEN_TTL_MS,
          }),
      },
      BearerAuthenticator,
      OpenApiGenerator,
      TracingLifecycle,
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    ];
    const cqrs = options.cqrs ?? true;
    return {
      module: HubHttpModule,
      global: true,
      imports: [...(cqrs ? [CqrsModule.forRoot()] : []), DiscoveryModule],
      controllers: [HealthController, OpenApiController, MetricsController],
      providers,
      exports: [HUB_CONFIG, HUB_APP_INFO, HUB_LOGGER, Clock, MetricsRegistry, TokenVerifier, BearerAuthenticator, ...(cqrs ? [CqrsModule] : [])],
    };
  }
}

// ---------------------------------------------------------------------------------------------------
// Persistence: MikroORM on the app's own database, the unit of work, database readiness.

export interface HubPersistenceOptions {
  /** The app's own MikroORM entities. */
  readonly entities: readonly (EntitySchema | Type)[];
  /** Adds the outbox, inbox and timer tables (set by HubPlatformModule when messaging is on). */
  readonly messagingTables?: boolean;
}

@Injectable()
class PersistenceLifecycle implements BeforeApplicationShutdown {
  constructor(@Inject(MIKRO_ORM) private readonly orm: MikroORM) {}
  async beforeApplicationShutdown(): Promise<void> {
    await this.orm.close();
  }
}

@Module({})
export class HubPersistenceModule {
  static forRoot(options: HubPersistenceOptions): DynamicModule {
    return {
      module: HubPersistenceModule,
      global: true,
      providers: [
        {
          provide: MIKRO_ORM,
          inject: [HUB_CONFIG],
          useFactory: (c: PersistenceConfig) =>
            MikroORM.init({
              clientUrl: c.DATABASE_URL,
              entities: [...(options.entities as EntitySchema[]), ...(options.messagingTables ? messagingEntities : [])],
              allowGlobalContext: false,
              // Flush before every query of a unit of work. With the default (auto), a query that
              // returns an entity the transaction already changed merges the row into it: the
              // version is refreshed from the database while the in-memory change is kept, so a
              // concurrent change committed in between is silently overwritten (a lost update the
              // optimistic lock should have caught; test/unit-of-work.int.spec.ts reproduces it).
              flushMode: 'always',
              pool: { min: 0, max: c.HUB_DATABASE_POOL_MAX },
              debug: false,
            }),
        },
        {
          provide: UnitOfWork,
          inject: [MIKRO_ORM, { token: UNIT_OF_WORK_HOOKS, optional: true }],
          useFactory: (orm: MikroORM, hooks?: UnitOfWorkHooks) => new UnitOfWork(orm, hooks),
        },
        PersistenceLifecycle,
      ],
      exports: [MIKRO_ORM, UnitOfWork],
    };
  }
}

// ---------------------------------------------------------------------------------------------------
// Messaging: Kafka bus, outbox + relay, timers + poller, inbox consumers, the integration-event mapper.

export interface HubMessagingOptions {
  readonly name: string;
  /** The context's published language seen from its domain (ADR 0035 §3). Default: publishes nothing. */
  readonly eventMapper?: Type<IntegrationEventMapper>;
  readonly timerHandlers?: readonly Type<TimerHandler>[];
  readonly consumers?: readonly ConsumerSpec[];
}

/** Starts the background workers after boot and stops them (and the bus) on shutdown. */
@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(HUB_CONFIG) private readonly config: MessagingConfig,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(TimerPoller) private readonly poller: TimerPoller,
    @Inject(EVENT_CONSUMERS) private readonly consumers: EventConsumer[],
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(HUB_LOGGER) private readonly logger: Logger,
    @Inject(OutboxNotifier) private readonly notifier: OutboxNotifier,
  ) {}

  /**
   * The relay and the poller start at once. Consumers join their groups in the background: the app
   * listens for HTTP without waiting for the broker — after a crash a group waits out the dead
   * member's session (30 s) before it rebalances, and during a broker outage joining never ends
   * (issue #18: participation served no HTTP for 30–45 s after a restart). Commands commit meanwhile
   * and their events wait in the outbox; consumed events wait in Kafka.
   */
  onApplicationBootstrap(): void {
    if (!this.config.HUB_RUN_WORKERS) return;
    this.relay.start();
    this.poller.start();
    for (const c of this.consumers) {
      c.start().then(
        () => this.logger.info({ consumer: c.name, topics: c.topics }, 'consumer joined its group'),
        (err: unknown) => this.logger.error({ consumer: c.name, err: (err as Error).message }, 'consumer could not start'),
      );
    }
    this.logger.info({ consumers: this.consumers.length }, 'workers started: outbox relay, timer poller; consumers joining in the background');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.relay.stop(), this.poller.stop(), this.notifier.stop(), ...this.consumers.map((c) => c.stop())]);
    await this.bus.close();
  }
}

/** Registers the messaging figures on the app's metrics registry. */
function registerMessagingMetrics(registry: MetricsRegistry, orm: MikroORM, bus: MessageBus, consumers: readonly EventConsumer[], clock: Clock): void {
  const read = async <T>(query: string, params: unknown[] = []): Promise<T | undefined> => (await sql<T>(orm.em.fork(), query, params))[0];
  new Gauge({
    name: 'hub_outbox_pending_events',
    help: 'Events committed but not yet published to Kafka',
    registers: [registry],
    async collect() {
      const row = await read<{ n: string }>('select count(*)::text as n from hub_outbox where published_at is null');
      this.set(Number(row?.n ?? 0));
    },
  });
  new Gauge({
    name: 'hub_outbox_lag_seconds',
    help: 'Age of the oldest event not yet published (0 when none waits)',
    registers: [registry],
    async collect() {
      const row = await read<{ s: string | null }>('select extract(epoch from (? - min(created_at)))::text as s from hub_outbox where published_at is null', [
        clock.now(),
      ]);
      this.set(Math.max(0, Number(row?.s ?? 0)));
    },
  });
  new Gauge({
    name: 'hub_timers_due',
    help: 'Durable timers whose due time has passed and that have not fired yet',
    registers: [registry],
    async collect() {
      const row = await read<{ n: string }>(`select count(*)::text as n from hub_timer where status = 'scheduled' and due_at <= ?`, [clock.now()]);
      this.set(Number(row?.n ?? 0));
    },
  });
  new Gauge({
    name: 'hub_timers_failed',
    help: 'Durable timers that failed for good and need a person',
    registers: [registry],
    async collect() {
      const row = await read<{ n: string }>(`select count(*)::text as n from hub_timer where status = 'failed'`);
      this.set(Number(row?.n ?? 0));
    },
  });
  const admin = isAdmin(bus) ? bus : undefined;
  new Gauge({
    name: 'hub_consumer_lag_messages',
    help: 'Messages on the consumed topics that the consumer group has not handled yet (absent while the broker does not answer)',
    labelNames: ['consumer'],
    registers: [registry],
    async collect() {
      this.reset();
      if (!admin) return;
      await Promise.all(
        consumers.map(async (c) => {
          try {
            const lag = await withTimeout(admin.consumerLag(c.name, c.topics), 2_000);
            this.set({ consumer: c.name }, lag.total);
          } catch {
            // The broker is down or slow: the figure is left out rather than the whole scrape failing.
          }
        }),
      );
    },
  });
  new Gauge({
    name: 'hub_consumer_stopped',
    help: 'A consumer the broker refused (e.g. its group or a topic is not authorised) and that waits to rejoin: 1, else 0',
    labelNames: ['consumer'],
    registers: [registry],
    collect() {
      for (const c of consumers) this.set({ consumer: c.name }, c.lastCrash ? 1 : 0);
    },
  });
  const outcomes = new Counter({
    name: 'hub_consumer_messages_total',
    help: 'Messages consumed, by consumer and outcome (handled, duplicate, skipped, dead-lettered)',
    labelNames: ['consumer', 'outcome'],
    registers: [registry],
  });
  const deadLetters = new Counter({
    name: 'hub_consumer_dead_letters_total',
    help: 'Messages this process sent to a dead-letter topic, by consumer',
    labelNames: ['consumer'],
    registers: [registry],
  });
  for (const c of consumers) {
    c.outcomes.push((outcome) => {
      outcomes.inc({ consumer: c.name, outcome });
      if (outcome === 'dead-lettered') deadLetters.inc({ consumer: c.name });
    });
  }
}

@Module({})
export class HubMessagingModule {
  static forRoot(options: HubMessagingOptions): DynamicModule {
    const timerHandlerTypes = options.timerHandlers ?? [];
    const consumerSpecs = options.consumers ?? [];
    const handlerTypes = [...new Set(consumerSpecs.flatMap((c) => c.handlers))];
    const providers: Provider[] = [
      {
        provide: MESSAGE_BUS,
        inject: [HUB_CONFIG, HUB_LOGGER],
        useFactory: (c: MessagingConfig, l: Logger) => {
          const bus = createMessageBus({
            client: c.HUB_KAFKA_CLIENT,
            clientId: options.name,
            brokers: c.HUB_KAFKA_BROKERS,
            logger: messagingLoggerOf(l),
            ...(c.HUB_KAFKA_SASL_MECHANISM && c.HUB_KAFKA_SASL_USERNAME && c.HUB_KAFKA_SASL_PASSWORD
              ? { sasl: { mechanism: c.HUB_KAFKA_SASL_MECHANISM, username: c.HUB_KAFKA_SASL_USERNAME, password: c.HUB_KAFKA_SASL_PASSWORD } }
              : {}),
            ...(c.HUB_KAFKA_SSL ? { ssl: true } : {}),
          });
          return c.HUB_KAFKA_TOPIC_PREFIX ? new PrefixedMessageBus(bus, c.HUB_KAFKA_TOPIC_PREFIX) : bus;
        },
      },
      { provide: Outbox, inject: [Clock], useFactory: (clock: Clock) => new Outbox(clock) },
      // ADR 0147: the relays of other processes (replicas, an API-only replica's commits) hear of this
      // process's outbox commits by a NOTIFY after each commit — with or without workers here.
      {
        provide: OutboxNotifier,
        inject: [MIKRO_ORM, HUB_LOGGER],
        useFactory: (orm: MikroORM, l: Logger) => {
          const notifier = new OutboxNotifier(orm.em, { logger: messagingLoggerOf(l) });
          notifier.start();
          return notifier;
        },
      },
      { provide: Timers, inject: [Clock], useFactory: (clock: Clock) => new Timers(clock) },
      { provide: IntegrationEventMapper, useClass: options.eventMapper ?? NoIntegrationEvents },
      {
        provide: OutboxRelay,
        inject: [MIKRO_ORM, MESSAGE_BUS, Clock, HUB_LOGGER, HUB_CONFIG],
        useFactory: (orm: MikroORM, bus: MessageBus, clock: Clock, l: Logger, c: MessagingConfig) =>
          new OutboxRelay(orm.em, bus, clock, { logger: messagingLoggerOf(l), retainPublishedMs: c.HUB_OUTBOX_RETAIN_PUBLISHED_HOURS * 3_600_000 }),
      },
      {
        provide: UNIT_OF_WORK_HOOKS,
        inject: [Outbox, IntegrationEventMapper],
        useFactory: (outbox: Outbox, mapper: IntegrationEventMapper): UnitOfWorkHooks => ({
          async publishRecorded(em: SqlEntityManager, events: readonly DomainEvent[]) {
            let written = 0;
            for (const event of events) {
              for (const m of await mapper.map(event)) {
                await outbox.add(em, m.definition, m.aggregateId, m.payload, { key: m.key, occurredAt: event.occurredAt });
                written++;
              }
            }
            return written;
          },
          // Issue #17, ADR 0135: a commit that wrote outbox rows wakes the relay by itself (Outbox.add marks
          // the transaction; its commit signals this process's relays, and the OutboxNotifier the other processes', ADR 0147).
          // Waking it here as well made it look once more, for nothing, after every such command.
          afterCommit: () => undefined,
        }),
      },
      ...timerHandlerTypes,
      ...handlerTypes,
      {
        provide: TimerPoller,
        inject: [MIKRO_ORM, Clock, HUB_CONFIG, HUB_LOGGER, UnitOfWork, ...timerHandlerTypes],
        useFactory: (orm: MikroORM, clock: Clock, c: MessagingConfig, l: Logger, uow: UnitOfWork, ...handlers: TimerHandler[]) =>
          new TimerPoller(orm.em, clock, handlers, { pollMs: c.HUB_TIMER_POLL_MS, logger: messagingLoggerOf(l), around: aroundOf(uow) }),
      },
      {
        provide: EVENT_CONSUMERS,
        inject: [MIKRO_ORM, MESSAGE_BUS, HUB_LOGGER, UnitOfWork, MetricsRegistry, Clock, ...handlerTypes],
        useFactory: (orm: MikroORM, bus: MessageBus, l: Logger, uow: UnitOfWork, metrics: MetricsRegistry, clock: Clock, ...handlers: EventHandler[]) => {
          const consumers = consumerSpecs.map(
            (spec) =>
              new EventConsumer(orm.em, bus, {
                name: spec.name,
                topics: spec.topics,
                registry: spec.registry,
                logger: messagingLoggerOf(l),
                around: aroundOf(uow),
                handlers: spec.handlers.map((t) => handlers[handlerTypes.indexOf(t)]!),
              }),
          );
          registerMessagingMetrics(metrics, orm, bus, consumers, clock);
          return consumers;
        },
      },
      MessagingLifecycle,
    ];
    return {
      module: HubMessagingModule,
      global: true,
      providers,
      exports: [MESSAGE_BUS, Outbox, Timers, OutboxRelay, TimerPoller, IntegrationEventMapper, UNIT_OF_WORK_HOOKS, EVENT_CONSUMERS],
    };
  }
}

const isAdmin = (bus: MessageBus): bus is MessageBus & MessageBusAdmin => typeof (bus as Partial<MessageBusAdmin>).consumerLag === 'function';

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

const aroundOf =
  (uow: UnitOfWork): TransactionWrapper =>
  (em, work) =>
    uow.within(em as SqlEntityManager, work);

// ---------------------------------------------------------------------------------------------------
// The shorthand for a context: HTTP + persistence (with the messaging tables) + messaging.

export interface HubPlatformOptions<S extends z.ZodType<BaseConfig>> extends HubHttpOptions<S> {
  /** The context's own MikroORM entities (the messaging tables are added). */
  readonly entities: readonly (EntitySchema | Type)[];
  readonly eventMapper?: Type<IntegrationEventMapper>;
  readonly timerHandlers?: readonly Type<TimerHandler>[];
  readonly consumers?: readonly ConsumerSpec[];
}

/**
 * Everything a context app needs from the platform in one import: HubHttpModule,
 * HubPersistenceModule (with the outbox, inbox and timer tables) and HubMessagingModule.
 */
@Module({})
export class HubPlatformModule {
  static forRoot<S extends z.ZodType<BaseConfig>>(options: HubPlatformOptions<S>): DynamicModule {
    return {
      module: HubPlatformModule,
      global: true,
      imports: [
        HubHttpModule.forRoot(options),
        HubPersistenceModule.forRoot({ entities: options.entities, messagingTables: true }),
        HubMessagingModule.forRoot({
          name: options.name,
          ...(options.eventMapper ? { eventMapper: options.eventMapper } : {}),
          ...(options.timerHandlers ? { timerHandlers: options.timerHandlers } : {}),
          ...(options.consumers ? { consumers: options.consumers } : {}),
        }),
      ],
      exports: [HubHttpModule, HubPersistenceModule, HubMessagingModule],
    };
  }
}
