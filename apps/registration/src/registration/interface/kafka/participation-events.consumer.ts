import { EventRegistry, ParticipationExtendedV1, ParticipationTerminatedV1, TOPICS } from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import { ParticipationExtendedHandler } from '../../application/event-handlers/participation-extended.handler.js';
import { ParticipationTerminatedHandler } from '../../application/event-handlers/participation-terminated.handler.js';

/**
 * Registration's consumer of participation's events (app.module.ts `consumers`; ADR 0055): the
 * public registry, the certificate's validity and its verification page follow the participant's
 * life (F-19, F-25, F-27, F-28). `name` is the Kafka consumer group and the inbox's consumer name.
 * Only the two events handled here are listed: the others on the topic are skipped; an unknown
 * version of a listed one goes to the dead-letter topic.
 */
export const PARTICIPATION_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'registration.participation-events',
  topics: [TOPICS.participation.name],
  registry: new EventRegistry([ParticipationTerminatedV1, ParticipationExtendedV1]),
  handlers: [ParticipationTerminatedHandler, ParticipationExtendedHandler],
};
