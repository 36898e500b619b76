import { type BeforeApplicationShutdown, type DynamicModule, Inject, Injectable, Module, type OnApplicationBootstrap, type Provider, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { MikroORM } from '@mikro-orm/postgresql';
import type { EntitySchema } from '@mikro-orm/core';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { EventRegistry } from '@hub/contracts';
import { Clock, SystemClock } from '@hub/kernel';
import {
  EventConsumer,
  type EventHandler,
  KafkaJsMessageBus,
  type MessageBus,
  Outbox,
  OutboxRelay,
  type TimerHandler,
  TimerPoller,
  Timers,
  messagingEntities,
} from '@hub/messaging';
import { AuthGuard } from './auth/auth.guard.js';
import { TokenVerifier } from './auth/token-verifier.js';
import { type BaseConfig, HUB_CONFIG, loadConfig } from './config/config.js';
import { UnitOfWork } from './database/unit-of-work.js';
import { HealthController } from './health/health.controller.js';
import { ProblemDetailsFilter } from './http/problem.filter.js';
import { createLogger, messagingLoggerOf } from './logging/logger.js';
import { MESSAGE_BUS, MIKRO_ORM } from './messaging/tokens.js';
import { HUB_APP_INFO } from './openapi/app-info.js';
import { OpenApiController, OpenApiGenerator } from './openapi/openapi.js';

export const HUB_LOGGER = Symbol('HUB_LOGGER');

export interface ConsumerSpec {
  /** Consumer group and inbox name, e.g. `participation.registration-events`. */
  readonly name: string;
  readonly topics: readonly string[];
  readonly registry: EventRegistry;
  /** Providers implementing EventHandler. */
  readonly handlers: readonly Type<EventHandler>[];
}

export interface HubPlatformOptions<S extends z.ZodType<BaseConfig>> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly version?: string;
  readonly configSchema: S;
  /** The context's own MikroORM entities (the messaging tables are added). */
  readonly entities: readonly (EntitySchema | Type)[];
  readonly timerHandlers?: readonly Type<TimerHandler>[];
  readonly consumers?: readonly ConsumerSpec[];
  /** Overrides for tests: an env object instead of process.env. */
  readonly env?: Record<string, string | undefined>;
}

const CONSUMERS = Symbol('HUB_CONSUMERS');

/** Starts the background workers after boot and stops them (and closes connections) on shutdown. */
@Injectable()
class PlatformLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(HUB_CONFIG) private readonly config: BaseConfig,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(TimerPoller) private readonly poller: TimerPoller,
    @Inject(CONSUMERS) private readonly consumers: EventConsumer[],
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(MIKRO_ORM) private readonly orm: MikroORM,
    @Inject(HUB_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.HUB_RUN_WORKERS) return;
    this.relay.start();
    this.poller.start();
    await Promise.all(this.consumers.map((c) => c.start()));
    this.logger.info({ consumers: this.consumers.length }, 'workers started: outbox relay, timer poller, consumers');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.relay.stop(), this.poller.stop(), ...this.consumers.map((c) => c.stop())]);
    await this.bus.close();
    await this.orm.close();
  }
}

/**
 * Everything a context app needs from the platform in one import: validated config, logger,
 * database (MikroORM with the messaging tables), unit of work, outbox + relay, timers + poller,
 * consumers with inbox, auth guard, problem+json filter, health and OpenAPI endpoints, CQRS.
 */
