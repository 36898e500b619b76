import { type DynamicModule, Module } from '@nestjs/common';
import { HubPlatformModule } from '@hub/nest-commons';
import { ApplicationsModule } from './applications/applications.module.js';
import { BillingModule } from './billing/billing.module.js';
import { InvoiceArchiveTimerHandler } from './billing/application/timers/invoice-archive.timer-handler.js';
import { InvoiceDueTimerHandler } from './billing/infrastructure/invoice-due.timer-handler.js';
import { ReviewDueTimerHandler } from './applications/application/timers/review-due.timer-handler.js';
import { CatalogueModule } from './catalogue/catalogue.module.js';
import { CohortsModule } from './cohorts/cohorts.module.js';
import { PurchasesModule } from './purchases/purchases.module.js';
import { servicesConfigSchema } from './config.js';
import { PARTICIPATION_EVENTS_CONSUMER } from './participants/interface/kafka/participation-events.consumer.js';
import { ParticipantsModule } from './participants/participants.module.js';
import { servicesEntities } from './services.entities.js';
import { ServicesIntegrationEvents } from './services.integration-events.js';

/**
 * The platform for Services and pricing (ADR 0035 §8). `env` is for tests and the seed.
 */
export function servicesPlatform(env?: Record<string, string | undefined>): DynamicModule {
  return HubPlatformModule.forRoot({
    name: 'services',
    title: 'Astana Hub — Services and pricing',
    description:
      'The Fund’s programme services for participants and non-participants (F-43 … F-56): catalogue, effective-dated price list, calls with intake windows, service applications, review with remarks, decision and contract at a fixed price.',
    configSchema: servicesConfigSchema,
    entities: servicesEntities,
    eventMapper: ServicesIntegrationEvents,
    timerHandlers: [ReviewDueTimerHandler, InvoiceDueTimerHandler, InvoiceArchiveTimerHandler],
    consumers: [PARTICIPATION_EVENTS_CONSUMER],
    ...(env ? { env } : {}),
  });
}

/** The context's modules (the test harness and the seed import the same list). */
export const SERVICES_MODULES = [CatalogueModule, ApplicationsModule, ParticipantsModule, CohortsModule, PurchasesModule, BillingModule];

@Module({ imports: [servicesPlatform(), ...SERVICES_MODULES] })
export class AppModule {}
