import { EventRegistry, TOPICS, TrainingDecisionMadeV1, TrainingRemarksIssuedV1 } from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import { TrainingDecisionMadeHandler, TrainingRemarksIssuedHandler } from '../../application/event-handlers/training.handlers.js';

/**
 * Notifications's consumer of training's events: the F-70 remarks and the F-74 decision notices
 * (statutory). Other types on the topic are skipped; an unknown version of a listed one goes to the
 * dead-letter topic.
 */
export const TRAINING_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'notifications.training-events',
  topics: [TOPICS.training.name],
  registry: new EventRegistry([TrainingRemarksIssuedV1, TrainingDecisionMadeV1]),
  handlers: [TrainingRemarksIssuedHandler, TrainingDecisionMadeHandler],
};