@Module({})
export class HubPlatformModule {
  static forRoot<S extends z.ZodType<BaseConfig>>(options: HubPlatformOptions<S>): DynamicModule {
    const timerHandlerTypes = options.timerHandlers ?? [];
    const consumerSpecs = options.consumers ?? [];
    const handlerTypes = [...new Set(consumerSpecs.flatMap((c) => c.handlers))];

    const providers: Provider[] = [
      { provide: HUB_CONFIG, useFactory: () => loadConfig(options.configSchema, options.env ?? process.env) },
      { provide: HUB_APP_INFO, useValue: { name: options.name, title: options.title, description: options.description, version: options.version ?? '1.0.0' } },
      { provide: HUB_LOGGER, inject: [HUB_CONFIG], useFactory: (c: BaseConfig) => createLogger(options.name, c.HUB_LOG_LEVEL) },
      { provide: Clock, useClass: SystemClock },
      {
        provide: MIKRO_ORM,
        inject: [HUB_CONFIG],
        useFactory: (c: BaseConfig) =>
          MikroORM.init({
            clientUrl: c.DATABASE_URL,
            entities: [...(options.entities as EntitySchema[]), ...messagingEntities],
            allowGlobalContext: false,
            pool: { min: 0, max: 10 },
            debug: false,
          }),
      },
      {
        provide: MESSAGE_BUS,
        inject: [HUB_CONFIG, HUB_LOGGER],
        useFactory: (c: BaseConfig, l: Logger) => new KafkaJsMessageBus({ clientId: options.name, brokers: c.HUB_KAFKA_BROKERS, logger: messagingLoggerOf(l) }),
      },
      { provide: Outbox, inject: [Clock], useFactory: (clock: Clock) => new Outbox(clock) },
      { provide: Timers, inject: [Clock], useFactory: (clock: Clock) => new Timers(clock) },
      {
        provide: OutboxRelay,
        inject: [MIKRO_ORM, MESSAGE_BUS, Clock, HUB_LOGGER],
        useFactory: (orm: MikroORM, bus: MessageBus, clock: Clock, l: Logger) => new OutboxRelay(orm.em, bus, clock, { logger: messagingLoggerOf(l) }),
      },
      { provide: UnitOfWork, inject: [MIKRO_ORM, OutboxRelay], useFactory: (orm: MikroORM, relay: OutboxRelay) => new UnitOfWork(orm, relay) },
      ...timerHandlerTypes,
      ...handlerTypes,
      {
        provide: TimerPoller,
        inject: [MIKRO_ORM, Clock, HUB_CONFIG, HUB_LOGGER, ...timerHandlerTypes],
        useFactory: (orm: MikroORM, clock: Clock, c: BaseConfig, l: Logger, ...handlers: TimerHandler[]) =>
          new TimerPoller(orm.em, clock, handlers, { pollMs: c.HUB_TIMER_POLL_MS, logger: messagingLoggerOf(l) }),
      },
      {
        provide: CONSUMERS,
        inject: [MIKRO_ORM, MESSAGE_BUS, HUB_LOGGER, ...handlerTypes],
        useFactory: (orm: MikroORM, bus: MessageBus, l: Logger, ...handlers: EventHandler[]) =>
          consumerSpecs.map(
            (spec) =>
              new EventConsumer(orm.em, bus, {
                name: spec.name,
                topics: spec.topics,
                registry: spec.registry,
                logger: messagingLoggerOf(l),
                handlers: spec.handlers.map((t) => handlers[handlerTypes.indexOf(t)]!),
              }),
          ),
      },
      {
        provide: TokenVerifier,
        inject: [HUB_CONFIG],
        useFactory: (c: BaseConfig) =>
          new TokenVerifier({
            ...(c.HUB_AUTH_JWKS_URL ? { jwksUrl: c.HUB_AUTH_JWKS_URL } : {}),
            ...(c.HUB_AUTH_JWKS_FILE ? { jwksFile: c.HUB_AUTH_JWKS_FILE } : {}),
            issuer: c.HUB_AUTH_ISSUER,
            audience: c.HUB_AUTH_AUDIENCE,
          }),
      },
      OpenApiGenerator,
      PlatformLifecycle,
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    ];

    return {
      module: HubPlatformModule,
      global: true,
      imports: [CqrsModule.forRoot(), DiscoveryModule],
      controllers: [HealthController, OpenApiController],
      providers,
      exports: [HUB_CONFIG, HUB_APP_INFO, HUB_LOGGER, Clock, MIKRO_ORM, MESSAGE_BUS, Outbox, Timers, OutboxRelay, UnitOfWork, TimerPoller, TokenVerifier, CqrsModule],
    };
  }
}
