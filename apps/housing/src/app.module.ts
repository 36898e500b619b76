import { type DynamicModule, Module } from '@nestjs/common';
import { HubPlatformModule } from '@hub/nest-commons';
import { housingConfigSchema } from './config.js';
import { housingEntities } from './housing.entities.js';
import { HousingIntegrationEvents } from './housing.integration-events.js';
import { REGISTRATION_EVENTS_CONSUMER } from './participants/interface/kafka/registration-events.consumer.js';
import { ParticipantsModule } from './participants/participants.module.js';
import { RequestReviewDueTimerHandler } from './requests/application/timers/request-review-due.timer-handler.js';
import { RequestsModule } from './requests/requests.module.js';

/**
 * The platform (HTTP, auth, health, OpenAPI, /metrics; database and unit of work; outbox relay,
 * timers, consumers) for Housing and premises (ADR 0035 §8). `env` is for tests and the seed.
 */
export function housingPlatform(env?: Record<string, string | undefined>): DynamicModule {
  return HubPlatformModule.forRoot({
    name: 'housing',
    title: 'Astana Hub — Housing and premises',
    description: 'TODO: what this context does for the Fund, with its rule IDs (F-xx … F-yy).',
    configSchema: housingConfigSchema,
    entities: housingEntities,
    // Which recorded domain events are published, in which version (ADR 0035 §3).
    eventMapper: HousingIntegrationEvents,
    // Durable timers (deadlines): one handler per timer kind.
    timerHandlers: [RequestReviewDueTimerHandler],
    // Other contexts' events this one reacts to, each through the inbox (one effect per event): a
    // ConsumerSpec in src/<module>/interface/kafka/, its handlers (EventHandler providers of
    // @hub/messaging) in src/<module>/application/event-handlers/, run in the inbox's transaction.
    consumers: [REGISTRATION_EVENTS_CONSUMER],
    ...(env ? { env } : {}),
  });
}

@Module({ imports: [housingPlatform(), RequestsModule, ParticipantsModule] })
export class AppModule {}
