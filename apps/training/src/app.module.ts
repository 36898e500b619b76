import { type DynamicModule, Module } from '@nestjs/common';
import { HubPlatformModule, KnownDocumentsModule, knownDocumentsConsumer } from '@hub/nest-commons';
import { trainingConfigSchema } from './config.js';
import { trainingEntities } from './training.entities.js';
import { TrainingIntegrationEvents } from './training.integration-events.js';
import { REGISTRATION_EVENTS_CONSUMER } from './participants/interface/kafka/registration-events.consumer.js';
import { PARTICIPATION_EVENTS_CONSUMER } from './participants/interface/kafka/participation-events.consumer.js';
import { ParticipantsModule } from './participants/participants.module.js';
import { CompletenessReviewDueTimerHandler } from './intakes/application/timers/completeness-review-due.timer-handler.js';
import { IntakesModule } from './intakes/intakes.module.js';
import { RemarksFixDueTimerHandler } from './intakes/application/timers/remarks-fix-due.timer-handler.js';
import { ContractDueTimerHandler, DecisionNoticeDueTimerHandler } from './commission/application/timers/decision-deadlines.timer-handlers.js';
import { CommissionModule } from './commission/commission.module.js';
import { NOTIFICATIONS_EVENTS_CONSUMER } from './commission/interface/kafka/notifications-events.consumer.js';
import { TraineesModule } from './trainees/trainees.module.js';

/**
 * The platform (HTTP, auth, health, OpenAPI, /metrics; database and unit of work; outbox relay,
 * timers, consumers) for ICT training (ADR 0035 §8). `env` is for tests and the seed.
 */
export function trainingPlatform(env?: Record<string, string | undefined>): DynamicModule {
  return HubPlatformModule.forRoot({
    name: 'training',
    title: 'Astana Hub — ICT training',
    description: 'ICT training programmes (F-63 … F-77): intakes, provider applications and their completeness review.',
    configSchema: trainingConfigSchema,
    entities: trainingEntities,
    // Which recorded domain events are published, in which version (ADR 0035 §3).
    eventMapper: TrainingIntegrationEvents,
    // Durable timers (deadlines): one handler per timer kind.
    timerHandlers: [CompletenessReviewDueTimerHandler, RemarksFixDueTimerHandler, DecisionNoticeDueTimerHandler, ContractDueTimerHandler],
    // Other contexts' events this one reacts to, each through the inbox (one effect per event): a
    // ConsumerSpec in src/<module>/interface/kafka/, its handlers (EventHandler providers of
    // @hub/messaging) in src/<module>/application/event-handlers/, run in the inbox's transaction.
    // Issue #10: documents' verified uploads and their attachments (F-65 syllabi and rights documents by id).
    consumers: [REGISTRATION_EVENTS_CONSUMER, PARTICIPATION_EVENTS_CONSUMER, NOTIFICATIONS_EVENTS_CONSUMER, knownDocumentsConsumer('training')],
    ...(env ? { env } : {}),
  });
}

@Module({ imports: [trainingPlatform(), IntakesModule, CommissionModule, TraineesModule, ParticipantsModule, KnownDocumentsModule] })
export class AppModule {}
