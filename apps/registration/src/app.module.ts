import { type DynamicModule, Module } from '@nestjs/common';
import { HubPlatformModule, knownDocumentsConsumer } from '@hub/nest-commons';
import { RegistrationIntegrationEvents } from './registration/application/registration.integration-events.js';
import { CertificateArchiveTimerHandler } from './registration/application/timers/certificate-archive.timer-handler.js';
import { ProtocolArchiveTimerHandler } from './registration/application/timers/protocol-archive.timer-handler.js';
import { DeadlineDueTimerHandler } from './registration/application/timers/deadline-due.timer-handler.js';
import { NOTIFICATIONS_EVENTS_CONSUMER } from './registration/interface/kafka/notifications-events.consumer.js';
import { PARTICIPATION_EVENTS_CONSUMER } from './registration/interface/kafka/participation-events.consumer.js';
import { RegistrationModule } from './registration/registration.module.js';
import { registrationConfigSchema } from './config.js';
import { registrationEntities } from './registration.entities.js';

/** The platform (database, outbox, timers, auth, OpenAPI, metrics) with registration's integration-event mapper, plus the registration module. `env` is for tests. */
export function registrationPlatform(env?: Record<string, string | undefined>): DynamicModule {
  return HubPlatformModule.forRoot({
    name: 'registration',
    title: 'Astana Hub — Registration',
    description: 'Participant applications, completeness review, Commission decisions, contracts, certificates and the public registry (F-7 … F-20).',
    configSchema: registrationConfigSchema,
    entities: registrationEntities,
    timerHandlers: [DeadlineDueTimerHandler, CertificateArchiveTimerHandler, ProtocolArchiveTimerHandler],
    eventMapper: RegistrationIntegrationEvents,
    // Participation's facts the registry follows (F-19, F-25, F-27, F-28), and notifications' proof
    // of delivery that closes the F-17 deadline, and documents' verified uploads (issue #10) — each once through the inbox.
    consumers: [PARTICIPATION_EVENTS_CONSUMER, NOTIFICATIONS_EVENTS_CONSUMER, knownDocumentsConsumer('registration')],
    ...(env ? { env } : {}),
  });
}

@Module({ imports: [registrationPlatform(), RegistrationModule] })
export class AppModule {}
