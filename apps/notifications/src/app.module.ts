import { type DynamicModule, Module } from '@nestjs/common';
import { HubPlatformModule } from '@hub/nest-commons';
import { notificationsConfigSchema } from './config.js';
import { notificationsEntities } from './notifications.entities.js';
import { NotificationsIntegrationEvents } from './notifications.integration-events.js';
import { REGISTRATION_EVENTS_CONSUMER } from './participants/interface/kafka/registration-events.consumer.js';
import { ParticipantsModule } from './participants/participants.module.js';
import { DeliverEmailTimerHandler } from './notices/application/timers/deliver-email.timer-handler.js';
import { NoticesModule } from './notices/notices.module.js';

/**
 * The platform (HTTP, auth, health, OpenAPI, /metrics; database and unit of work; outbox relay,
 * timers, consumers) for Notifications (ADR 0035 §8). `env` is for tests and the seed.
 */
export function notificationsPlatform(env?: Record<string, string | undefined>): DynamicModule {
  return HubPlatformModule.forRoot({
    name: 'notifications',
    title: 'Astana Hub — Notifications',
    description:
      'Statutory notices and reminders from the other contexts’ events (F-14 remarks, F-17 decision …), in the company’s language (kk/ru/en), by e-mail and in the portal inbox, with proof of delivery.',
    configSchema: notificationsConfigSchema,
    entities: notificationsEntities,
    // Which recorded domain events are published, in which version (ADR 0035 §3).
    eventMapper: NotificationsIntegrationEvents,
    // Durable timers (deadlines): one handler per timer kind.
    timerHandlers: [DeliverEmailTimerHandler],
    // Other contexts' events this one reacts to, each through the inbox (one effect per event): a
    // ConsumerSpec in src/<module>/interface/kafka/, its handlers (EventHandler providers of
    // @hub/messaging) in src/<module>/application/event-handlers/, run in the inbox's transaction.
    consumers: [REGISTRATION_EVENTS_CONSUMER],
    ...(env ? { env } : {}),
  });
}

/** The context's modules (the test harness and the seed import the same list). */
export const NOTIFICATIONS_MODULES = [NoticesModule, ParticipantsModule];

@Module({ imports: [notificationsPlatform(), ...NOTIFICATIONS_MODULES] })
export class AppModule {}
