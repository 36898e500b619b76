import { EventRegistry, TOPICS, TrainingProviderApplicationFiledV1 } from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import { ProviderApplicationFiledHandler } from '../../application/event-handlers/training-documents.handler.js';

/** Documents's consumer of training's events (issue #10, ADR 0049): a filed provider application names its F-65 documents by id. Other training events are skipped. */
export const TRAINING_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'documents.training-events',
  topics: [TOPICS.training.name],
  registry: new EventRegistry([TrainingProviderApplicationFiledV1]),
  handlers: [ProviderApplicationFiledHandler],
};
