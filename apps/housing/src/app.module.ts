import { type DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@hub/contracts';
import { HubPlatformModule, KnownDocumentsModule, knownDocumentsConsumer } from '@hub/nest-commons';
import { AccelerationModule } from './acceleration/acceleration.module.js';
import { HousingF42RetentionEndedTimerHandler } from './acceleration/application/timers/f42-retention-ended.timer-handler.js';
import { OfferAcceptanceDueTimerHandler, VacateDueTimerHandler } from './acceleration/application/timers/housing.timer-handlers.js';
import { SERVICES_EVENTS_CONSUMER } from './acceleration/interface/kafka/services-events.consumer.js';
import { housingConfigSchema } from './config.js';
import { housingEntities } from './housing.entities.js';
import { HousingIntegrationEvents } from './housing.integration-events.js';
import { InventoryModule } from './inventory/inventory.module.js';
import { REGISTRATION_EVENTS_CONSUMER } from './participants/interface/kafka/registration-events.consumer.js';
import { ParticipantsModule } from './participants/participants.module.js';
import { PARTICIPATION_EVENTS_CONSUMER } from './premises/interface/kafka/participation-events.consumer.js';
import { PremisesHandBackDueTimerHandler } from './premises/application/timers/premises-hand-back.timer-handler.js';
import { PremisesModule } from './premises/premises.module.js';
import { ReportsModule } from './reports/reports.module.js';

/**
 * The platform (HTTP, auth, health, OpenAPI, /metrics; database and unit of work; outbox relay,
 * timers, consumers) for Housing and premises (ADR 0035 §8). `env` is for tests and the seed.
 */
export function housingPlatform(env?: Record<string, string | undefined>): DynamicModule {
  return HubPlatformModule.forRoot({
    name: 'housing',
    title: 'Astana Hub — Housing and premises',
    description:
      'Buildings, dwellings and premises of the Fund; housing for people in acceleration (F-59 … F-62): eligibility, waitlist, offers, contracts, check-in and acceptance-transfer acts, the 2-working-day vacate rule; premises for participants (F-57, F-58).',
    configSchema: housingConfigSchema,
    entities: housingEntities,
    // Which recorded domain events are published, in which version (ADR 0035 §3).
    eventMapper: HousingIntegrationEvents,
    // Durable timers (deadlines): one handler per timer kind.
    // F-42 (ADR 0124): the deletion of a person's personal data when its retention ends.
    timerHandlers: [OfferAcceptanceDueTimerHandler, VacateDueTimerHandler, PremisesHandBackDueTimerHandler, HousingF42RetentionEndedTimerHandler],
    // Other contexts' events, each through the inbox (one effect per event).
    // ADR 0053: documents' verified uploads and attachments (the scan of a premises handover act by id).
    consumers: [
      SERVICES_EVENTS_CONSUMER,
      REGISTRATION_EVENTS_CONSUMER,
      PARTICIPATION_EVENTS_CONSUMER,
      knownDocumentsConsumer('housing', TOPICS.documents.name),
    ],
    ...(env ? { env } : {}),
  });
}

/** The context's modules (also imported by the seed and the tests' harness). */
export const HOUSING_MODULES = [InventoryModule, AccelerationModule, ParticipantsModule, PremisesModule, ReportsModule, KnownDocumentsModule];

@Module({ imports: [housingPlatform(), ...HOUSING_MODULES] })
export class AppModule {}
