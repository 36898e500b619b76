import { ApplicationSubmittedV1, DecisionMadeV1, EventRegistry, ParticipantRegisteredV1, RemarksIssuedV1, TOPICS } from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import { ApplicationSubmittedHandler, DecisionMadeHandler, RemarksIssuedHandler } from '../../../notices/application/event-handlers/registration.handlers.js';
import { ParticipantRegisteredHandler } from '../../application/event-handlers/participant-registered.handler.js';

/**
 * Notifications' consumer of registration's events (one group, one inbox): the participants' copy,
 * the application's language (F-10), and the statutory notices of F-14 (remarks) and F-17 (decision).
 * Other types on the topic are skipped; an unknown version of a listed one goes to the dead-letter topic.
 */
export const REGISTRATION_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'notifications.registration-events',
  topics: [TOPICS.registration.name],
  registry: new EventRegistry([ParticipantRegisteredV1, ApplicationSubmittedV1, RemarksIssuedV1, DecisionMadeV1]),
  handlers: [ParticipantRegisteredHandler, ApplicationSubmittedHandler, RemarksIssuedHandler, DecisionMadeHandler],
};
