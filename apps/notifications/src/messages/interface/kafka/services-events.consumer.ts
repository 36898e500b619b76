import {
  EventRegistry,
  ServiceApplicationRemarksIssuedV1,
  ServiceDeliveryActAnsweredV1,
  ServiceDeliveryActIssuedV1,
  ServiceInvoiceIssuedV1,
  ServiceInvoiceOverdueV1,
  TOPICS,
} from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import {
  ServiceDeliveryActAnsweredHandler,
  ServiceDeliveryActIssuedHandler,
  ServiceInvoiceIssuedHandler,
  ServiceInvoiceOverdueHandler,
} from '../../application/event-handlers/services-billing.handlers.js';
import { ServiceRemarksIssuedHandler } from '../../application/event-handlers/services.handlers.js';

/**
 * Notifications's consumer of services' events: the F-52 notice of remarks (statutory); the F-55
 * contract money and acts (ADR 0105) — an invoice issued or overdue and an act issued to the
 * company, an act disputed to the Fund. `services.invoice-paid` and the other types on the topic are
 * skipped; an unknown version of a listed one goes to the dead-letter topic.
 */
export const SERVICES_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'notifications.services-events',
  topics: [TOPICS.services.name],
  registry: new EventRegistry([
    ServiceApplicationRemarksIssuedV1,
    ServiceInvoiceIssuedV1,
    ServiceInvoiceOverdueV1,
    ServiceDeliveryActIssuedV1,
    ServiceDeliveryActAnsweredV1,
  ]),
  handlers: [
    ServiceRemarksIssuedHandler,
    ServiceInvoiceIssuedHandler,
    ServiceInvoiceOverdueHandler,
    ServiceDeliveryActIssuedHandler,
    ServiceDeliveryActAnsweredHandler,
  ],
};
