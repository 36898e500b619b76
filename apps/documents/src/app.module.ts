import { type DynamicModule, Module } from '@nestjs/common';
import { HubPlatformModule } from '@hub/nest-commons';
import { documentsConfigSchema } from './config.js';
import { RetentionEndedTimerHandler } from './documents/application/timers/retention-ended.timer-handler.js';
import { UploadExpiredTimerHandler } from './documents/application/timers/upload-expired.timer-handler.js';
import { DocumentsModule } from './documents/documents.module.js';
import { documentsEntities } from './documents.entities.js';
import { DocumentsIntegrationEvents } from './documents.integration-events.js';
import { PARTICIPATION_EVENTS_CONSUMER } from './documents/interface/kafka/participation-events.consumer.js';
import { TRAINING_EVENTS_CONSUMER } from './documents/interface/kafka/training-events.consumer.js';
import { CLUSTERS_EVENTS_CONSUMER } from './documents/interface/kafka/clusters-events.consumer.js';
import { HOUSING_EVENTS_CONSUMER } from './documents/interface/kafka/housing-events.consumer.js';
import { REGISTRATION_EVENTS_CONSUMER } from './participants/interface/kafka/registration-events.consumer.js';
import { ParticipantsModule } from './participants/participants.module.js';

/**
 * The platform (HTTP, auth, health, OpenAPI, /metrics; database and unit of work; outbox relay,
 * timers, consumers) for Documents (ADR 0035 §8). `env` is for tests and the seed.
 */
export function documentsPlatform(env?: Record<string, string | undefined>): DynamicModule {
  return HubPlatformModule.forRoot({
    name: 'documents',
    title: 'Astana Hub — Documents',
    description:
      'Uploaded documents verified in S3-compatible object storage and documents the Fund issues, stored once with their hash; access after F-35/F-42 checks, every download logged (ADR 0045).',
    configSchema: documentsConfigSchema,
    entities: documentsEntities,
    // Which recorded domain events are published, in which version (ADR 0035 §3).
    eventMapper: DocumentsIntegrationEvents,
    // Durable timers: an upload never completed is cleaned up; a document whose retention ended is purged.
    timerHandlers: [UploadExpiredTimerHandler, RetentionEndedTimerHandler],
    // Other contexts' events this one reacts to, each through the inbox (one effect per event): a
    // ConsumerSpec in src/<module>/interface/kafka/, its handlers (EventHandler providers of
    // @hub/messaging) in src/<module>/application/event-handlers/, run in the inbox's transaction.
    // Issue #10: the contexts' facts that name documents by id, so that they are attached (immutable).
    consumers: [REGISTRATION_EVENTS_CONSUMER, PARTICIPATION_EVENTS_CONSUMER, TRAINING_EVENTS_CONSUMER, CLUSTERS_EVENTS_CONSUMER, HOUSING_EVENTS_CONSUMER],
    ...(env ? { env } : {}),
  });
}

@Module({ imports: [documentsPlatform(), DocumentsModule, ParticipantsModule] })
export class AppModule {}
