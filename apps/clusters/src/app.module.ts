import { type DynamicModule, Module } from '@nestjs/common';
import { HubPlatformModule, KnownDocumentsModule, knownDocumentsConsumer } from '@hub/nest-commons';
import { clustersConfigSchema } from './config.js';
import { clustersEntities } from './clusters.entities.js';
import { ClustersIntegrationEvents } from './clusters.integration-events.js';
import { REGISTRATION_EVENTS_CONSUMER } from './participants/interface/kafka/registration-events.consumer.js';
import { ParticipantsModule } from './participants/participants.module.js';
import { ComplianceCheckDueTimerHandler } from './selection/application/timers/compliance-check-due.timer-handler.js';
import {
  ExpertOpinionsDueTimerHandler,
  InstituteTransferDueTimerHandler,
  OpinionsToOrganiserDueTimerHandler,
  ToCommissionDueTimerHandler,
} from './selection/application/timers/expert-stage-due.timer-handlers.js';
import { PublicationDueTimerHandler } from './selection/application/timers/publication-due.timer-handler.js';
import { SelectionModule } from './selection/selection.module.js';
import { NOTIFICATIONS_EVENTS_CONSUMER } from './selection/interface/kafka/notifications-events.consumer.js';

/**
 * The platform (HTTP, auth, health, OpenAPI, /metrics; database and unit of work; outbox relay,
 * timers, consumers) for Territorial clusters (ADR 0035 §8). `env` is for tests and the seed.
 */
export function clustersPlatform(env?: Record<string, string | undefined>): DynamicModule {
  return HubPlatformModule.forRoot({
    name: 'clusters',
    title: 'Astana Hub — Territorial clusters',
    description:
      'Competitive selection of territorial clusters (C-1 … C-21): rule sets as effective-dated data, rounds, applications, the compliance check, the expert stage, the Commission and the results.',
    configSchema: clustersConfigSchema,
    entities: clustersEntities,
    // Which recorded domain events are published, in which version (ADR 0035 §3).
    eventMapper: ClustersIntegrationEvents,
    // Durable timers (deadlines): one handler per timer kind.
    timerHandlers: [
      ComplianceCheckDueTimerHandler,
      InstituteTransferDueTimerHandler,
      ExpertOpinionsDueTimerHandler,
      OpinionsToOrganiserDueTimerHandler,
      ToCommissionDueTimerHandler,
      PublicationDueTimerHandler,
    ],
    // Other contexts' events this one reacts to, each through the inbox (one effect per event): a
    // ConsumerSpec in src/<module>/interface/kafka/, its handlers (EventHandler providers of
    // @hub/messaging) in src/<module>/application/event-handlers/, run in the inbox's transaction.
    // Issue #10: documents' verified uploads and their attachments (Annex 2 consents by id).
    consumers: [REGISTRATION_EVENTS_CONSUMER, NOTIFICATIONS_EVENTS_CONSUMER, knownDocumentsConsumer('clusters', undefined, { offices: true })],
    ...(env ? { env } : {}),
  });
}

@Module({ imports: [clustersPlatform(), SelectionModule, ParticipantsModule, KnownDocumentsModule] })
export class AppModule {}
