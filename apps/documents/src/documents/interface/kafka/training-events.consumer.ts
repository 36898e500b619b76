import { EventRegistry, TOPICS, TrainingProviderApplicationFiledV1, TrainingRemarksFixedV1 } from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import { ProviderApplicationFiledHandler, RemarksFixedHandler } from '../../application/event-handlers/training-documents.handler.js';

/** Documents's consumer of training's events (issue #10, ADR 0049): a filed provider application (F-65) and the fix of its remarks (F-71) name their documents by id. Other training events are skipped. */
export const TRAINING_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'documents.training-events',
  topics: [TOPICS.training.name],
  registry: new EventRegistry([TrainingProviderApplicationFiledV1, TrainingRemarksFixedV1]),
  handlers: [ProviderApplicationFiledHandler, RemarksFixedHandler],
};
