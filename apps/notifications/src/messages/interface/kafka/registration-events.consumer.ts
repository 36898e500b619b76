import { ApplicationSubmittedV1, DecisionMadeV1, EventRegistry, RemarksIssuedV1, TOPICS } from '@hub/contracts';
import { ApplicationSubmittedHandler } from '../../application/event-handlers/application-submitted.handler.js';
import type { ConsumerSpec } from '@hub/nest-commons';
import { DecisionMadeHandler } from '../../application/event-handlers/decision-made.handler.js';
import { RemarksIssuedHandler } from '../../application/event-handlers/remarks-issued.handler.js';

/**
 * Notifications's consumer of registration's events: the notices of F-14 (remarks) and F-17
 * (decision), and the application's contact from its filing (ADR 0121). Other types on the topic are skipped; an unknown version of a listed one goes to the
 * dead-letter topic.
 */
export const REGISTRATION_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'notifications.registration-events',
  topics: [TOPICS.registration.name],
  registry: new EventRegistry([RemarksIssuedV1, DecisionMadeV1, ApplicationSubmittedV1]),
  handlers: [DecisionMadeHandler, RemarksIssuedHandler, ApplicationSubmittedHandler],
};
