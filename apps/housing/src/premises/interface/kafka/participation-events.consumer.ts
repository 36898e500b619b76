import { EventRegistry, ParticipationTerminatedV1, TOPICS } from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import { ParticipationTerminatedHandler } from '../../application/event-handlers/participation-terminated.handler.js';

/** Housing's consumer of participation's events (F-58: premises released on termination); group and inbox `housing.participation-events`. */
export const PARTICIPATION_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'housing.participation-events',
  topics: [TOPICS.participation.name],
  registry: new EventRegistry([ParticipationTerminatedV1]),
  handlers: [ParticipationTerminatedHandler],
};
