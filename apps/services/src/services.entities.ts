import type { EntitySchema } from '@mikro-orm/core';
import { ServiceApplicationSchema } from './applications/infrastructure/application.schema.js';
import { ServicePurchaseSchema } from './purchases/infrastructure/purchase.schema.js';
import { DeliveryActSchema, InvoiceArchiveSchema, InvoicePaymentSchema, InvoiceSchema } from './billing/infrastructure/billing.schema.js';
import { CohortEnrolmentSchema, CohortSchema, PiiAccessSchema } from './cohorts/infrastructure/cohort.schema.js';
import { CatalogueServiceSchema, PriceListEntrySchema, ServiceCallSchema } from './catalogue/infrastructure/catalogue.schema.js';
import { ServicesParticipationSchema } from './participants/infrastructure/participant.schema.js';

/** Every MikroORM entity of the services context (the platform adds the outbox, inbox and timer tables). */
export const servicesEntities: EntitySchema[] = [
  CatalogueServiceSchema,
  PriceListEntrySchema,
  ServiceCallSchema,
  ServiceApplicationSchema,
  ServicesParticipationSchema,
  CohortSchema,
  CohortEnrolmentSchema,
  PiiAccessSchema,
  ServicePurchaseSchema,
  InvoiceSchema,
  InvoicePaymentSchema,
  DeliveryActSchema,
  InvoiceArchiveSchema,
];
