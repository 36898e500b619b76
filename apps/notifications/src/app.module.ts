import { type DynamicModule, Module } from '@nestjs/common';
import { HubPlatformModule } from '@hub/nest-commons';
import { notificationsConfigSchema } from './config.js';
import { MessagesModule } from './messages/messages.module.js';
import { ReportDueReminderTimerHandler } from './messages/application/timers/report-due-reminder.timer-handler.js';
import { FeeDueReminderTimerHandler } from './messages/application/timers/fee-due-reminder.timer-handler.js';
import { ObligationReminderTimerHandler } from './messages/application/timers/obligation-reminder.timer-handler.js';
import { StaffDigestTimerHandler } from './messages/application/timers/staff-digest.timer-handler.js';
import { CommissionDigestTimerHandler } from './messages/application/timers/commission-digest.timer-handler.js';
import { COMMISSION_AGENDA_CONSUMER } from './messages/interface/kafka/commission-agenda.consumer.js';
import { CLUSTERS_EVENTS_CONSUMER } from './messages/interface/kafka/clusters-events.consumer.js';
import { HOUSING_EVENTS_CONSUMER } from './messages/interface/kafka/housing-events.consumer.js';
import { PARTICIPATION_EVENTS_CONSUMER } from './messages/interface/kafka/participation-events.consumer.js';
import { REGISTRATION_EVENTS_CONSUMER } from './messages/interface/kafka/registration-events.consumer.js';
import { SERVICES_EVENTS_CONSUMER } from './messages/interface/kafka/services-events.consumer.js';
import { TRAINING_EVENTS_CONSUMER } from './messages/interface/kafka/training-events.consumer.js';
import { notificationsEntities } from './notifications.entities.js';
import { NotificationsIntegrationEvents } from './notifications.integration-events.js';

/**
 * The platform (HTTP, auth, health, OpenAPI, /metrics; database and unit of work; outbox relay,
 * timers, consumers) for Notifications (ADR 0035 §8). `env` is for tests and the seed.
 */
export function notificationsPlatform(env?: Record<string, string | undefined>): DynamicModule {
  return HubPlatformModule.forRoot({
    name: 'notifications',
    title: 'Astana Hub — Notifications',
    description:
      'Statutory notices (F-14 remarks, F-17 decision, F-40 inexpedience, C-12 return) and reminders (F-21 fees, F-37 reports; the staff daily digest from the deadlines board) from the other contexts’ events, as messages from reviewed templates in kk/ru/en: e-mail over SMTP with retries and dead-lettering, the in-portal inbox, and the proof of delivery (notifications.notice-delivered).',
    configSchema: notificationsConfigSchema,
    entities: notificationsEntities,
    eventMapper: NotificationsIntegrationEvents,
    timerHandlers: [
      FeeDueReminderTimerHandler,
      ReportDueReminderTimerHandler,
      ObligationReminderTimerHandler,
      StaffDigestTimerHandler,
      CommissionDigestTimerHandler,
    ],
    consumers: [
      REGISTRATION_EVENTS_CONSUMER,
      PARTICIPATION_EVENTS_CONSUMER,
      CLUSTERS_EVENTS_CONSUMER,
      TRAINING_EVENTS_CONSUMER,
      SERVICES_EVENTS_CONSUMER,
      HOUSING_EVENTS_CONSUMER,
      COMMISSION_AGENDA_CONSUMER,
    ],
    ...(env ? { env } : {}),
  });
}

@Module({ imports: [notificationsPlatform(), MessagesModule] })
export class AppModule {}
