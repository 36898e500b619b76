import { EventRegistry, ServiceApplicationRemarksIssuedV1, TOPICS } from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import { ServiceRemarksIssuedHandler } from '../../application/event-handlers/services.handlers.js';

/**
 * Notifications's consumer of services' events: the F-52 notice of remarks (statutory). Other types
 * on the topic are skipped; an unknown version of a listed one goes to the dead-letter topic.
 */
export const SERVICES_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'notifications.services-events',
  topics: [TOPICS.services.name],
  registry: new EventRegistry([ServiceApplicationRemarksIssuedV1]),
  handlers: [ServiceRemarksIssuedHandler],
};
