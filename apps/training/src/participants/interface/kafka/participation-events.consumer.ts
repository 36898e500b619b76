import { EventRegistry, ParticipationStartedV1, ParticipationTerminatedV1, TOPICS } from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import { ParticipationStartedHandler, ParticipationTerminatedHandler } from '../../application/event-handlers/participation.handlers.js';

/**
 * Training's consumer of participation's events (app.module.ts `consumers`): group and inbox name
 * `training.participation-events`. Only the two handled events are in the registry: other types on
 * the topic are skipped; an unknown version of these goes to the dead-letter topic.
 */
export const PARTICIPATION_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'training.participation-events',
  topics: [TOPICS.participation.name],
  registry: new EventRegistry([ParticipationStartedV1, ParticipationTerminatedV1]),
  handlers: [ParticipationStartedHandler, ParticipationTerminatedHandler],
};
