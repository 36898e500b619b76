import { EventRegistry, HousingPremisesHandedBackV1, TOPICS } from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import { PremisesHandedBackHandler } from '../../application/event-handlers/housing-documents.handler.js';

/** Documents's consumer of housing's events (ADR 0053): the act handing premises back names its scan by id. Other housing events are skipped. */
export const HOUSING_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'documents.housing-events',
  topics: [TOPICS.housing.name],
  registry: new EventRegistry([HousingPremisesHandedBackV1]),
  handlers: [PremisesHandedBackHandler],
};
